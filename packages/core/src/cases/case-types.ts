// The shapes of a case aggregate: intake vocabulary, the state the persistence layer stores, and
// the records inside it. Plain data (Dates, strings, numbers, arrays) so it round-trips through a
// row plus JSON columns; no methods, no classes.
import type { UnitClass } from '../org/unit';
import type { VisitAnswers } from '../scoring/types';
import type { CaseClock } from './case-clocks';
import type { CaseStatus } from './case-status';
import type { AttachmentKind, CaseChannel, CaseKind, CaseUrgency, DeadlineSpan } from './case-vocabulary';

export { ATTACHMENT_KINDS, CASE_CHANNELS, CASE_KINDS, CASE_URGENCIES } from './case-vocabulary';
export type { AttachmentKind, CaseChannel, CaseKind, CaseUrgency, DeadlineSpan } from './case-vocabulary';

/** Metadata of a stored file; the bytes live behind the storage interface under `id`. */
export interface CaseAttachment {
  id: string;
  kind: AttachmentKind;
  mimeType: string;
  sizeBytes: number;
  name?: string | null;
}

/** 诉求人. Confidential: shown only through `presentRequester`. */
export interface Requester {
  name: string | null;
  phone: string | null;
  /** 匿名: the requester asked that no handling unit learn who they are. */
  isAnonymous: boolean;
}

export interface CaseLocation {
  address: string;
  coordinates?: { lng: number; lat: number } | null;
  /** Division codes resolved at intake (6 / 9 / 12 digits), null when unknown. */
  districtCode: string | null;
  streetCode: string | null;
  communityCode: string | null;
}

/** What an intake form (or Open311 POST) carries. */
export interface CaseIntake {
  channel: CaseChannel;
  kind: CaseKind;
  categoryCode: string;
  urgency: CaseUrgency;
  requester: Requester;
  subject: string;
  detail: string;
  location: CaseLocation;
  attachments?: readonly CaseAttachment[];
}

/** A unit as the decider needs it; the use case resolves it from the organisation. */
export interface UnitRef {
  code: string;
  name: string;
  path: string;
  class: UnitClass;
}

/** Who did something, as written into history (a snapshot: users move and rename). */
export interface ActorRef {
  userId: string;
  username: string;
  displayName: string;
  unitCode: string;
  unitPath: string;
}

export type AssignmentRole = 'lead' | 'co';
/** pending: dispatched, not signed · signed · returned (退单) · withdrawn (改派 / return accepted) · done (case closed). */
export type AssignmentState = 'pending' | 'signed' | 'returned' | 'withdrawn' | 'done';
export type AssignmentSource = 'dispatch' | 'dual' | 'backstop' | 'ruling' | 'whistle' | 'co_invite';

/** One unit's part in one dispatch. Exactly one lead is live (pending or signed) while a unit holds the case. */
export interface CaseAssignment {
  /** `${dispatchNo}:${unit.code}` — stable and unique within the case. */
  id: string;
  dispatchNo: number;
  unit: UnitRef;
  role: AssignmentRole;
  source: AssignmentSource;
  /** 双派双督: supervised co-handlers get their own sign clock and share the lead's overdue marks. */
  isSupervised: boolean;
  /** A jurisdiction ruling named this unit: it cannot return the case. */
  isBinding: boolean;
  /** Its return was refused: it must sign, it cannot return again. */
  mustSign: boolean;
  state: AssignmentState;
  assignedAt: Date;
  signedAt: Date | null;
  endedAt: Date | null;
}

export interface CaseReturn {
  unitCode: string;
  at: Date;
  by: ActorRef;
  reason: string;
  attachments: CaseAttachment[];
  /** The unit the returning unit believes is responsible, if it said. */
  suggestedUnitCode: string | null;
  decision: 'pending' | 'accepted' | 'refused' | 'disputed';
  decidedAt: Date | null;
  decidedBy: ActorRef | null;
  decisionNote: string | null;
}

export interface CaseDispute {
  openedAt: Date;
  openedBy: ActorRef;
  parties: UnitRef[];
  note: string | null;
  ruling: { unitCode: string; at: Date; by: ActorRef; basis: string } | null;
}

/** 吹哨报到: one summoned department. */
export interface WhistleCall {
  id: number;
  unit: UnitRef;
  calledAt: Date;
  calledBy: ActorRef;
  dueAt: Date;
  clockKey: string;
  reason: string;
  reportedAt: Date | null;
  /** Reported at or after `dueAt`; null until reported. Counts against the department. */
  late: boolean | null;
}

export interface CaseExtension {
  id: number;
  requestedAt: Date;
  requestedBy: ActorRef;
  unitCode: string;
  requested: DeadlineSpan;
  reason: string;
  decision: 'pending' | 'approved' | 'refused' | 'withdrawn';
  decidedAt: Date | null;
  decidedBy: ActorRef | null;
  granted: DeadlineSpan | null;
  previousDueAt: Date | null;
  newDueAt: Date | null;
  decisionNote: string | null;
}

export interface CaseFeedback {
  round: number;
  unitCode: string;
  submittedAt: Date;
  submittedBy: ActorRef;
  summary: string;
  isSolved: boolean;
  attachments: CaseAttachment[];
  /** 'redispatched': the centre moved the case to another unit instead of reviewing this feedback. */
  review: { decision: 'accepted' | 'sent_back' | 'redispatched'; at: Date; by: ActorRef; note: string | null } | null;
}

/** 超期: a missed deadline counted against a unit. */
export interface OverdueMark {
  clockKey: string;
  clockName: string;
  unitCode: string;
  dueAt: Date;
  markedAt: Date;
}

export type CaseVisit =
  | { status: 'valid'; answers: VisitAnswers; at: Date; by: ActorRef; note: string | null }
  | { status: 'invalid'; reason: 'unreached' | 'declined' | 'wrong_number'; at: Date; by: ActorRef; note: string | null };

export interface CaseLink {
  caseId: string;
  caseNumber: string;
}

/**
 * The aggregate the persistence layer loads and stores. `version` is the optimistic-concurrency
 * token: write the decision's state only `WHERE version = <loaded version>`.
 */
export interface CaseState extends Omit<CaseIntake, 'attachments'> {
  id: string;
  caseNumber: string;
  version: number;
  /** Number of history events written so far; the next event's `seq` is this + 1. */
  eventCount: number;
  status: CaseStatus;
  /** The intake's files and every file added since (a list, never absent). */
  attachments: CaseAttachment[];
  receivedAt: Date;
  receivedBy: ActorRef;
  /** The unit that took the case in (centre or a district sub-centre): owns the dispatch clock. */
  intakeUnit: { code: string; path: string };
  answer: { text: string; at: Date; by: ActorRef } | null;
  dispatchCount: number;
  assignments: CaseAssignment[];
  /** 首接负责: the first unit to sign as lead. */
  firstReceiverUnitCode: string | null;
  returns: CaseReturn[];
  disputes: CaseDispute[];
  contactedAt: Date | null;
  whistles: WhistleCall[];
  extensions: CaseExtension[];
  feedbacks: CaseFeedback[];
  closedAt: Date | null;
  visit: CaseVisit | null;
  scoredPeriodKey: string | null;
  /** Set on a merged child (并案): it follows this case. */
  parent: CaseLink | null;
  /** Set on a parent: the requests merged into it, each owed feedback when it closes. */
  children: CaseLink[];
  /** Every clock the case ever ran, by unique `key` (running and stopped). */
  clocks: CaseClock[];
  overdue: OverdueMark[];
}
