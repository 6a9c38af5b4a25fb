// Work items: list (scoped, filtered, keyset-paged), one item with its history, create
// (supervisors, leaders, administrators; Idempotency-Key), and one route per action.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CreateWorkItemBody, ErrorBody, WORK_ITEM_ACTION_BODIES, WorkItemDetailSchema, WorkItemListQuery, WorkItemPageSchema, WorkItemSchema } from '@jiesu/contracts';
import { WORK_ITEM_ACTIONS, type WorkItemAction } from '@jiesu/core';
import { Type } from 'typebox';
import { createOrReplayWorkItem } from '../../use-cases/work-items/create-work-item';
import { getWorkItem } from '../../use-cases/work-items/get-work-item';
import { listWorkItems } from '../../use-cases/work-items/list-work-items';
import { dueFromBody, performWorkItemAction } from '../../use-cases/work-items/perform-work-item-action';
import { presentWorkItem } from '../../use-cases/work-items/work-item-context';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const workItemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['work items'],
        summary: 'Work items in your scope (owned by or set by units under yours), by deadline',
        querystring: WorkItemListQuery,
        response: { 200: WorkItemPageSchema, ...errors },
      },
    },
    async (request) => {
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
    },
  );

  app.get('/:id', { schema: { tags: ['work items'], params: IdParams, response: { 200: WorkItemDetailSchema, ...errors } } }, async (request) =>
    getWorkItem(app.ctx, { actor: request.actor, id: request.params.id }),
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['work items'],
        summary: 'Set a work item for a unit, or for a named person supervised by a unit',
        description: 'Send an `Idempotency-Key` header: a retried request with the same key returns the item the first one created (200) instead of creating another.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) }),
        body: CreateWorkItemBody,
        response: { 200: WorkItemSchema, 201: WorkItemSchema, ...errors },
      },
    },
    async (request, reply) => {
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
        idempotencyKey: request.headers['idempotency-key'] ?? null,
      });
      return reply.status(isNew ? 201 : 200).send(presentWorkItem(item, request.actor, app.ctx.now()));
    },
  );

  // One route per action, each with its own body schema: POST /api/work-items/{id}/actions/complete …
  for (const action of WORK_ITEM_ACTIONS) {
    app.post(
      `/:id/actions/${action}`,
      {
        schema: {
          tags: ['work item actions'],
          summary: action,
          params: IdParams,
          body: WORK_ITEM_ACTION_BODIES[action],
          response: { 200: WorkItemSchema, ...errors },
        },
      },
      async (request) => {
        const item = await performWorkItemAction(app.ctx, {
          actor: request.actor,
          id: request.params.id,
          action: action as WorkItemAction,
          body: request.body,
        });
        return presentWorkItem(item, request.actor, app.ctx.now());
      },
    );
  }
};
