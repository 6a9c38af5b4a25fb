// Work items: list (scoped, filtered, keyset-paged), one item with its history, create
// (supervisors, leaders, administrators; Idempotency-Key), and one route per action — registered
// from WORK_ITEM_ENDPOINTS and WORK_ITEM_ACTION_ENDPOINTS.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, WORK_ITEM_ACTION_ENDPOINTS, WORK_ITEM_ENDPOINTS } from '@jiesu/contracts';
import { WORK_ITEM_ACTIONS, type WorkItemAction } from '@jiesu/core';
import { createOrReplayWorkItem } from '../../use-cases/work-items/create-work-item';
import { getWorkItem } from '../../use-cases/work-items/get-work-item';
import { listWorkItems } from '../../use-cases/work-items/list-work-items';
import { dueFromBody, performWorkItemAction } from '../../use-cases/work-items/perform-work-item-action';
import { presentWorkItem } from '../../use-cases/work-items/work-item-context';
import { idempotencyKeyOf, routeEndpoint } from '../endpoint-route';

const route = { prefix: '/api/work-items', errors: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody } };

export const workItemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, WORK_ITEM_ENDPOINTS.list, route, async (request) => {
    const q = request.query;
    return listWorkItems(app.ctx, {
      actor: request.actor,
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.sourceType ? { sourceType: q.sourceType } : {}),
      ...(q.sourceId ? { sourceId: q.sourceId } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.overdue !== undefined ? { isOverdue: q.overdue } : {}),
      ...(q.owner ? { ownerUnitCode: q.owner } : {}),
      ...(q.linkedCase ? { linkedCaseId: q.linkedCase } : {}),
      ...(q.limit ? { limit: q.limit } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
    });
  });

  routeEndpoint(app, WORK_ITEM_ENDPOINTS.get, route, async (request) => getWorkItem(app.ctx, { actor: request.actor, id: request.params.id }));

  routeEndpoint(app, WORK_ITEM_ENDPOINTS.create, route, async (request) => {
    const b = request.body;
    const { item, isNew } = await createOrReplayWorkItem(app.ctx, {
      actor: request.actor,
      kind: b.kind,
      title: b.title,
      detail: b.detail ?? null,
      owner:
        b.owner.personName !== undefined
          ? { unitCode: b.owner.unitCode, personName: b.owner.personName, personContact: b.owner.personContact ?? null }
          : { unitCode: b.owner.unitCode },
      due: dueFromBody(b.due, 'body.due'),
      ...(b.sourceType !== undefined ? { sourceType: b.sourceType } : {}),
      ...(b.sourceId !== undefined ? { sourceId: b.sourceId } : {}),
      ...(b.linkedCaseIds ? { linkedCaseIds: b.linkedCaseIds } : {}),
      ...(b.isEvidenceRequired !== undefined ? { isEvidenceRequired: b.isEvidenceRequired } : {}),
      idempotencyKey: idempotencyKeyOf(request),
    });
    return { body: presentWorkItem(item, request.actor, app.ctx.now()), isNew };
  });

  // One route per action, each with its own body schema: POST /api/work-items/{id}/actions/complete …
  for (const action of WORK_ITEM_ACTIONS) {
    routeEndpoint(app, WORK_ITEM_ACTION_ENDPOINTS[action], route, async (request) => {
      const item = await performWorkItemAction(app.ctx, { actor: request.actor, id: request.params.id, action: action as WorkItemAction, body: request.body });
      return presentWorkItem(item, request.actor, app.ctx.now());
    });
  }
};
