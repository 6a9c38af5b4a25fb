// Hotspot mining (每月一题 candidates): compute a run, read the ranked groups with the formula, one
// group in detail, and the ranking weights.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ComputeHotspotsBody, ErrorBody, HotspotListQuery, HotspotWeightsBody } from '@jiesu/contracts';
import { Type } from 'typebox';
import { computeHotspots } from '../../use-cases/hotspots/compute-hotspots';
import { getHotspotWeights, setHotspotWeights } from '../../use-cases/hotspots/hotspot-weights';
import { getHotspotGroup, listHotspotRuns, listHotspots } from '../../use-cases/hotspots/list-hotspots';

const tags = ['hotspots'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
/** Success bodies are documented in docs/governance-topics.md. */
const Ok = Type.Unknown();

export const hotspotRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/runs',
    { schema: { tags, summary: 'Mine hotspots for a period (month, or from/to) and area; stores a ranked run', body: ComputeHotspotsBody, response: { 201: Ok, ...errors } } },
    async (request, reply) => {
      const { month, from, to, threshold, ...rest } = request.body;
      const { run, stages } = await computeHotspots(app.ctx, {
        actor: request.actor,
        period: { ...(month !== undefined ? { month } : {}), ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) },
        ...rest,
        ...(threshold !== undefined ? { grouping: { threshold } } : {}),
      });
      return reply.status(201).send({ run, stages });
    },
  );
  app.get('/runs', { schema: { tags, summary: 'Hotspot runs in your area, newest first', response: { 200: Ok, ...errors } } }, async (request) => ({
    items: await listHotspotRuns(app.ctx, { actor: request.actor }),
  }));
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Ranked hotspot groups of a run (default: the latest for your unit) with the ranking formula',
        querystring: HotspotListQuery,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => listHotspots(app.ctx, { actor: request.actor, ...request.query }),
  );
  app.get(
    '/groups/:id',
    {
      schema: {
        tags,
        summary: 'One hotspot group: metrics, trend by day, breakdown by area, representative cases',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => getHotspotGroup(app.ctx, { actor: request.actor, groupId: request.params.id }),
  );
  app.get('/weights', { schema: { tags, summary: 'Ranking weights in force and the formula', response: { 200: Ok, ...errors } } }, async () => getHotspotWeights(app.ctx));
  app.put(
    '/weights',
    { schema: { tags, summary: 'Change the ranking weights (administrator, analyst)', body: HotspotWeightsBody, response: { 200: Ok, ...errors } } },
    async (request) => setHotspotWeights(app.ctx, { actor: request.actor, weights: request.body }),
  );
};
