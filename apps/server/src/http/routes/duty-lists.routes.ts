import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@jiesu/contracts';
import { Type } from 'typebox';
import { getDutyList, putDutyList } from '../../use-cases/cases/duty-lists';

const DutyList = Type.Object({ communityCode: Type.String(), categoryPrefixes: Type.Array(Type.String()) });
const Params = Type.Object({ code: Type.String({ pattern: '^\\d{12}$' }) });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const dutyListRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/:code',
    { schema: { tags: ['organisation'], summary: "A community's duty list (社区职责清单)", params: Params, response: { 200: DutyList, ...errors } } },
    async (request) => getDutyList(app.ctx, { actor: request.actor, communityCode: request.params.code }),
  );
  app.put(
    '/:code',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Set the categories (code prefixes) a community may lead',
        params: Params,
        body: Type.Object({ categoryPrefixes: Type.Array(Type.String({ pattern: '^\\d{2,6}\\*?$' }), { maxItems: 500 }) }, { additionalProperties: false }),
        response: { 200: DutyList, ...errors },
      },
    },
    async (request) => putDutyList(app.ctx, { actor: request.actor, communityCode: request.params.code, categoryPrefixes: request.body.categoryPrefixes }),
  );
};
