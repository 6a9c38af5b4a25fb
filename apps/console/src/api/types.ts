// Response shapes as the console reads them, taken from the contracts (the case aggregate is the
// contract's CaseDetailSchema as JSON: every Date an ISO string).
import type {
  AttachmentSchema,
  BodyOf,
  AUTH_ENDPOINTS,
  CalendarYearsResponse,
  CaseDetailView,
  CaseTimelineView,
  CaseSummarySchema,
  CategorySchema,
  DutyListSchema,
  Jsonified,
  NotificationSchema,
  QUEUE_ENDPOINTS,
  ResponseOf,
  UserSchema,
  WorkItemDetailSchema,
  WorkItemPageSchema,
  WorkItemSchema,
} from '@jiesu/contracts';
import type { CaseStatus, UnitClass } from '@jiesu/core';
import type { Static } from 'typebox';

export type { Jsonified } from '@jiesu/contracts';

/** The case as GET /api/cases/:id presents it (the contract's CaseDetailSchema as JSON). */
export type CaseDetail = CaseDetailView;
/** The requester as the API gives it for this viewer (张** / 138****1234 when masked): show exactly what came. */
export type PresentedRequester = CaseDetail['requester'];

/** A row of a case list: the API's CaseSummarySchema as JSON, plus the clock an inbox row is about. */
export type CaseSummary = Jsonified<Omit<Static<typeof CaseSummarySchema>, 'status'>> & {
  status: CaseStatus;
  clock?: { key: string; name: string; dueAt: string };
};

export interface Page<T> {
  total: number;
  items: T[];
}

/** Who is logged in, as GET /api/auth/me answers it. */
export type Me = ResponseOf<typeof AUTH_ENDPOINTS.me>;
export type LoginResponse = ResponseOf<typeof AUTH_ENDPOINTS.login>;
export type LoginBody = BodyOf<typeof AUTH_ENDPOINTS.login>;

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

export type Attachment = Static<typeof AttachmentSchema>;

export type Timeline = CaseTimelineView;
export type TimelineEvent = Timeline['events'][number];

/** The work queues as the API answers them (QUEUE_ENDPOINTS in the contracts). */
export type InboxQueue = ResponseOf<typeof QUEUE_ENDPOINTS.inbox>;
export type DispatchQueue = ResponseOf<typeof QUEUE_ENDPOINTS.dispatch>;
export type OverdueBoard = ResponseOf<typeof QUEUE_ENDPOINTS.overdue>;
export type OverdueUnitRow = OverdueBoard['units'][number];
export type OverdueClockRow = OverdueBoard['clocks'][number];
export type SweepResult = ResponseOf<typeof QUEUE_ENDPOINTS.sweep>;

/** A work item as the API presents it (WorkItemSchema as JSON), with the viewer's allowed actions. */
export type WorkItemView = Jsonified<Static<typeof WorkItemSchema>>;
export type WorkItemDetail = Jsonified<Static<typeof WorkItemDetailSchema>>;
export type WorkItemPage = Jsonified<Static<typeof WorkItemPageSchema>>;

export type NotificationRow = Jsonified<Static<typeof NotificationSchema>>;

export type CalendarYear = Static<typeof CalendarYearsResponse>[number];

export type DutyList = Static<typeof DutyListSchema>;
