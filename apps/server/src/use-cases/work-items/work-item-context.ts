// What the work-item use cases share: the decision context (calendar read through the caller's
// transaction), the policy, loading an item in the actor's scope, checks on linked cases, and the
// item as the API presents it — with the actions this viewer may take now, from the core.
import {
  type Actor,
  allowedWorkItemActions,
  assertWorkItemInScope,
  DEFAULT_WORK_ITEM_POLICY,
  DomainError,
  isOpenWorkItemStatus,
  isPastDue,
  presentWorkItemForViewer,
  type WorkItem,
  type WorkItemAction,
  type WorkItemDecisionContext,
  type WorkItemPolicy,
  type UnitRef,
} from '@jiesu/core';
import type { AppContext } from '../../context';
import type { Tx } from '../../repositories';

/** The work-item policy in force. A core default until the settings store holds one (parseWorkItemPolicy validates it). */
export function workItemPolicy(): WorkItemPolicy {
  return DEFAULT_WORK_ITEM_POLICY;
}

export async function workItemDecisionContext(ctx: AppContext, actor: Actor, trx?: Tx): Promise<WorkItemDecisionContext> {
  return { now: ctx.now(), actor, calendar: await ctx.calendar.get(trx), policy: workItemPolicy() };
}

/** A unit named by code for an item, as the decider needs it; an unknown or inactive code is refused naming `field`. */
export async function resolveWorkItemUnit(ctx: AppContext, code: string, field: string, trx?: Tx): Promise<UnitRef> {
  const u = await ctx.unitDirectory.find(code, trx);
  if (!u || !u.isActive) throw new DomainError('UNIT_NOT_FOUND', `No active unit has the code ${code}.`, { field, code });
  return { code: u.code, name: u.name, path: u.path, class: u.class };
}

export function workItemNotFound(id: string): DomainError {
  return new DomainError('WORK_ITEM_NOT_FOUND', `No work item has the id ${id}.`, { workItemId: id });
}

export async function loadWorkItemInScope(ctx: AppContext, actor: Actor, id: string, trx?: Tx): Promise<WorkItem> {
  const item = await ctx.repos.workItems.load(id, trx);
  if (!item) throw workItemNotFound(id);
  assertWorkItemInScope(actor, item);
  return item;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Links must name real cases; a malformed or unknown id is refused naming its place in the list. */
export async function checkLinkedCases(ctx: AppContext, ids: readonly string[] | undefined, field: string, trx?: Tx): Promise<string[]> {
  const list = [...(ids ?? [])];
  list.forEach((id, i) => {
    if (!UUID.test(id)) throw new DomainError('VALIDATION_FAILED', `${field}[${i}] is not a case id.`, { field: `${field}[${i}]` });
  });
  const existing = await ctx.repos.workItems.existingCaseIds(list, trx);
  list.forEach((id, i) => {
    if (!existing.has(id)) throw new DomainError('CASE_NOT_FOUND', `No case has the id ${id}.`, { field: `${field}[${i}]` });
  });
  return list;
}

/** The item for this viewer (a person owner's contact masked unless they work with them), with what they may do now. */
export type PresentedWorkItem = WorkItem & {
  allowedActions: WorkItemAction[];
  /** Open and at or past its deadline (whether or not a sweep has escalated it yet). */
  isPastDue: boolean;
  isOverdue: boolean;
};

export function presentWorkItem(item: WorkItem, actor: Actor, now: Date): PresentedWorkItem {
  return {
    ...presentWorkItemForViewer(item, actor),
    allowedActions: allowedWorkItemActions(item, actor, now),
    isPastDue: isOpenWorkItemStatus(item.status) && isPastDue(item.clock, now),
    isOverdue: item.overdue.length > 0,
  };
}
