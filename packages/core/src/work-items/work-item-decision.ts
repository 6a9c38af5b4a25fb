// What goes into a work-item decision (context) and what comes out (next item, one history event,
// notifications). The persistence layer writes all of it in one transaction with a version check;
// the outbox delivers the notifications after commit.
import type { DeadlineCalendar } from '../cases/case-clocks';
import type { ActorRef, CaseAttachment } from '../cases/case-types';
import type { Actor } from '../org/roles';
import type { WorkItemPolicy } from './work-item-clock';
import type { WorkItemAction } from './work-item-commands';
import type { WorkItem, WorkItemStatus } from './work-item-types';

export interface WorkItemDecisionContext {
  now: Date;
  actor: Actor;
  calendar: DeadlineCalendar;
  /** Defaults to DEFAULT_WORK_ITEM_POLICY. */
  policy?: WorkItemPolicy;
}

/** One history row; `seq` is unique and increasing within the item. */
export interface WorkItemHistoryEvent {
  workItemId: string;
  seq: number;
  action: WorkItemAction | 'create';
  fromStatus: WorkItemStatus | null;
  toStatus: WorkItemStatus;
  actor: ActorRef;
  at: Date;
  note: string | null;
  attachments: CaseAttachment[];
  data: Record<string, unknown>;
}

interface About {
  workItemId: string;
  unitCode: string;
  title: string;
}

/** Messages to send after commit, each to one unit. */
export type WorkItemNotification =
  | (About & { kind: 'work_item_assigned'; dueAt: Date })
  | (About & { kind: 'work_item_reopened'; dueAt: Date })
  | (About & { kind: 'work_item_extended'; dueAt: Date })
  | (About & { kind: 'work_item_reminder'; dueAt: Date })
  /** To the owner unit (`role: owner`) and to the creating unit that supervises it (`role: supervisor`). */
  | (About & { kind: 'work_item_escalation'; dueAt: Date; role: 'owner' | 'supervisor' })
  | (About & { kind: 'work_item_completed' })
  | (About & { kind: 'work_item_cancelled' });

export type WorkItemNotificationKind = WorkItemNotification['kind'];

export interface WorkItemDecision {
  item: WorkItem;
  event: WorkItemHistoryEvent;
  notifications: WorkItemNotification[];
}
