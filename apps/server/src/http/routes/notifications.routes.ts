import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, IsoDateTime } from '@jiesu/contracts';
import { Type } from 'typebox';
import { listNotifications } from '../../use-cases/notifications/list-notifications';

const Notification = Type.Object({
  id: Type.Integer(),
  caseId: Type.Union([Type.String(), Type.Null()], { description: 'the case the message is about; null for a work item' }),
  workItemId: Type.Union([Type.String(), Type.Null()], { description: 'the work item the message is about; null for a case' }),
  caseNumber: Type.Union([Type.String(), Type.Null()]),
  subject: Type.Union([Type.String(), Type.Null()]),
  kind: Type.String({
    description:
      'assigned | withdrawn | summoned | reminder | escalation | requester_feedback, or work_item_assigned | work_item_reminder | work_item_escalation | work_item_extended | work_item_reopened | work_item_completed | work_item_cancelled',
  }),
  payload: Type.Record(Type.String(), Type.Unknown()),
  createdAt: IsoDateTime,
  deliveredAt: Type.Union([IsoDateTime, Type.Null()]),
});

export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['notifications'],
        summary: "Your unit's recent notifications: new assignments, withdrawals, whistle summons, reminders, escalations, and the same for work items",
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ unitCode: Type.String(), items: Type.Array(Notification) }), 401: ErrorBody },
      },
    },
    async (request) => listNotifications(app.ctx, { actor: request.actor, ...(request.query.limit ? { limit: request.query.limit } : {}) }),
  );
};
