import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@jiesu/contracts';
import { Type } from 'typebox';
import { dispatchQueue, overdueBoard, unitInbox } from '../../use-cases/cases/case-queues';
import { sweepAllClocks } from '../../use-cases/clocks/sweep-all-clocks';
import { requireRole } from '../../use-cases/require';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const Open = Type.Object({}, { additionalProperties: true });

export const queueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/inbox',
    {
      schema: {
        tags: ['queues'],
        summary: "Your unit's inbox: to sign, in hand, due soon, overdue",
        querystring: Type.Object({ dueSoonHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })) }, { additionalProperties: false }),
        response: { 200: Open, ...errors },
      },
    },
    async (request) => unitInbox(app.ctx, { actor: request.actor, ...(request.query.dueSoonHours ? { dueSoonHours: request.query.dueSoonHours } : {}) }),
  );
  app.get(
    '/dispatch',
    { schema: { tags: ['queues'], summary: 'The dispatch queue of the centre or a district sub-centre', response: { 200: Open, ...errors } } },
    async (request) => dispatchQueue(app.ctx, { actor: request.actor }),
  );
  app.get(
    '/overdue',
    {
      schema: {
        tags: ['queues'],
        summary: 'The overdue board: running clocks past or near their deadline, by unit',
        querystring: Type.Object({ nearHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })) }, { additionalProperties: false }),
        response: { 200: Open, ...errors },
      },
    },
    async (request) => overdueBoard(app.ctx, { actor: request.actor, ...(request.query.nearHours ? { nearHours: request.query.nearHours } : {}) }),
  );
  app.post(
    '/sweep',
    { schema: { tags: ['queues'], summary: 'Run the reminder/escalation sweep of case clocks and work items now (supervisors)', response: { 200: Open, ...errors } } },
    async (request) => {
      requireRole(request.actor, 'supervisor', 'administrator');
      return sweepAllClocks(app.ctx);
    },
  );
};
