// A work item's deadline on the same clocks as a case: the due instant from the working-day
// calendar, the reminder instant from remindInstant, and the sweep's decision from sweepClock —
// reused, not copied, so a work item and a case are reminded and escalated by one rule.
import { DomainError } from '../errors';
import { DEFAULT_CLOCK_POLICY, type DeadlineCalendar, type RemindRule, remindInstant, type SweepAction, type SweepableClock, sweepClock } from '../cases/case-clocks';
import type { DeadlineSpan } from '../cases/case-types';
import { isOpenWorkItemStatus, type WorkItem, type WorkItemClock, type WorkItemDue, type WorkItemStatus } from './work-item-types';

export interface WorkItemPolicy {
  /** When to remind (催办) before the deadline. */
  remind: RemindRule;
  /** The longest deadline a span may ask for, in calendar days: a typo of 3000 days is refused. */
  maxDays: number;
}

/** Same reminder share as case clocks by default (75 % of the allowed time). */
export const DEFAULT_WORK_ITEM_POLICY: WorkItemPolicy = { remind: DEFAULT_CLOCK_POLICY.defaultRemind, maxDays: 366 };

/** Validates a stored or submitted policy (for the settings store); throws naming the field. */
export function parseWorkItemPolicy(value: unknown): WorkItemPolicy {
  const bad = (field: string, what: string): never => {
    throw new DomainError('VALIDATION_FAILED', `${field} ${what}.`, { field });
  };
  if (value === null || typeof value !== 'object') bad('workItemPolicy', 'must be an object');
  const v = value as Record<string, unknown>;
  const remind = v.remind as Record<string, unknown> | undefined;
  let rule: RemindRule;
  if (remind?.kind === 'fraction' && typeof remind.fraction === 'number' && remind.fraction > 0 && remind.fraction < 1) {
    rule = { kind: 'fraction', fraction: remind.fraction };
  } else if (remind?.kind === 'before' && typeof remind.minutes === 'number' && Number.isInteger(remind.minutes) && remind.minutes > 0) {
    rule = { kind: 'before', minutes: remind.minutes };
  } else {
    return bad('workItemPolicy.remind', 'must be { kind: "fraction", fraction: 0 < f < 1 } or { kind: "before", minutes: a positive integer }');
  }
  const maxDays = v.maxDays;
  if (typeof maxDays !== 'number' || !Number.isInteger(maxDays) || maxDays < 1 || maxDays > 3660) {
    return bad('workItemPolicy.maxDays', 'must be an integer from 1 to 3660');
  }
  return { remind: rule, maxDays };
}

export function isDeadlineSpan(due: WorkItemDue): due is DeadlineSpan {
  return 'amount' in due;
}

/**
 * The instant a `due` names: an instant as given, or a span added to `from` on the calendar.
 * Refused (WORK_ITEM_DUE_INVALID, naming `field`) unless it lies after `notBefore`.
 */
export function resolveDue(due: WorkItemDue, from: Date, notBefore: Date, calendar: DeadlineCalendar, policy: WorkItemPolicy, field: string): Date {
  let dueAt: Date;
  if (isDeadlineSpan(due)) {
    if (!Number.isInteger(due.amount) || due.amount < 1) {
      throw new DomainError('VALIDATION_FAILED', `${field}.amount must be a positive whole number.`, { field: `${field}.amount` });
    }
    dueAt = calendar.addDuration(from, due);
  } else {
    dueAt = new Date(due.dueAt.getTime());
    if (Number.isNaN(dueAt.getTime())) throw new DomainError('VALIDATION_FAILED', `${field}.dueAt is not a valid instant.`, { field: `${field}.dueAt` });
  }
  if (dueAt.getTime() <= notBefore.getTime()) {
    throw new DomainError('WORK_ITEM_DUE_INVALID', `The deadline (${dueAt.toISOString()}) must be later than ${notBefore.toISOString()}.`, {
      field,
      dueAt: dueAt.toISOString(),
      notBefore: notBefore.toISOString(),
    });
  }
  if (dueAt.getTime() - from.getTime() > policy.maxDays * 86_400_000) {
    throw new DomainError('WORK_ITEM_DUE_INVALID', `The deadline may be at most ${policy.maxDays} days away.`, { field, maxDays: policy.maxDays });
  }
  return dueAt;
}

/** A fresh clock (new item, extension, reopening): new reminder and escalation, none sent yet. */
export function startWorkItemClock(startedAt: Date, dueAt: Date, policy: WorkItemPolicy): WorkItemClock {
  return {
    startedAt: new Date(startedAt.getTime()),
    dueAt: new Date(dueAt.getTime()),
    remindAt: remindInstant(startedAt, dueAt, policy.remind),
    remindedAt: null,
    escalatedAt: null,
  };
}

function clockStatus(status: WorkItemStatus): SweepableClock['status'] {
  if (isOpenWorkItemStatus(status)) return 'running';
  return status === 'done' ? 'met' : 'cancelled';
}

/** The item's deadline as the case-clock sweep rule sees it: running while the item is open. */
export function workItemSweepClock(item: Pick<WorkItem, 'status' | 'clock'>): SweepableClock {
  return { status: clockStatus(item.status), ...item.clock };
}

/** What a sweep should do with the item at `now`: remind once, then escalate once past the deadline. */
export function sweepWorkItem(item: Pick<WorkItem, 'status' | 'clock'>, now: Date): SweepAction {
  return sweepClock(workItemSweepClock(item), now);
}
