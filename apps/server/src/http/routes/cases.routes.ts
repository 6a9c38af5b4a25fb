import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CASE_ACTION_BODIES, CASE_ENDPOINTS, caseActionRequest, CaseDetailSchema, ErrorBody, HTTP_CASE_ACTIONS, IntakeBody } from '@jiesu/contracts';
import { Type } from 'typebox';
import { findCaseIdByNumber, getCase, getCaseTimeline, presentCase } from '../../use-cases/cases/get-case';
import { performCaseAction } from '../../use-cases/cases/perform-case-action';
import { searchCases } from '../../use-cases/cases/case-queues';
import { issueTrackingCode, trackingOnRetry } from '../../use-cases/cases/issue-tracking-code';
import { takeInCase } from '../../use-cases/cases/take-in-case';
import { routeEndpoint } from '../endpoint-route';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const caseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/',
    {
      schema: {
        tags: ['cases'],
        summary: '受理: take a request in',
        description:
          'Send an `Idempotency-Key` header: a retried request with the same key returns the case the first one created (200) instead of creating another. A new case (201) carries `trackingCode` (查询码) once, to tell the caller; it is also sent by SMS when the case has a phone (`isSmsQueued`). A retry (200) does not show the code again (only its hash is kept): it carries `isTrackingCodeGiven: true`, `trackingCodeGivenAt` and `isSmsQueued` as they were, so the operator can tell the caller to use the first code or the SMS.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) }),
        body: IntakeBody,
        response: { 200: CaseDetailSchema, 201: CaseDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const { state, isNew } = await takeInCase(app.ctx, {
        actor: request.actor,
        idempotencyKey: request.headers['idempotency-key'] ?? null,
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
      return reply.status(isNew ? 201 : 200).send({ ...(await presentCase(app.ctx, { actor: request.actor, state })), ...tracking });
    },
  );

  routeEndpoint(app, CASE_ENDPOINTS.list, { prefix: '/api/cases', errors }, async (request) => {
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

  app.get(
    '/by-number/:caseNumber',
    { schema: { tags: ['cases'], params: Type.Object({ caseNumber: Type.String({ pattern: '^\\d{8}-\\d{6,}$' }) }), response: { 200: CaseDetailSchema, ...errors } } },
    async (request) => {
      const id = await findCaseIdByNumber(app.ctx, { actor: request.actor, caseNumber: request.params.caseNumber });
      return getCase(app.ctx, { actor: request.actor, caseId: id });
    },
  );

  app.get('/:id', { schema: { tags: ['cases'], params: IdParams, response: { 200: CaseDetailSchema, ...errors } } }, async (request) =>
    getCase(app.ctx, { actor: request.actor, caseId: request.params.id }),
  );

  app.get(
    '/:id/timeline',
    {
      schema: {
        tags: ['cases'],
        summary: "A case's full history: who did what, when, from which status to which",
        params: IdParams,
        response: {
          200: Type.Object({
            caseId: Type.String(),
            caseNumber: Type.String(),
            status: Type.String(),
            version: Type.Integer(),
            events: Type.Array(Type.Object({}, { additionalProperties: true })),
          }),
          ...errors,
        },
      },
    },
    async (request) => getCaseTimeline(app.ctx, { actor: request.actor, caseId: request.params.id }),
  );

  // One route per action, each with its own body schema: POST /api/cases/{id}/sign, /return, …
  for (const action of HTTP_CASE_ACTIONS) {
    app.post(
      `/:id/${action.replace(/_/g, '-')}`,
      {
        schema: {
          tags: ['case actions'],
          summary: action.replace(/_/g, ' '),
          params: IdParams,
          body: CASE_ACTION_BODIES[action],
          response: { 200: CaseDetailSchema, ...errors },
        },
      },
      async (request) => {
        const state = await performCaseAction(app.ctx, { actor: request.actor, caseId: request.params.id, request: caseActionRequest(action, request.body) });
        return presentCase(app.ctx, { actor: request.actor, state });
      },
    );
  }
};
