// Intake intelligence over HTTP: suggestions for a draft case, and the administrator-edited
// reference behind them (rules, aliases, boundaries, duplicate settings, category models) —
// registered from INTAKE_ENDPOINTS (packages/contracts/src/intake-endpoints.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, INTAKE_ENDPOINTS as E } from '@jiesu/contracts';
import type { DispatchEntry, RoutingRule, UrgencyRule } from '@jiesu/core';
import { activateCategoryModel, importCategoryModel, listCategoryModels, trainModelFromCases } from '../../use-cases/intake/category-models';
import { getDispatchCatalogue, putDispatchCatalogue } from '../../use-cases/intake/dispatch-catalogue';
import { addGazetteerAlias, listGazetteerAliases, removeGazetteerAlias } from '../../use-cases/intake/gazetteer-aliases';
import { getDuplicateSettings, getRoutingRules, getUrgencyRules, putDuplicateSettings, putRoutingRules, putUrgencyRules } from '../../use-cases/intake/intake-rules';
import { suggestIntake } from '../../use-cases/intake/suggest-intake';
import { listBoundaries, removeBoundary, uploadBoundaries } from '../../use-cases/intake/unit-boundaries';
import { routeEndpoint } from '../endpoint-route';

const route = { prefix: '/api/intake', errors: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody } };
/** A category model artifact is a few MB of JSON. */
const MODEL_BODY_LIMIT = 64 * 1024 * 1024;
const largeBody = { ...route, bodyLimit: MODEL_BODY_LIMIT };

export const intakeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, E.suggestions, route, async (request) => suggestIntake(app.ctx, { actor: request.actor, draft: request.body }));

  routeEndpoint(app, E.urgencyRules, route, async (request) => getUrgencyRules(app.ctx, { actor: request.actor }));
  routeEndpoint(app, E.putUrgencyRules, route, async (request) => putUrgencyRules(app.ctx, { actor: request.actor, rules: request.body.rules as UrgencyRule[] }));

  routeEndpoint(app, E.routingRules, route, async (request) => getRoutingRules(app.ctx, { actor: request.actor }));
  routeEndpoint(app, E.putRoutingRules, route, async (request) => putRoutingRules(app.ctx, { actor: request.actor, rules: request.body.rules as RoutingRule[] }));

  routeEndpoint(app, E.dispatchCatalogue, route, async (request) => getDispatchCatalogue(app.ctx, { actor: request.actor }));
  routeEndpoint(app, E.putDispatchCatalogue, route, async (request) => putDispatchCatalogue(app.ctx, { actor: request.actor, entries: request.body.entries as DispatchEntry[] }));

  routeEndpoint(app, E.duplicateSettings, route, async (request) => getDuplicateSettings(app.ctx, { actor: request.actor }));
  routeEndpoint(app, E.putDuplicateSettings, route, async (request) => putDuplicateSettings(app.ctx, { actor: request.actor, settings: request.body }));

  routeEndpoint(app, E.aliases, route, async (request) => listGazetteerAliases(app.ctx, { actor: request.actor }));
  routeEndpoint(app, E.addAlias, route, async (request) => addGazetteerAlias(app.ctx, { actor: request.actor, ...request.body }));
  routeEndpoint(app, E.removeAlias, route, async (request) => {
    await removeGazetteerAlias(app.ctx, { actor: request.actor, id: request.params.id });
    return null;
  });

  routeEndpoint(app, E.boundaries, route, async (request) => listBoundaries(app.ctx, { actor: request.actor }));
  routeEndpoint(app, E.uploadBoundaries, largeBody, async (request) =>
    uploadBoundaries(app.ctx, {
      actor: request.actor,
      features: request.body.features as Parameters<typeof uploadBoundaries>[1]['features'],
      ...(request.body.source !== undefined ? { source: request.body.source } : {}),
    }),
  );
  routeEndpoint(app, E.removeBoundary, route, async (request) => {
    await removeBoundary(app.ctx, { actor: request.actor, unitCode: request.params.unitCode });
    return null;
  });

  routeEndpoint(app, E.models, route, async (request) => listCategoryModels(app.ctx, { actor: request.actor }));
  routeEndpoint(app, E.importModel, largeBody, async (request) =>
    importCategoryModel(app.ctx, {
      actor: request.actor,
      artifact: request.body.artifact,
      source: request.body.source ?? 'uploaded over the API',
      ...(request.body.activate !== undefined ? { activate: request.body.activate } : {}),
    }),
  );
  routeEndpoint(app, E.trainModel, route, async (request) =>
    trainModelFromCases(app.ctx, {
      actor: request.actor,
      minCases: request.body.minCases ?? 200,
      ...(request.body.testShare !== undefined ? { testShare: request.body.testShare } : {}),
      ...(request.body.seed !== undefined ? { seed: request.body.seed } : {}),
    }),
  );
  routeEndpoint(app, E.activateModel, route, async (request) => activateCategoryModel(app.ctx, { actor: request.actor, id: request.params.id }));
};
