// Community duty lists (社区职责清单): read and set — registered from DUTY_LIST_ENDPOINTS.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DUTY_LIST_ENDPOINTS, ErrorBody } from '@jiesu/contracts';
import { getDutyList, putDutyList } from '../../use-cases/cases/duty-lists';
import { routeEndpoint } from '../endpoint-route';

const route = { prefix: '/api/duty-lists', errors: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } };

export const dutyListRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, DUTY_LIST_ENDPOINTS.get, route, async (request) => getDutyList(app.ctx, { actor: request.actor, communityCode: request.params.code }));
  routeEndpoint(app, DUTY_LIST_ENDPOINTS.put, route, async (request) =>
    putDutyList(app.ctx, { actor: request.actor, communityCode: request.params.code, categoryPrefixes: request.body.categoryPrefixes }),
  );
};
