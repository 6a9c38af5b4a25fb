// Hotspot mining (每月一题 candidates): compute a run, read the ranked groups with the formula, one
// group in detail, and the ranking weights — registered from HOTSPOT_ENDPOINTS.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, HOTSPOT_ENDPOINTS } from '@jiesu/contracts';
import { computeHotspots } from '../../use-cases/hotspots/compute-hotspots';
import { getHotspotWeights, setHotspotWeights } from '../../use-cases/hotspots/hotspot-weights';
import { getHotspotGroup, listHotspotRuns, listHotspots } from '../../use-cases/hotspots/list-hotspots';
import { routeEndpoint } from '../endpoint-route';

const route = { prefix: '/api/hotspots', errors: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody } };

export const hotspotRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, HOTSPOT_ENDPOINTS.compute, route, async (request) => {
    const { month, from, to, threshold, ...rest } = request.body;
    const { run, stages } = await computeHotspots(app.ctx, {
      actor: request.actor,
      period: { ...(month !== undefined ? { month } : {}), ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) },
      ...rest,
      ...(threshold !== undefined ? { grouping: { threshold } } : {}),
    });
    return { run, stages };
  });
  routeEndpoint(app, HOTSPOT_ENDPOINTS.runs, route, async (request) => ({ items: await listHotspotRuns(app.ctx, { actor: request.actor }) }));
  routeEndpoint(app, HOTSPOT_ENDPOINTS.list, route, async (request) => listHotspots(app.ctx, { actor: request.actor, ...request.query }));
  routeEndpoint(app, HOTSPOT_ENDPOINTS.group, route, async (request) => getHotspotGroup(app.ctx, { actor: request.actor, groupId: request.params.id }));
  routeEndpoint(app, HOTSPOT_ENDPOINTS.weights, route, async () => getHotspotWeights(app.ctx));
  routeEndpoint(app, HOTSPOT_ENDPOINTS.putWeights, route, async (request) => setHotspotWeights(app.ctx, { actor: request.actor, weights: request.body }));
};
