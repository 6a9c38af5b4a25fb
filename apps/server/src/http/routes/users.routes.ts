import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CreateUserBody, ErrorBody, Page, PageQuery, RoleSchema, UpdateUserBody, UserSchema } from '@jiesu/contracts';
import { Type } from 'typebox';
import { createUser } from '../../use-cases/users/create-user';
import { listUsers } from '../../use-cases/users/list-users';
import { updateUser } from '../../use-cases/users/update-user';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['users'],
        querystring: Type.Object({ unit: Type.Optional(Type.String()), role: Type.Optional(RoleSchema), ...PageQuery }, { additionalProperties: false }),
        response: { 200: Page(UserSchema), ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      return listUsers(app.ctx, {
        actor: request.actor,
        ...(q.unit ? { unitCode: q.unit } : {}),
        ...(q.role ? { role: q.role } : {}),
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      });
    },
  );

  app.post('/', { schema: { tags: ['users'], body: CreateUserBody, response: { 201: UserSchema, ...errors } } }, async (request, reply) =>
    reply.status(201).send(await createUser(app.ctx, { actor: request.actor, ...request.body })),
  );

  app.patch(
    '/:id',
    { schema: { tags: ['users'], params: Type.Object({ id: Type.String({ format: 'uuid' }) }), body: UpdateUserBody, response: { 200: UserSchema, ...errors } } },
    async (request) => updateUser(app.ctx, { actor: request.actor, id: request.params.id, patch: request.body }),
  );
};
