import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, VisitAttemptBody, VisitQueueQuery, VisitQueueSchema, VisitResultSchema } from '@jiesu/contracts';
import { Type } from 'typebox';
import { recordVisitAttempt } from '../../use-cases/visits/record-visit-attempt';
import { visitQueue } from '../../use-cases/visits/visit-queue';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

export const visitRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/queue',
    {
      schema: {
        tags: ['visits'],
        summary: '回访 queue: closed cases in your area awaiting their return visit',
        querystring: VisitQueueQuery,
        response: { 200: VisitQueueSchema, ...errors },
      },
    },
    async (request) => visitQueue(app.ctx, { actor: request.actor, ...request.query }),
  );
  app.post(
    '/:caseId/attempts',
    {
      schema: {
        tags: ['visits'],
        summary: 'Record a return-visit call attempt; the one that concludes the visit moves the case to visited',
        params: Type.Object({ caseId: Type.String({ format: 'uuid' }) }),
        body: VisitAttemptBody,
        response: { 200: VisitResultSchema, ...errors },
      },
    },
    async (request) => recordVisitAttempt(app.ctx, { actor: request.actor, caseId: request.params.caseId, attempt: request.body }),
  );
};
