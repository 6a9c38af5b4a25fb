// Intake intelligence over HTTP: suggestions for a draft case, and the administrator-edited
// reference behind them (rules, aliases, boundaries, duplicate settings, category models).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BoundariesUploadBody,
  BoundarySummary,
  CategoryModelSummary,
  DuplicateSettingsSchema,
  ErrorBody,
  GazetteerAliasBody,
  GazetteerAliasSchema,
  RoutingRuleSchema,
  RoutingRulesBody,
  RuleListResponse,
  DispatchCatalogueBody,
  DispatchCatalogueResponse,
  SuggestionDraftBody,
  SuggestionsResponse,
  UrgencyRuleSchema,
  UrgencyRulesBody,
} from '@jiesu/contracts';
import type { DispatchEntry, RoutingRule, UrgencyRule } from '@jiesu/core';
import { Type } from 'typebox';
import { activateCategoryModel, importCategoryModel, listCategoryModels, trainModelFromCases } from '../../use-cases/intake/category-models';
import { getDispatchCatalogue, putDispatchCatalogue } from '../../use-cases/intake/dispatch-catalogue';
import { addGazetteerAlias, listGazetteerAliases, removeGazetteerAlias } from '../../use-cases/intake/gazetteer-aliases';
import { getDuplicateSettings, getRoutingRules, getUrgencyRules, putDuplicateSettings, putRoutingRules, putUrgencyRules } from '../../use-cases/intake/intake-rules';
import { suggestIntake } from '../../use-cases/intake/suggest-intake';
import { listBoundaries, removeBoundary, uploadBoundaries } from '../../use-cases/intake/unit-boundaries';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['intake'];
/** A category model artifact is a few MB of JSON. */
const MODEL_BODY_LIMIT = 64 * 1024 * 1024;

