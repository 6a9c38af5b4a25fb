// The work queues (inbox, dispatch queue, overdue board) and the supervisor's sweep — registered
// from QUEUE_ENDPOINTS.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, QUEUE_ENDPOINTS } from '@jiesu/contracts';
import { dispatchQueue, overdueBoard, unitInbox } from '../../use-cases/cases/case-queues';
import { sweepAllClocks } from '../../use-cases/clocks/sweep-all-clocks';
import { requireRole } from '../../use-cases/require';
import { routeEndpoint } from '../endpoint-route';

const route = { prefix: '/api/queues', errors: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody } };

export const queueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, QUEUE_ENDPOINTS.inbox, route, async (request) =>
    unitInbox(app.ctx, { actor: request.actor, ...(request.query.dueSoonHours ? { dueSoonHours: request.query.dueSoonHours } : {}) }),
  );
  routeEndpoint(app, QUEUE_ENDPOINTS.dispatch, route, async (request) => dispatchQueue(app.ctx, { actor: request.actor }));
  routeEndpoint(app, QUEUE_ENDPOINTS.overdue, route, async (request) =>
    overdueBoard(app.ctx, { actor: request.actor, ...(request.query.nearHours ? { nearHours: request.query.nearHours } : {}) }),
  );
  routeEndpoint(app, QUEUE_ENDPOINTS.sweep, route, async (request) => {
    requireRole(request.actor, 'supervisor', 'administrator');
    return sweepAllClocks(app.ctx);
  });
};
