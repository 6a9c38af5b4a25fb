// The (status × action) table of a work item: in which statuses an action may be taken, where it
// leads from each, and which code refuses it elsewhere. The decider checks this first, before
// roles or payloads, so a refusal for the wrong status is the same whoever asks.
import { DomainError } from '../errors';
import type { CaseErrorCode } from '../cases/case-error-codes';
import { WORK_ITEM_ACTIONS, type WorkItemAction } from './work-item-commands';
import type { WorkItemErrorCode } from './work-item-error-codes';
import { WORK_ITEM_STATUSES, type WorkItemKind, type WorkItemStatus } from './work-item-types';

type RefusalCode = WorkItemErrorCode | Extract<CaseErrorCode, 'ILLEGAL_TRANSITION'>;

export interface WorkItemActionRule {
  /** Allowed statuses and the status each leads to ('same': the action records without moving). */
  from: Partial<Record<WorkItemStatus, WorkItemStatus | 'same'>>;
}

const WHILE_OPEN = { open: 'same', in_progress: 'same' } as const;

export const WORK_ITEM_ACTION_RULES: Readonly<Record<WorkItemAction, WorkItemActionRule>> = {
  start: { from: { open: 'in_progress' } },
  // Reporting progress on an item nobody started starts it.
  progress: { from: { open: 'in_progress', in_progress: 'same' } },
  complete: { from: { open: 'done', in_progress: 'done' } },
  // A notice's whole point is its acknowledgement: for kind notice_ack it leads to done (see workItemTarget).
  acknowledge: { from: WHILE_OPEN },
  // Finished work sent back is work in hand again; a cancelled item starts over.
  reopen: { from: { done: 'in_progress', cancelled: 'open' } },
  cancel: { from: { open: 'cancelled', in_progress: 'cancelled' } },
  extend: { from: WHILE_OPEN },
  remind: { from: WHILE_OPEN },
  escalate: { from: WHILE_OPEN },
};

/** The code that refuses `action` in `status`, or null when the table allows it. */
export function workItemRefusalCode(status: WorkItemStatus, action: WorkItemAction): RefusalCode | null {
  if (WORK_ITEM_ACTION_RULES[action].from[status] !== undefined) return null;
  if (action === 'reopen') return 'WORK_ITEM_NOT_CLOSED';
  if (status === 'done' || status === 'cancelled') return 'WORK_ITEM_CLOSED';
  return 'ILLEGAL_TRANSITION';
}

export function canTakeWorkItemAction(status: WorkItemStatus, action: WorkItemAction): boolean {
  return workItemRefusalCode(status, action) === null;
}

/** Where `action` leads from `status` for an item of `kind`; null when the table forbids it. */
export function workItemTarget(kind: WorkItemKind, status: WorkItemStatus, action: WorkItemAction): WorkItemStatus | null {
  const to = WORK_ITEM_ACTION_RULES[action].from[status];
  if (to === undefined) return null;
  if (action === 'acknowledge' && kind === 'notice_ack') return 'done';
  return to === 'same' ? status : to;
}

export type WorkItemTransitionCell = { isAllowed: true; to: WorkItemStatus } | { isAllowed: false; code: RefusalCode };

/** The whole table for one kind, status by action: for documentation, the console and exhaustive tests. */
export function workItemTransitionTable(kind: WorkItemKind = 'general'): Record<WorkItemStatus, Record<WorkItemAction, WorkItemTransitionCell>> {
  const table = {} as Record<WorkItemStatus, Record<WorkItemAction, WorkItemTransitionCell>>;
  for (const status of WORK_ITEM_STATUSES) {
    const row = {} as Record<WorkItemAction, WorkItemTransitionCell>;
    for (const action of WORK_ITEM_ACTIONS) {
      const to = workItemTarget(kind, status, action);
      row[action] = to === null ? { isAllowed: false, code: workItemRefusalCode(status, action) ?? 'ILLEGAL_TRANSITION' } : { isAllowed: true, to };
    }
    table[status] = row;
  }
  return table;
}

const REFUSAL_MESSAGES: Record<RefusalCode, (action: WorkItemAction, status: WorkItemStatus) => string> = {
  WORK_ITEM_CLOSED: (a, s) => `This work item is ${s === 'done' ? 'done' : 'cancelled'}; it cannot be ${pastTense(a)} unless it is reopened.`,
  WORK_ITEM_NOT_CLOSED: () => 'This work item is still open; only a done or cancelled item can be reopened.',
  ILLEGAL_TRANSITION: (a, s) => `Cannot ${a} a work item that is ${s.replace(/_/g, ' ')}.`,
  WORK_ITEM_NOT_FOUND: () => 'No such work item.',
  NOT_WORK_ITEM_OWNER: () => 'Only the owner unit may do this.',
  NOT_WORK_ITEM_SUPERVISOR: () => 'Only the supervising unit may do this.',
  WORK_ITEM_ALREADY_ACKNOWLEDGED: () => 'This work item was already acknowledged.',
  WORK_ITEM_NOT_DUE: () => 'This work item is not past its deadline yet.',
  WORK_ITEM_ALREADY_ESCALATED: () => 'This work item was already escalated.',
  WORK_ITEM_DUE_INVALID: () => 'The deadline is not valid.',
};

function pastTense(action: WorkItemAction): string {
  switch (action) {
    case 'start':
      return 'started';
    case 'progress':
      return 'updated';
    case 'complete':
      return 'completed';
    case 'acknowledge':
      return 'acknowledged';
    case 'reopen':
      return 'reopened';
    case 'cancel':
      return 'cancelled';
    case 'extend':
      return 'extended';
    case 'remind':
      return 'reminded';
    case 'escalate':
      return 'escalated';
    default: {
      const unknown: never = action;
      throw new Error(`Unknown work-item action ${String(unknown)}`);
    }
  }
}

export function assertWorkItemActionAllowed(status: WorkItemStatus, action: WorkItemAction): void {
  const code = workItemRefusalCode(status, action);
  if (code === null) return;
  throw new DomainError(code, REFUSAL_MESSAGES[code](action, status), { action, status });
}
