// Endpoint descriptions of intake intelligence: suggestions for a draft case, and the
// administrator-edited reference behind them (rules, dispatch catalogue, aliases, boundaries,
// duplicate settings, category models). Registered by apps/server/src/http/routes/intake.routes.ts.
import { Type } from 'typebox';
import { endpoint } from './endpoint';
import {
  BoundariesUploadBody,
  BoundarySummary,
  CategoryModelSummary,
  DispatchCatalogueBody,
  DispatchCatalogueResponse,
  DuplicateSettingsSchema,
  GazetteerAliasBody,
  GazetteerAliasSchema,
  RoutingRuleSchema,
  RoutingRulesBody,
  RuleListResponse,
  SuggestionDraftBody,
  SuggestionsResponse,
  UrgencyRuleSchema,
  UrgencyRulesBody,
} from './intake';

const tags = ['intake'] as const;
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

export const INTAKE_ENDPOINTS = {
  suggestions: endpoint({
    method: 'POST',
    path: '/api/intake/suggestions',
    summary: 'Suggest category, urgency, location, lead unit, duplicates and knowledge answers for a draft case, each with why',
    tags,
    body: SuggestionDraftBody,
    response: SuggestionsResponse,
  }),

  urgencyRules: endpoint({ method: 'GET', path: '/api/intake/urgency-rules', summary: 'Urgency rules (keywords → urgency)', tags, response: RuleListResponse(UrgencyRuleSchema) }),
  putUrgencyRules: endpoint({
    method: 'PUT',
    path: '/api/intake/urgency-rules',
    summary: 'Replace the urgency rules (administrators)',
    tags,
    body: UrgencyRulesBody,
    response: RuleListResponse(UrgencyRuleSchema),
  }),

  routingRules: endpoint({
    method: 'GET',
    path: '/api/intake/routing-rules',
    summary: 'Routing rules (category × district → lead unit)',
    tags,
    response: RuleListResponse(RoutingRuleSchema),
  }),
  putRoutingRules: endpoint({
    method: 'PUT',
    path: '/api/intake/routing-rules',
    summary: 'Replace the routing rules (administrators)',
    tags,
    body: RoutingRulesBody,
    response: RuleListResponse(RoutingRuleSchema),
  }),

  dispatchCatalogue: endpoint({
    method: 'GET',
    path: '/api/intake/dispatch-catalogue',
    summary: 'The dispatch catalogue (派单目录): phrases → category leaf → lead and co-handlers',
    tags,
    response: DispatchCatalogueResponse,
  }),
  putDispatchCatalogue: endpoint({
    method: 'PUT',
    path: '/api/intake/dispatch-catalogue',
    summary: 'Replace the dispatch catalogue (administrators; audited)',
    tags,
    body: DispatchCatalogueBody,
    response: DispatchCatalogueResponse,
  }),

  duplicateSettings: endpoint({ method: 'GET', path: '/api/intake/duplicate-settings', summary: 'How likely duplicates are searched', tags, response: DuplicateSettingsSchema }),
  putDuplicateSettings: endpoint({
    method: 'PUT',
    path: '/api/intake/duplicate-settings',
    summary: 'Set the duplicate search window, count and threshold (administrators)',
    tags,
    body: DuplicateSettingsSchema,
    response: DuplicateSettingsSchema,
  }),

  aliases: endpoint({
    method: 'GET',
    path: '/api/intake/aliases',
    summary: 'Gazetteer aliases (roads, landmarks, estates → unit)',
    tags,
    response: Type.Object({ items: Type.Array(GazetteerAliasSchema) }),
  }),
  addAlias: endpoint({
    method: 'POST',
    path: '/api/intake/aliases',
    summary: 'Add a gazetteer alias (administrators)',
    tags,
    successStatus: 201,
    body: GazetteerAliasBody,
    response: GazetteerAliasSchema,
  }),
  removeAlias: endpoint({
    method: 'DELETE',
    path: '/api/intake/aliases/:id',
    summary: 'Remove a gazetteer alias (administrators)',
    tags,
    successStatus: 204,
    params: IdParams,
    response: Type.Null(),
  }),

  boundaries: endpoint({
    method: 'GET',
    path: '/api/intake/boundaries',
    summary: 'Stored unit boundaries (point-in-polygon location)',
    tags,
    response: Type.Object({ items: Type.Array(BoundarySummary) }),
  }),
  uploadBoundaries: endpoint({
    method: 'POST',
    path: '/api/intake/boundaries',
    summary: 'Upload unit boundaries as a GeoJSON FeatureCollection (administrators)',
    tags,
    body: BoundariesUploadBody,
    response: Type.Object({ stored: Type.Integer() }),
  }),
  removeBoundary: endpoint({
    method: 'DELETE',
    path: '/api/intake/boundaries/:unitCode',
    summary: "Remove a unit's boundary (administrators)",
    tags,
    successStatus: 204,
    params: Type.Object({ unitCode: Type.String({ minLength: 1, maxLength: 40 }) }),
    response: Type.Null(),
  }),

  models: endpoint({
    method: 'GET',
    path: '/api/intake/models',
    summary: 'Category models, newest first',
    tags,
    response: Type.Object({ items: Type.Array(CategoryModelSummary) }),
  }),
  importModel: endpoint({
    method: 'POST',
    path: '/api/intake/models',
    summary: 'Import a category model artifact (format jiesu.category-model) and make it active (administrators)',
    tags,
    successStatus: 201,
    body: Type.Object(
      { artifact: Type.Record(Type.String(), Type.Unknown()), source: Type.Optional(Type.String({ maxLength: 200 })), activate: Type.Optional(Type.Boolean()) },
      { additionalProperties: false },
    ),
    response: Type.Object({ id: Type.Integer(), labels: Type.Array(Type.String()), trainingSize: Type.Integer(), isActive: Type.Boolean() }),
  }),
  trainModel: endpoint({
    method: 'POST',
    path: '/api/intake/models/train-from-cases',
    summary: "Train a model from the platform's finished cases (label = level-1 category), store and activate it (administrators)",
    tags,
    body: Type.Object(
      {
        minCases: Type.Optional(Type.Integer({ minimum: 2, maximum: 10_000_000, default: 200 })),
        testShare: Type.Optional(Type.Number({ minimum: 0, maximum: 0.9 })),
        seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647 })),
      },
      { additionalProperties: false },
    ),
    response: Type.Object({
      trained: Type.Boolean(),
      cases: Type.Integer(),
      reason: Type.Optional(Type.String()),
      id: Type.Optional(Type.Integer()),
      labels: Type.Optional(Type.Array(Type.String())),
      evaluation: Type.Optional(Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()])),
    }),
  }),
  activateModel: endpoint({
    method: 'POST',
    path: '/api/intake/models/:id/activate',
    summary: 'Make a stored model the active one (administrators)',
    tags,
    params: IdParams,
    response: Type.Object({ id: Type.Integer(), isActive: Type.Boolean() }),
  }),
};
