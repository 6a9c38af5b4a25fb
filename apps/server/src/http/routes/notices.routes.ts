// 四方联动 routes: send a policy notice, list and read notices, acknowledge, report actions —
// registered from NOTICE_ENDPOINTS.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, NOTICE_ENDPOINTS } from '@jiesu/contracts';
import { acknowledgeNotice, reportNoticeAction } from '../../use-cases/proactive/acknowledge-notice';
import { getNotice, listNotices } from '../../use-cases/proactive/get-notice';
import { sendNotice } from '../../use-cases/proactive/send-notice';
import { idempotencyKeyOf, routeEndpoint } from '../endpoint-route';

const route = { prefix: '/api/notices', errors: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody } };
const E = NOTICE_ENDPOINTS;

export const noticeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, E.list, route, async (request) => listNotices(app.ctx, { actor: request.actor, ...(request.query.limit ? { limit: request.query.limit } : {}) }));
  routeEndpoint(app, E.send, route, async (request) => {
    const b = request.body;
    const { notice, isNew } = await sendNotice(app.ctx, {
      actor: request.actor,
      title: b.title,
      body: b.body,
      unitCodes: b.unitCodes,
      ackDueAt: new Date(b.ackDueAt),
      ...(b.attachmentIds ? { attachmentIds: b.attachmentIds } : {}),
      idempotencyKey: idempotencyKeyOf(request),
    });
    return { body: notice, isNew };
  });
  routeEndpoint(app, E.get, route, async (request) => getNotice(app.ctx, { actor: request.actor, id: request.params.id }));
  routeEndpoint(app, E.acknowledge, route, async (request) =>
    acknowledgeNotice(app.ctx, { actor: request.actor, id: request.params.id, ...(request.body.note ? { note: request.body.note } : {}) }),
  );
  routeEndpoint(app, E.reportAction, route, async (request) =>
    reportNoticeAction(app.ctx, {
      actor: request.actor,
      id: request.params.id,
      text: request.body.text,
      ...(request.body.attachmentIds ? { attachmentIds: request.body.attachmentIds } : {}),
    }),
  );
};
