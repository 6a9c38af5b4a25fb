// Response shapes as the console reads them. The case aggregate comes from the core's CaseState
// with every Date turned into an ISO string (that is what JSON carries).
import type {
  CalendarYearsResponse,
  CaseSummarySchema,
  CategorySchema,
  DutyListSchema,
  HttpCaseAction,
  Jsonified,
  NotificationSchema,
  UserSchema,
  WorkItemDetailSchema,
  WorkItemPageSchema,
  WorkItemSchema,
} from '@jiesu/contracts';
import type { Actor, CaseState, CaseStatus, Role, UnitClass } from '@jiesu/core';
import type { Static } from 'typebox';

export type { Jsonified } from '@jiesu/contracts';

export interface PresentedRequester {
  name: string | null;
  phone: string | null;
  isAnonymous: boolean;
  /** The API masked it for this viewer (张** / 138****1234). Show exactly what came. */
  isMasked: boolean;
}

export type CaseDetail = Jsonified<Omit<CaseState, 'requester'>> & {
  requester: PresentedRequester;
  /** What this viewer may do now, decided by the core's guards on the server. */
  allowedActions: HttpCaseAction[];
  /** Running clocks this viewer may remind or escalate now. */
  supervisableClocks: { remind: string[]; escalate: string[] };
};

/** A row of a case list: the API's CaseSummarySchema as JSON, plus the clock an inbox row is about. */
export type CaseSummary = Jsonified<Omit<Static<typeof CaseSummarySchema>, 'status'>> & {
  status: CaseStatus;
  clock?: { key: string; name: string; dueAt: string };
};

export interface Page<T> {
  total: number;
  items: T[];
}

/** Who is logged in: the core's Actor, as GET /api/auth/me answers it (not re-declared here). */
export type Me = Actor;

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: { id: string; username: string; displayName: string; unitCode: string; roles: Role[] };
}

export interface Unit {
  code: string;
  name: string;
  class: UnitClass;
  kind: string | null;
  parentCode: string | null;
  path: string;
  isActive: boolean;
}

export interface UnitDetail extends Unit {
  ancestors: { code: string; name: string; class: UnitClass }[];
  childCount: number;
}

/** A category with its children, as the tree endpoint returns it (the contract's CategorySchema). */
export type CategoryNode = Static<typeof CategorySchema> & { children?: CategoryNode[] };

export type User = Static<typeof UserSchema>;

export interface Attachment {
  id: string;
  kind: 'photo' | 'video' | 'audio' | 'document';
  mimeType: string;
  sizeBytes: number;
  name?: string | null;
}

export interface TimelineEvent {
  seq: number;
  action: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  at: string;
  actor: { userId: string; username: string; unitCode: string };
  note: string | null;
  attachments: Attachment[];
  data: Record<string, unknown>;
}

export interface Timeline {
  caseId: string;
  caseNumber: string;
  status: CaseStatus;
  version: number;
  events: TimelineEvent[];
}

export interface InboxQueue {
  unitCode: string;
  toSign: CaseSummary[];
  inHand: CaseSummary[];
  dueSoon: CaseSummary[];
  overdue: CaseSummary[];
}

export interface DispatchQueue {
  toDispatch: CaseSummary[];
  returned: CaseSummary[];
  disputed: CaseSummary[];
  awaitingReview: CaseSummary[];
  extensionRequests: CaseSummary[];
}

export interface OverdueUnitRow {
  unitCode: string;
  unitName: string;
  unitClass: UnitClass;
  overdue: number;
  nearDue: number;
}

export interface OverdueClockRow {
  caseId: string;
  caseNumber: string;
  subject: string;
  status: CaseStatus;
  clockKey: string;
  clockName: string;
  ownerUnitCode: string;
  dueAt: string;
  isOverdue: boolean;
  remindedAt: string | null;
  escalatedAt: string | null;
}

export interface OverdueBoard {
  units: OverdueUnitRow[];
  clocks: OverdueClockRow[];
}

export interface SweepResult {
  casesExamined: number;
  reminded: number;
  escalated: number;
  skippedLocked: number;
  /** The same sweep's work items. */
  workItems: { itemsExamined: number; reminded: number; escalated: number; skippedLocked: number };
}

/** A work item as the API presents it (WorkItemSchema as JSON), with the viewer's allowed actions. */
export type WorkItemView = Jsonified<Static<typeof WorkItemSchema>>;
export type WorkItemDetail = Jsonified<Static<typeof WorkItemDetailSchema>>;
export type WorkItemPage = Jsonified<Static<typeof WorkItemPageSchema>>;

export type NotificationRow = Jsonified<Static<typeof NotificationSchema>>;

export type CalendarYear = Static<typeof CalendarYearsResponse>[number];

export type DutyList = Static<typeof DutyListSchema>;
