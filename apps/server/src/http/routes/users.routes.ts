// Users of the actor's subtree: list, add, change — registered from USER_ENDPOINTS.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, USER_ENDPOINTS } from '@jiesu/contracts';
import { createUser } from '../../use-cases/users/create-user';
import { listUsers } from '../../use-cases/users/list-users';
import { updateUser } from '../../use-cases/users/update-user';
import { routeEndpoint } from '../endpoint-route';

const route = { prefix: '/api/users', errors: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } };

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, USER_ENDPOINTS.list, route, async (request) => {
    const q = request.query;
    return listUsers(app.ctx, { actor: request.actor, ...(q.unit ? { unitCode: q.unit } : {}), ...(q.role ? { role: q.role } : {}), limit: q.limit ?? 50, offset: q.offset ?? 0 });
  });
  routeEndpoint(app, USER_ENDPOINTS.create, route, async (request) => createUser(app.ctx, { actor: request.actor, ...request.body }));
  routeEndpoint(app, USER_ENDPOINTS.update, route, async (request) => updateUser(app.ctx, { actor: request.actor, id: request.params.id, patch: request.body }));
};
