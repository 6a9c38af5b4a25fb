// The audit log's list, registered from AUDIT_ENDPOINTS.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUDIT_ENDPOINTS, ErrorBody } from '@jiesu/contracts';
import { listAuditLog } from '../../use-cases/audit/list-audit-log';
import { routeEndpoint } from '../endpoint-route';

const route = { prefix: '/api/audit', errors: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody } };

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, AUDIT_ENDPOINTS.list, route, async (request) => {
    const q = request.query;
    return listAuditLog(app.ctx, {
      actor: request.actor,
      ...(q.from !== undefined ? { from: q.from } : {}),
      ...(q.to !== undefined ? { to: q.to } : {}),
      ...(q.action !== undefined ? { action: q.action } : {}),
      ...(q.targetType !== undefined ? { targetType: q.targetType } : {}),
      ...(q.targetId !== undefined ? { targetId: q.targetId } : {}),
      ...(q.actor !== undefined ? { actorUsername: q.actor } : {}),
      ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
    });
  });
};