export const intakeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/suggestions',
    {
      schema: {
        tags,
        summary: 'Suggest category, urgency, location, lead unit, duplicates and knowledge answers for a draft case, each with why',
        body: SuggestionDraftBody,
        response: { 200: SuggestionsResponse, ...errors },
      },
    },
    async (request) => suggestIntake(app.ctx, { actor: request.actor, draft: request.body }),
  );

  app.get(
    '/urgency-rules',
    { schema: { tags, summary: 'Urgency rules (keywords → urgency)', response: { 200: RuleListResponse(UrgencyRuleSchema), ...errors } } },
    async (request) => getUrgencyRules(app.ctx, { actor: request.actor }),
  );
  app.put(
    '/urgency-rules',
    { schema: { tags, summary: 'Replace the urgency rules (administrators)', body: UrgencyRulesBody, response: { 200: RuleListResponse(UrgencyRuleSchema), ...errors } } },
    async (request) => putUrgencyRules(app.ctx, { actor: request.actor, rules: request.body.rules as UrgencyRule[] }),
  );

  app.get(
    '/routing-rules',
    { schema: { tags, summary: 'Routing rules (category × district → lead unit)', response: { 200: RuleListResponse(RoutingRuleSchema), ...errors } } },
    async (request) => getRoutingRules(app.ctx, { actor: request.actor }),
  );
  app.put(
    '/routing-rules',
    { schema: { tags, summary: 'Replace the routing rules (administrators)', body: RoutingRulesBody, response: { 200: RuleListResponse(RoutingRuleSchema), ...errors } } },
    async (request) => putRoutingRules(app.ctx, { actor: request.actor, rules: request.body.rules as RoutingRule[] }),
  );

  app.get(
    '/dispatch-catalogue',
    { schema: { tags, summary: 'The dispatch catalogue (派单目录): phrases → category leaf → lead and co-handlers', response: { 200: DispatchCatalogueResponse, ...errors } } },
    async (request) => getDispatchCatalogue(app.ctx, { actor: request.actor }),
  );
  app.put(
    '/dispatch-catalogue',
    { schema: { tags, summary: 'Replace the dispatch catalogue (administrators; audited)', body: DispatchCatalogueBody, response: { 200: DispatchCatalogueResponse, ...errors } } },
    async (request) => putDispatchCatalogue(app.ctx, { actor: request.actor, entries: request.body.entries as DispatchEntry[] }),
  );

  app.get('/duplicate-settings', { schema: { tags, summary: 'How likely duplicates are searched', response: { 200: DuplicateSettingsSchema, ...errors } } }, async (request) =>
    getDuplicateSettings(app.ctx, { actor: request.actor }),
  );
  app.put(
    '/duplicate-settings',
    {
      schema: {
        tags,
        summary: 'Set the duplicate search window, count and threshold (administrators)',
        body: DuplicateSettingsSchema,
        response: { 200: DuplicateSettingsSchema, ...errors },
      },
    },
    async (request) => putDuplicateSettings(app.ctx, { actor: request.actor, settings: request.body }),
  );

  app.get(
    '/aliases',
    { schema: { tags, summary: 'Gazetteer aliases (roads, landmarks, estates → unit)', response: { 200: Type.Object({ items: Type.Array(GazetteerAliasSchema) }), ...errors } } },
    async (request) => listGazetteerAliases(app.ctx, { actor: request.actor }),
  );
  app.post(
    '/aliases',
    { schema: { tags, summary: 'Add a gazetteer alias (administrators)', body: GazetteerAliasBody, response: { 201: GazetteerAliasSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await addGazetteerAlias(app.ctx, { actor: request.actor, ...request.body })),
  );
  app.delete(
    '/aliases/:id',
    {
      schema: {
        tags,
        summary: 'Remove a gazetteer alias (administrators)',
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeGazetteerAlias(app.ctx, { actor: request.actor, id: request.params.id });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/boundaries',
    { schema: { tags, summary: 'Stored unit boundaries (point-in-polygon location)', response: { 200: Type.Object({ items: Type.Array(BoundarySummary) }), ...errors } } },
    async (request) => listBoundaries(app.ctx, { actor: request.actor }),
  );
  app.post(
    '/boundaries',
    {
      bodyLimit: MODEL_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Upload unit boundaries as a GeoJSON FeatureCollection (administrators)',
        body: BoundariesUploadBody,
        response: { 200: Type.Object({ stored: Type.Integer() }), ...errors },
      },
    },
    async (request) =>
      uploadBoundaries(app.ctx, {
        actor: request.actor,
        features: request.body.features as Parameters<typeof uploadBoundaries>[1]['features'],
        ...(request.body.source !== undefined ? { source: request.body.source } : {}),
      }),
  );
  app.delete(
    '/boundaries/:unitCode',
    {
      schema: {
        tags,
        summary: "Remove a unit's boundary (administrators)",
        params: Type.Object({ unitCode: Type.String({ minLength: 1, maxLength: 40 }) }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeBoundary(app.ctx, { actor: request.actor, unitCode: request.params.unitCode });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/models',
    { schema: { tags, summary: 'Category models, newest first', response: { 200: Type.Object({ items: Type.Array(CategoryModelSummary) }), ...errors } } },
    async (request) => listCategoryModels(app.ctx, { actor: request.actor }),
  );
  app.post(
    '/models',
    {
      bodyLimit: MODEL_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import a category model artifact (format jiesu.category-model) and make it active (administrators)',
        body: Type.Object(
          { artifact: Type.Record(Type.String(), Type.Unknown()), source: Type.Optional(Type.String({ maxLength: 200 })), activate: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer(), labels: Type.Array(Type.String()), trainingSize: Type.Integer(), isActive: Type.Boolean() }), ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await importCategoryModel(app.ctx, {
          actor: request.actor,
          artifact: request.body.artifact,
          source: request.body.source ?? 'uploaded over the API',
          ...(request.body.activate !== undefined ? { activate: request.body.activate } : {}),
        }),
      ),
  );
  app.post(
    '/models/train-from-cases',
    {
      schema: {
        tags,
        summary: "Train a model from the platform's finished cases (label = level-1 category), store and activate it (administrators)",
        body: Type.Object(
          {
            minCases: Type.Optional(Type.Integer({ minimum: 2, maximum: 10_000_000, default: 200 })),
            testShare: Type.Optional(Type.Number({ minimum: 0, maximum: 0.9 })),
            seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            trained: Type.Boolean(),
            cases: Type.Integer(),
            reason: Type.Optional(Type.String()),
            id: Type.Optional(Type.Integer()),
            labels: Type.Optional(Type.Array(Type.String())),
            evaluation: Type.Optional(Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()])),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      trainModelFromCases(app.ctx, {
        actor: request.actor,
        minCases: request.body.minCases ?? 200,
        ...(request.body.testShare !== undefined ? { testShare: request.body.testShare } : {}),
        ...(request.body.seed !== undefined ? { seed: request.body.seed } : {}),
      }),
  );
  app.post(
    '/models/:id/activate',
    {
      schema: {
        tags,
        summary: 'Make a stored model the active one (administrators)',
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }),
        response: { 200: Type.Object({ id: Type.Integer(), isActive: Type.Boolean() }), ...errors },
      },
    },
    async (request) => activateCategoryModel(app.ctx, { actor: request.actor, id: request.params.id }),
  );
};
