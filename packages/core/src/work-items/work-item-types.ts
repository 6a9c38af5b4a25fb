// The shapes of a work item (DESIGN §7 "one work-item model"): a topic's task, a meeting
// decision's follow-up, a warning turned into action, a notice to acknowledge. Plain data, so it
// round-trips through a row plus a JSON column like the case aggregate.
import type { CaseAttachment, DeadlineSpan, ActorRef, UnitRef } from '../cases/case-types';

/** Add a kind here (one line) when a feature needs its own; everything else derives from this list. */
export const WORK_ITEM_KINDS = [
  'topic_task', // 每月一题: a task of a topic of the month
  'meeting_followup', // 议事会: a follow-up of a deliberation decision
  'warning_action', // 未诉先办: a warning turned into action
  'notice_ack', // 四方联动: a notice (policy) the unit must acknowledge
  'general',
] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

export const WORK_ITEM_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type WorkItemStatus = (typeof WORK_ITEM_STATUSES)[number];

/** Statuses in which the deadline is still owed (the clock runs). */
export const OPEN_WORK_ITEM_STATUSES = ['open', 'in_progress'] as const satisfies readonly WorkItemStatus[];

export function isOpenWorkItemStatus(status: WorkItemStatus): boolean {
  return (OPEN_WORK_ITEM_STATUSES as readonly WorkItemStatus[]).includes(status);
}

/**
 * Who answers for the item: a unit, or a named person (a building lead 楼门长, a property
 * manager …) supervised by a unit. The unit's staff act on the person's behalf: the person need
 * not have an account, and the item counts against the supervising unit.
 */
export interface WorkItemOwner {
  unit: UnitRef;
  person: { name: string; contact: string | null } | null;
}

/** When it is due: an instant, or a span counted from now on the working-day calendar. */
export type WorkItemDue = { dueAt: Date } | DeadlineSpan;

/** The deadline and its supervision marks: swept by the same rule as a case clock. */
export interface WorkItemClock {
  startedAt: Date;
  dueAt: Date;
  remindAt: Date;
  remindedAt: Date | null;
  escalatedAt: Date | null;
}

/** 超期: one mark per missed deadline; marks stay when the item is extended, reopened or finished. */
export interface WorkItemOverdueMark {
  unitCode: string;
  dueAt: Date;
  markedAt: Date;
}

/** Evidence (工作留痕): what was done, with files. */
export interface WorkItemEvidence {
  kind: 'progress' | 'completion' | 'acknowledgement';
  text: string;
  attachments: CaseAttachment[];
  at: Date;
  by: ActorRef;
}

export interface WorkItem {
  id: string;
  kind: WorkItemKind;
  title: string;
  detail: string | null;
  status: WorkItemStatus;
  /** Starts at 1; every decision adds 1 (optimistic concurrency). */
  version: number;
  owner: WorkItemOwner;
  /** The unit that set the item and supervises it, and who did. */
  creator: { unit: UnitRef; by: ActorRef };
  /** What the item belongs to (a topic, a meeting, a warning, a notice), named by the feature that made it. */
  source: { type: string; id: string } | null;
  linkedCaseIds: string[];
  clock: WorkItemClock;
  /** Completion must carry files, not only a text. */
  isEvidenceRequired: boolean;
  evidence: WorkItemEvidence[];
  acknowledgedAt: Date | null;
  acknowledgedBy: ActorRef | null;
  overdue: WorkItemOverdueMark[];
  createdAt: Date;
  /** When it was last finished (done or cancelled); null while open. */
  closedAt: Date | null;
  cancelReason: string | null;
  /** History rows written so far; the next row's seq is eventCount + 1. */
  eventCount: number;
}
