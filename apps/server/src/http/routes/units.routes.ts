import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CreateUnitBody, ErrorBody, Page, PageQuery, UnitClassSchema, UnitDetailSchema, UnitSchema, UpdateUnitBody } from '@jiesu/contracts';
import { Type } from 'typebox';
import { createUnit } from '../../use-cases/org/create-unit';
import { getUnit } from '../../use-cases/org/get-unit';
import { countUnits, listUnits } from '../../use-cases/org/list-units';
import { updateUnit } from '../../use-cases/org/update-unit';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const unitRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Units in your subtree, filtered by class, parent or name',
        querystring: Type.Object(
          {
            class: Type.Optional(UnitClassSchema),
            parent: Type.Optional(Type.String()),
            q: Type.Optional(Type.String({ maxLength: 50 })),
            includeInactive: Type.Optional(Type.Boolean()),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(UnitSchema), ...errors },
      },
    },
    async (request) => {
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
    },
  );

  app.get(
    '/counts',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Active units per class in your subtree',
        response: { 200: Type.Record(Type.String(), Type.Integer()), ...errors },
      },
    },
    async (request) => countUnits(app.ctx, { actor: request.actor }),
  );

  app.get('/:code', { schema: { tags: ['organisation'], params: Type.Object({ code: Type.String() }), response: { 200: UnitDetailSchema, ...errors } } }, async (request) =>
    getUnit(app.ctx, { actor: request.actor, code: request.params.code }),
  );

  app.post(
    '/',
    { schema: { tags: ['organisation'], summary: 'Add a department, enterprise or street section', body: CreateUnitBody, response: { 201: UnitSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await createUnit(app.ctx, { actor: request.actor, ...request.body })),
  );

  app.patch(
    '/:code',
    { schema: { tags: ['organisation'], params: Type.Object({ code: Type.String() }), body: UpdateUnitBody, response: { 200: UnitSchema, ...errors } } },
    async (request) => updateUnit(app.ctx, { actor: request.actor, code: request.params.code, patch: request.body }),
  );
};
