import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CategorySchema, CategoryTreeResponse, CreateCategoryBody, ErrorBody, UpdateCategoryBody } from '@jiesu/contracts';
import { Type } from 'typebox';
import { createCategory, deleteCategory, listCategories, updateCategory } from '../../use-cases/categories/category-tree';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const CodeParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{2,6}$' }) });

export const categoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['categories'],
        summary: 'The three-level category tree',
        querystring: Type.Object({ includeInactive: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: CategoryTreeResponse, ...errors },
      },
    },
    async (request) => listCategories(app.ctx, { includeInactive: request.query.includeInactive ?? false }),
  );
  app.post('/', { schema: { tags: ['categories'], body: CreateCategoryBody, response: { 201: CategorySchema, ...errors } } }, async (request, reply) =>
    reply.status(201).send(await createCategory(app.ctx, { actor: request.actor, ...request.body })),
  );
  app.patch('/:code', { schema: { tags: ['categories'], params: CodeParams, body: UpdateCategoryBody, response: { 200: CategorySchema, ...errors } } }, async (request) =>
    updateCategory(app.ctx, { actor: request.actor, code: request.params.code, patch: request.body }),
  );
  app.delete('/:code', { schema: { tags: ['categories'], params: CodeParams, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
    await deleteCategory(app.ctx, { actor: request.actor, code: request.params.code });
    return reply.status(204).send(null);
  });
};
