import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CASE_ACTION_ENDPOINTS, CASE_ENDPOINTS, caseActionRequest, ErrorBody, HTTP_CASE_ACTIONS } from '@jiesu/contracts';
import { findCaseIdByNumber, getCase, getCaseTimeline, presentCase } from '../../use-cases/cases/get-case';
import { performCaseAction } from '../../use-cases/cases/perform-case-action';
import { searchCases } from '../../use-cases/cases/case-queues';
import { issueTrackingCode, trackingOnRetry } from '../../use-cases/cases/issue-tracking-code';
import { takeInCase } from '../../use-cases/cases/take-in-case';
import { idempotencyKeyOf, routeEndpoint } from '../endpoint-route';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
export const caseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const at = { prefix: '/api/cases', errors };

  routeEndpoint(app, CASE_ENDPOINTS.intake, at, async (request) => {
    const b = request.body;
    const { state, isNew } = await takeInCase(app.ctx, {
      actor: request.actor,
      idempotencyKey: idempotencyKeyOf(request),
      intake: {
        ...b,
        requester: { name: b.requester.name ?? null, phone: b.requester.phone ?? null, isAnonymous: b.requester.isAnonymous ?? false },
        location: {
          address: b.location.address,
          coordinates: b.location.coordinates ?? null,
          districtCode: b.location.districtCode ?? null,
          streetCode: b.location.streetCode ?? null,
          communityCode: b.location.communityCode ?? null,
        },
      },
    });
    // A new case gets its 查询码 (tracking code) for the caller: in the reply (once) and by SMS. A retry
    // says it was given (and when, and whether by SMS) without showing it again.
    const tracking = isNew ? await issueTrackingCode(app.ctx, state) : await trackingOnRetry(app.ctx, state);
    return { body: { ...(await presentCase(app.ctx, { actor: request.actor, state })), ...tracking }, isNew };
  });

  routeEndpoint(app, CASE_ENDPOINTS.list, at, async (request) => {
    const q = request.query;
    return searchCases(app.ctx, {
      actor: request.actor,
      filter: {
        ...(q.status ? { statuses: q.status } : {}),
        ...(q.urgency ? { urgency: q.urgency } : {}),
        ...(q.category ? { categoryPrefix: q.category } : {}),
        ...(q.lead ? { leadUnitCode: q.lead } : {}),
        ...(q.street ? { streetCode: q.street } : {}),
        ...(q.overdue !== undefined ? { isOverdue: q.overdue } : {}),
        ...(q.q ? { q: q.q } : {}),
        ...(q.from ? { receivedFrom: new Date(q.from) } : {}),
        ...(q.to ? { receivedTo: new Date(q.to) } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
        limit: q.limit ?? 50,
      },
    });
  });

  routeEndpoint(app, CASE_ENDPOINTS.byNumber, at, async (request) => {
    const id = await findCaseIdByNumber(app.ctx, { actor: request.actor, caseNumber: request.params.caseNumber });
    return getCase(app.ctx, { actor: request.actor, caseId: id });
  });

  routeEndpoint(app, CASE_ENDPOINTS.get, at, async (request) => getCase(app.ctx, { actor: request.actor, caseId: request.params.id }));

  routeEndpoint(app, CASE_ENDPOINTS.timeline, at, async (request) => getCaseTimeline(app.ctx, { actor: request.actor, caseId: request.params.id }));

  // One route per action, each with its own body schema: POST /api/cases/{id}/sign, /return, …
  for (const action of HTTP_CASE_ACTIONS) {
    routeEndpoint(app, CASE_ACTION_ENDPOINTS[action], at, async (request) => {
      const state = await performCaseAction(app.ctx, { actor: request.actor, caseId: request.params.id, request: caseActionRequest(action, request.body) });
      return presentCase(app.ctx, { actor: request.actor, state });
    });
  }
};
