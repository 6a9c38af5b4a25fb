import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, SETTINGS_ENDPOINTS } from '@jiesu/contracts';
import { getCasePolicy, putCasePolicy } from '../../use-cases/settings/case-policy';
import { routeEndpoint } from '../endpoint-route';

const route = { prefix: '/api/settings', errors: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody } };

export const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, SETTINGS_ENDPOINTS.getCasePolicy, route, async () => getCasePolicy(app.ctx));
  routeEndpoint(app, SETTINGS_ENDPOINTS.putCasePolicy, route, async (request) => putCasePolicy(app.ctx, { actor: request.actor, policy: request.body }));
};
