// The work-item decider: given an item, a command and its context, return the next item with one
// history event and its notifications — or throw a DomainError and change nothing (the caller's
// item is cloned first). Checks run in a fixed order, shared with allowedWorkItemActions: the
// (status × action) table, then who may act, then the item's own preconditions, then the payload.
import { DomainError } from '../errors';
import { actorRef } from '../cases/case-decision';
import { isPastDue } from '../cases/case-clocks';
import type { CaseAttachment } from '../cases/case-types';
import type { Actor } from '../org/roles';
import { DEFAULT_WORK_ITEM_POLICY, isDeadlineSpan, resolveDue, startWorkItemClock, sweepWorkItem, type WorkItemPolicy } from './work-item-clock';
import { WORK_ITEM_ACTIONS, type WorkItemAction, type WorkItemCommand } from './work-item-commands';
import type { WorkItemDecision, WorkItemDecisionContext, WorkItemNotification } from './work-item-decision';
import { requireWorkItemActor } from './work-item-permissions';
import { assertWorkItemActionAllowed, workItemTarget } from './work-item-transitions';
import type { WorkItem, WorkItemEvidence } from './work-item-types';

export const MAX_WORK_ITEM_TEXT = 5000;

/** Everything but the payload: the table, who may act, and the item's own state. Throws the first refusal. */
export function guardWorkItemAction(item: WorkItem, action: WorkItemAction, actor: Actor, now?: Date): void {
  assertWorkItemActionAllowed(item.status, action);
  requireWorkItemActor(actor, item, action);
  if (action === 'acknowledge' && item.acknowledgedAt !== null) {
    throw new DomainError('WORK_ITEM_ALREADY_ACKNOWLEDGED', `This work item was acknowledged at ${item.acknowledgedAt.toISOString()}.`, {
      acknowledgedAt: item.acknowledgedAt.toISOString(),
    });
  }
  if (action === 'escalate') {
    if (item.clock.escalatedAt !== null) {
      throw new DomainError('WORK_ITEM_ALREADY_ESCALATED', 'This work item was already escalated for its current deadline.', {
        escalatedAt: item.clock.escalatedAt.toISOString(),
      });
    }
    if (now === undefined || sweepWorkItem(item, now) !== 'escalate') {
      throw new DomainError('WORK_ITEM_NOT_DUE', `This work item is not past its deadline (${item.clock.dueAt.toISOString()}) yet.`, {
        dueAt: item.clock.dueAt.toISOString(),
      });
    }
  }
}

/** The actions `actor` may take on `item` now, by the decider's own guards. Escalate is listed only when `now` is given. */
export function allowedWorkItemActions(item: WorkItem, actor: Actor, now?: Date): WorkItemAction[] {
  return WORK_ITEM_ACTIONS.filter((action) => {
    try {
      guardWorkItemAction(item, action, actor, now);
      return true;
    } catch (e) {
      if (e instanceof DomainError) return false;
      throw e;
    }
  });
}

function requireText(value: string | null | undefined, field: string, what: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0) throw new DomainError('VALIDATION_FAILED', `${what} is required.`, { field });
  if (text.length > MAX_WORK_ITEM_TEXT) throw new DomainError('VALIDATION_FAILED', `${what} may have at most ${MAX_WORK_ITEM_TEXT} characters.`, { field });
  return text;
}

function addLinkedCases(item: WorkItem, ids: readonly string[] | undefined): string[] {
  const added = (ids ?? []).filter((id) => !item.linkedCaseIds.includes(id));
  item.linkedCaseIds = [...new Set([...item.linkedCaseIds, ...added])];
  return [...new Set(added)];
}

/** 超期 against the owner unit, once per deadline. */
function markOverdue(item: WorkItem, now: Date): boolean {
  const exists = item.overdue.some((o) => o.dueAt.getTime() === item.clock.dueAt.getTime());
  if (exists) return false;
  item.overdue.push({ unitCode: item.owner.unit.code, dueAt: new Date(item.clock.dueAt.getTime()), markedAt: new Date(now.getTime()) });
  return true;
}

