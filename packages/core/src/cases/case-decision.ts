// What goes into a decision (context, policy) and what comes out (next state, history events,
// clock changes, notifications). The persistence layer writes all of a Decision in one
// transaction with a version check, and sends the notifications only after it commits.
import type { Actor } from '../org/roles';
import { DEFAULT_ATTACHMENT_POLICY, type AttachmentPolicy } from './case-attachments';
import { type ClockChange, DEFAULT_CLOCK_POLICY, type ClockPolicy, type DeadlineCalendar } from './case-clocks';
import type { CaseAction } from './case-commands';
import { DEFAULT_CITY_TIME_ZONE } from './case-number';
import type { CaseStatus } from './case-status';
import type { ActorRef, CaseAttachment, CaseState } from './case-types';
import type { DutyLists } from './dispatch-rules';

export interface CasePolicy {
  clocks: ClockPolicy;
  attachments: AttachmentPolicy;
  /** Approved extensions allowed per case. */
  maxExtensions: number;
  /** A return (退单) must carry evidence files, not only a reason. */
  requireReturnEvidence: boolean;
  /** Feedback (办结反馈) must carry evidence files. Off by default: a consultation has nothing to photograph. */
  requireFeedbackEvidence: boolean;
  /** The city's zone: case-number dates are reckoned in it. */
  timeZone: string;
}

export const DEFAULT_CASE_POLICY: CasePolicy = {
  clocks: DEFAULT_CLOCK_POLICY,
  attachments: DEFAULT_ATTACHMENT_POLICY,
  maxExtensions: 2,
  requireReturnEvidence: true,
  requireFeedbackEvidence: false,
  timeZone: DEFAULT_CITY_TIME_ZONE,
};

export interface DecisionContext {
  now: Date;
  actor: Actor;
  calendar: DeadlineCalendar;
  /** Defaults to DEFAULT_CASE_POLICY; the server passes the parsed configuration. */
  policy?: CasePolicy;
  /** Duty lists of the communities a command names (准入); a community without one leads nothing. */
  dutyLists?: DutyLists;
}

export interface IntakeContext extends DecisionContext {
  caseId: string;
  /** The day's next sequence number from the counter keyed by `caseNumberDateKey(now, policy.timeZone)`. */
  dailySequence: number;
}

/** One history row. `seq` is unique and increasing within the case. */
export interface CaseHistoryEvent {
  caseId: string;
  seq: number;
  action: CaseAction | 'intake';
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  actor: ActorRef;
  at: Date;
  note: string | null;
  attachments: CaseAttachment[];
  /** Action-specific details (units, clock keys, reasons …); JSON-serialisable. */
  data: Record<string, unknown>;
}

/** Messages to send after commit. `caseId` is the case the message is about (for a child, the child). */
export type CaseNotification =
  | { kind: 'assigned'; caseId: string; unitCode: string; role: 'lead' | 'co' }
  | { kind: 'withdrawn'; caseId: string; unitCode: string }
  | { kind: 'summoned'; caseId: string; unitCode: string; dueAt: Date }
  | { kind: 'reminder'; caseId: string; clockKey: string; unitCode: string; dueAt: Date }
  | { kind: 'escalation'; caseId: string; clockKey: string; unitCode: string; dueAt: Date }
  /** One per requester when a case closes: its own, and one for each merged child (并案). */
  | { kind: 'requester_feedback'; caseId: string; sourceCaseId: string; summary: string; isSolved: boolean };

export interface Decision {
  state: CaseState;
  events: CaseHistoryEvent[];
  clocks: ClockChange[];
  notifications: CaseNotification[];
}

export function policyOf(ctx: DecisionContext): CasePolicy {
  return ctx.policy ?? DEFAULT_CASE_POLICY;
}

export function actorRef(actor: Actor): ActorRef {
  return {
    userId: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    unitCode: actor.unitCode,
    unitPath: actor.unitPath,
  };
}
