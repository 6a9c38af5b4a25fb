// The category tree: read, add, change, delete — registered from CATEGORY_ENDPOINTS.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CATEGORY_ENDPOINTS, ErrorBody } from '@jiesu/contracts';
import { createCategory, deleteCategory, listCategories, updateCategory } from '../../use-cases/categories/category-tree';
import { routeEndpoint } from '../endpoint-route';

const route = { prefix: '/api/categories', errors: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } };

export const categoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, CATEGORY_ENDPOINTS.tree, route, async (request) => listCategories(app.ctx, { includeInactive: request.query.includeInactive ?? false }));
  routeEndpoint(app, CATEGORY_ENDPOINTS.create, route, async (request) => createCategory(app.ctx, { actor: request.actor, ...request.body }));
  routeEndpoint(app, CATEGORY_ENDPOINTS.update, route, async (request) => updateCategory(app.ctx, { actor: request.actor, code: request.params.code, patch: request.body }));
  routeEndpoint(app, CATEGORY_ENDPOINTS.remove, route, async (request) => {
    await deleteCategory(app.ctx, { actor: request.actor, code: request.params.code });
    return null;
  });
};
