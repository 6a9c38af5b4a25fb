import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, LOCKOUT_ENDPOINTS } from '@jiesu/contracts';
import { liftLockout } from '../../use-cases/auth/lift-lockout';
import { routeEndpoint } from '../endpoint-route';

export const lockoutRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const route = { prefix: '/api/lockouts', errors: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } };
  routeEndpoint(app, LOCKOUT_ENDPOINTS.lift, route, async (request) => liftLockout(app.ctx, { actor: request.actor, userId: request.params.userId }));
};
