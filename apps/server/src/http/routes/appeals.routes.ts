import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { APPEAL_ENDPOINTS, ErrorBody } from '@jiesu/contracts';
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
  const at = { prefix: '/api/appeals', errors };
  routeEndpoint(app, APPEAL_ENDPOINTS.file, at, async (request) => present(await fileAppeal(app.ctx, { actor: request.actor, ...request.body })));
  routeEndpoint(app, APPEAL_ENDPOINTS.list, at, async (request) => {
    const page = await listAppeals(app.ctx, { actor: request.actor, ...request.query });
    return { total: page.total, items: page.items.map(present) };
  });
  routeEndpoint(app, APPEAL_ENDPOINTS.decide, at, async (request) => present(await decideAppeal(app.ctx, { actor: request.actor, appealId: request.params.id, ...request.body })));
};
