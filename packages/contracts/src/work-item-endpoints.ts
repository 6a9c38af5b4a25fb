// Endpoint descriptions (see endpoint.ts) of work items: the list, one item with its history, the
// create (replayable with an Idempotency-Key) and one POST per action, each with its own body.
import { WORK_ITEM_ACTIONS, type WorkItemAction } from '@jiesu/core';
import { Type } from 'typebox';
import { endpoint } from './endpoint';
import { CreateWorkItemBody, WORK_ITEM_ACTION_BODIES, WorkItemDetailSchema, WorkItemListQuery, WorkItemPageSchema, WorkItemSchema } from './work-items';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const WORK_ITEM_ENDPOINTS = {
  list: endpoint({
    method: 'GET',
    path: '/api/work-items',
    summary: 'Work items in your scope (owned by or set by units under yours), by deadline',
    tags: ['work items'],
    querystring: WorkItemListQuery,
    response: WorkItemPageSchema,
  }),
  get: endpoint({ method: 'GET', path: '/api/work-items/:id', summary: 'One work item with its history', tags: ['work items'], params: IdParams, response: WorkItemDetailSchema }),
  create: endpoint({
    method: 'POST',
    path: '/api/work-items',
    summary: 'Set a work item for a unit, or for a named person supervised by a unit',
    description: 'Send an `Idempotency-Key` header: a retried request with the same key returns the item the first one created (200) instead of creating another.',
    tags: ['work items'],
    successStatus: 201,
    isReplayable: true,
    body: CreateWorkItemBody,
    response: WorkItemSchema,
  }),
};

function actionEndpoint<A extends WorkItemAction>(action: A) {
  return endpoint({
    method: 'POST',
    path: `/api/work-items/:id/actions/${action}`,
    summary: action,
    tags: ['work item actions'],
    params: IdParams,
    body: WORK_ITEM_ACTION_BODIES[action],
    response: WorkItemSchema,
  });
}

/** POST /api/work-items/:id/actions/<action>, one description per action. */
export const WORK_ITEM_ACTION_ENDPOINTS = Object.fromEntries(WORK_ITEM_ACTIONS.map((a) => [a, actionEndpoint(a)])) as {
  [A in WorkItemAction]: ReturnType<typeof actionEndpoint<A>>;
};