export function decideWorkItem(original: WorkItem, command: WorkItemCommand, ctx: WorkItemDecisionContext): WorkItemDecision {
  const now = new Date(ctx.now.getTime());
  guardWorkItemAction(original, command.type, ctx.actor, now);
  const policy: WorkItemPolicy = ctx.policy ?? DEFAULT_WORK_ITEM_POLICY;
  const item = structuredClone(original);
  const by = actorRef(ctx.actor);
  const fromStatus = item.status;
  const to = workItemTarget(item.kind, item.status, command.type);
  if (to === null) throw new Error('unreachable: the guard allowed an action the table forbids');
  const notifications: WorkItemNotification[] = [];
  const about = (unitCode: string) => ({ workItemId: item.id, unitCode, title: item.title });
  let attachments: CaseAttachment[] = [];
  let data: Record<string, unknown> = {};

  const addEvidence = (kind: WorkItemEvidence['kind'], text: string, files: readonly CaseAttachment[] | undefined) => {
    attachments = [...(files ?? [])];
    item.evidence.push({ kind, text, attachments, at: now, by });
  };
  /** Finishing: stop owing the deadline; finishing late is overdue even if no sweep escalated in time. */
  const finish = () => {
    item.closedAt = now;
    if (isPastDue(item.clock, now)) markOverdue(item, now);
    if (item.creator.unit.code !== item.owner.unit.code) notifications.push({ ...about(item.creator.unit.code), kind: 'work_item_completed' });
  };

  switch (command.type) {
    case 'start':
      break;
    case 'progress': {
      const text = requireText(command.text, 'text', 'A progress report');
      addEvidence('progress', text, command.attachments);
      data = { text, linkedCaseIds: addLinkedCases(item, command.linkedCaseIds) };
      break;
    }
    case 'complete': {
      const text = requireText(command.text, 'text', 'What was done');
      if (item.isEvidenceRequired && (command.attachments ?? []).length === 0) {
        throw new DomainError('EVIDENCE_REQUIRED', 'This work item must be completed with evidence files (photos, documents); upload them first.', {
          field: 'attachmentIds',
        });
      }
      addEvidence('completion', text, command.attachments);
      data = { text, linkedCaseIds: addLinkedCases(item, command.linkedCaseIds) };
      finish();
      break;
    }
    case 'acknowledge':
      item.acknowledgedAt = now;
      item.acknowledgedBy = by;
      if (to === 'done') {
        addEvidence('acknowledgement', command.note?.trim() || '已知悉', []);
        finish();
      }
      break;
    case 'reopen': {
      const reason = requireText(command.reason, 'reason', 'The reason for reopening');
      // A new deadline when asked for, or when the old one has passed: reopened work gets a clock it can meet.
      const previousDueAt = item.clock.dueAt;
      if (command.due !== undefined || isPastDue(item.clock, now)) {
        if (command.due === undefined) {
          throw new DomainError('VALIDATION_FAILED', 'The deadline has passed; give a new one (due) to reopen this work item.', { field: 'due' });
        }
        item.clock = startWorkItemClock(now, resolveDue(command.due, now, now, ctx.calendar, policy, 'due'), policy);
      } else {
        item.clock = startWorkItemClock(now, previousDueAt, policy);
      }
      item.closedAt = null;
      item.cancelReason = null;
      if (item.kind === 'notice_ack') {
        item.acknowledgedAt = null;
        item.acknowledgedBy = null;
      }
      data = { reason, previousDueAt, dueAt: item.clock.dueAt };
      notifications.push({ ...about(item.owner.unit.code), kind: 'work_item_reopened', dueAt: item.clock.dueAt });
      break;
    }
    case 'cancel': {
      const reason = requireText(command.reason, 'reason', 'The reason for cancelling');
      item.closedAt = now;
      item.cancelReason = reason;
      data = { reason };
      notifications.push({ ...about(item.owner.unit.code), kind: 'work_item_cancelled' });
      break;
    }
    case 'extend': {
      const reason = requireText(command.reason, 'reason', 'The reason for the extension');
      const previousDueAt = item.clock.dueAt;
      // A span counts from the current deadline (as a case extension does); the result must be later than it and than now.
      const notBefore = new Date(Math.max(previousDueAt.getTime(), now.getTime()));
      const dueAt = resolveDue(command.due, previousDueAt, notBefore, ctx.calendar, policy, 'due');
      // The reminder share is of the whole span from the original start; a new deadline gets its own reminder and escalation.
      item.clock = { ...startWorkItemClock(item.clock.startedAt, dueAt, policy) };
      data = { reason, previousDueAt, dueAt, span: isDeadlineSpan(command.due) ? command.due : null };
      notifications.push({ ...about(item.owner.unit.code), kind: 'work_item_extended', dueAt });
      break;
    }
    case 'remind':
      // The sweep's reminder, or a supervisor's by hand (which may be repeated).
      item.clock.remindedAt = now;
      data = { dueAt: item.clock.dueAt };
      notifications.push({ ...about(item.owner.unit.code), kind: 'work_item_reminder', dueAt: item.clock.dueAt });
      break;
    case 'escalate': {
      item.clock.escalatedAt = now;
      markOverdue(item, now);
      data = { dueAt: item.clock.dueAt, overdueUnitCode: item.owner.unit.code };
      notifications.push({ ...about(item.owner.unit.code), kind: 'work_item_escalation', dueAt: item.clock.dueAt, role: 'owner' });
      if (item.creator.unit.code !== item.owner.unit.code) {
        notifications.push({ ...about(item.creator.unit.code), kind: 'work_item_escalation', dueAt: item.clock.dueAt, role: 'supervisor' });
      }
      break;
    }
    default: {
      const unknown: never = command;
      throw new Error(`Unhandled work-item command ${JSON.stringify(unknown)}`);
    }
  }

  item.status = to;
  item.version = original.version + 1;
  item.eventCount += 1;
  return {
    item,
    event: {
      workItemId: item.id,
      seq: item.eventCount,
      action: command.type,
      fromStatus,
      toStatus: to,
      actor: by,
      at: now,
      note: command.note?.trim() || null,
      attachments,
      data,
    },
    notifications,
  };
}
