// 四方联动 routes: send a policy notice, list and read notices, acknowledge, report actions.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, NoticeActionBody, NoticeBody } from '@jiesu/contracts';
import { Type } from 'typebox';
import { acknowledgeNotice, reportNoticeAction } from '../../use-cases/proactive/acknowledge-notice';
import { getNotice, listNotices } from '../../use-cases/proactive/get-notice';
import { sendNotice } from '../../use-cases/proactive/send-notice';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const View = Type.Unknown();
const ok = { 200: View, 201: View, ...errors };
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const tags = ['proactive'];

export const noticeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Notices sent by or to units in your area, newest first',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
        response: ok,
      },
    },
    async (request) => listNotices(app.ctx, { actor: request.actor, ...(request.query.limit ? { limit: request.query.limit } : {}) }),
  );
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Send a policy notice to units below yours (send an Idempotency-Key)',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) }),
        body: NoticeBody,
        response: ok,
      },
    },
    async (request, reply) => {
      const b = request.body;
      const { notice, isNew } = await sendNotice(app.ctx, {
        actor: request.actor,
        title: b.title,
        body: b.body,
        unitCodes: b.unitCodes,
        ackDueAt: new Date(b.ackDueAt),
        ...(b.attachmentIds ? { attachmentIds: b.attachmentIds } : {}),
        idempotencyKey: request.headers['idempotency-key'] ?? null,
      });
      return reply.status(isNew ? 201 : 200).send(notice);
    },
  );
  app.get('/:id', { schema: { tags, summary: 'A notice with its read receipts', params: IdParams, response: ok } }, async (request) =>
    getNotice(app.ctx, { actor: request.actor, id: request.params.id }),
  );
  app.post(
    '/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'Acknowledge (已知悉) for your unit',
        params: IdParams,
        body: Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
        response: ok,
      },
    },
    async (request) => acknowledgeNotice(app.ctx, { actor: request.actor, id: request.params.id, ...(request.body.note ? { note: request.body.note } : {}) }),
  );
  app.post('/:id/actions', { schema: { tags, summary: 'Report an action your unit took', params: IdParams, body: NoticeActionBody, response: ok } }, async (request) =>
    reportNoticeAction(app.ctx, {
      actor: request.actor,
      id: request.params.id,
      text: request.body.text,
      ...(request.body.attachmentIds ? { attachmentIds: request.body.attachmentIds } : {}),
    }),
  );
};
