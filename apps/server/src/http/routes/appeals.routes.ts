import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { APPEAL_ENDPOINTS, AppealDecisionBody, AppealListQuery, AppealSchema, ErrorBody, Page } from '@jiesu/contracts';
import { Type } from 'typebox';
import type { Appeal } from '../../repositories/appeal.repository';
import { decideAppeal } from '../../use-cases/appeals/decide-appeal';
import { fileAppeal } from '../../use-cases/appeals/file-appeal';
import { listAppeals } from '../../use-cases/appeals/list-appeals';
import { routeEndpoint } from '../endpoint-route';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

function present(a: Appeal) {
  const { unitPath: _unitPath, ...rest } = a;
  return { ...rest, isExemptInScoring: a.status === 'granted' };
}

export const appealRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, APPEAL_ENDPOINTS.file, { prefix: '/api/appeals', errors }, async (request) => present(await fileAppeal(app.ctx, { actor: request.actor, ...request.body })));
  app.get(
    '/',
    { schema: { tags: ['appeals'], summary: 'Appeals in your area, newest first', querystring: AppealListQuery, response: { 200: Page(AppealSchema), ...errors } } },
    async (request) => {
      const page = await listAppeals(app.ctx, { actor: request.actor, ...request.query });
      return { total: page.total, items: page.items.map(present) };
    },
  );
  app.post(
    '/:id/decision',
    {
      schema: {
        tags: ['appeals'],
        summary: 'Grant (the case becomes 免考核) or refuse an appeal — centre evaluators',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: AppealDecisionBody,
        response: { 200: AppealSchema, ...errors },
      },
    },
    async (request) => present(await decideAppeal(app.ctx, { actor: request.actor, appealId: request.params.id, ...request.body })),
  );
};
