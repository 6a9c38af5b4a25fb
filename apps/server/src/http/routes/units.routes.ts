// Units in the actor's subtree: list, counts, one, add, change — registered from UNIT_ENDPOINTS.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, UNIT_ENDPOINTS } from '@jiesu/contracts';
import { createUnit } from '../../use-cases/org/create-unit';
import { getUnit } from '../../use-cases/org/get-unit';
import { countUnits, listUnits } from '../../use-cases/org/list-units';
import { updateUnit } from '../../use-cases/org/update-unit';
import { routeEndpoint } from '../endpoint-route';

const route = { prefix: '/api/units', errors: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } };

export const unitRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, UNIT_ENDPOINTS.list, route, async (request) => {
    const q = request.query;
    return listUnits(app.ctx, {
      actor: request.actor,
      ...(q.class ? { class: q.class } : {}),
      ...(q.parent ? { parentCode: q.parent } : {}),
      ...(q.q ? { q: q.q } : {}),
      includeInactive: q.includeInactive ?? false,
      limit: q.limit ?? 50,
      offset: q.offset ?? 0,
    });
  });
  routeEndpoint(app, UNIT_ENDPOINTS.counts, route, async (request) => countUnits(app.ctx, { actor: request.actor }));
  routeEndpoint(app, UNIT_ENDPOINTS.get, route, async (request) => getUnit(app.ctx, { actor: request.actor, code: request.params.code }));
  routeEndpoint(app, UNIT_ENDPOINTS.create, route, async (request) => createUnit(app.ctx, { actor: request.actor, ...request.body }));
  routeEndpoint(app, UNIT_ENDPOINTS.update, route, async (request) => updateUnit(app.ctx, { actor: request.actor, code: request.params.code, patch: request.body }));
};
