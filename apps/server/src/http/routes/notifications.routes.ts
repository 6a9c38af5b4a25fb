// The unit's notifications (the bell), registered from NOTIFICATION_ENDPOINTS.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, NOTIFICATION_ENDPOINTS } from '@jiesu/contracts';
import { listNotifications } from '../../use-cases/notifications/list-notifications';
import { routeEndpoint } from '../endpoint-route';

const route = { prefix: '/api/notifications', errors: { 400: ErrorBody, 401: ErrorBody } };

export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, NOTIFICATION_ENDPOINTS.list, route, async (request) =>
    listNotifications(app.ctx, {
      actor: request.actor,
      ...(request.query.limit ? { limit: request.query.limit } : {}),
      ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
    }),
  );
};
