import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, VISIT_ENDPOINTS } from '@jiesu/contracts';
import { recordVisitAttempt } from '../../use-cases/visits/record-visit-attempt';
import { visitQueue } from '../../use-cases/visits/visit-queue';
import { routeEndpoint } from '../endpoint-route';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

export const visitRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const at = { prefix: '/api/visits', errors };
  routeEndpoint(app, VISIT_ENDPOINTS.queue, at, async (request) => visitQueue(app.ctx, { actor: request.actor, ...request.query }));
  routeEndpoint(app, VISIT_ENDPOINTS.recordAttempt, at, async (request) =>
    recordVisitAttempt(app.ctx, { actor: request.actor, caseId: request.params.caseId, attempt: request.body }),
  );
};
