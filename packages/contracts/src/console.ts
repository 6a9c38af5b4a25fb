// What the console's working-day screens read: the dashboard's server-side aggregates for a period
// and scope, the caller history an operator sees while typing a number, and the menu badges.
import { Type } from 'typebox';
import { LocalDate, StringEnum } from './common';
import { endpoint } from './endpoint';

const Count = Type.Object({ key: Type.String(), count: Type.Integer() }, { additionalProperties: false });

export const DashboardQuery = Type.Object(
  {
    from: LocalDate,
    to: LocalDate,
    /** A unit in the actor's scope to narrow to (e.g. one district); the actor's own scope when absent. */
    unitCode: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z_-]{1,40}$' })),
  },
  { additionalProperties: false },
);

export const DashboardResponse = Type.Object(
  {
    from: LocalDate,
    to: LocalDate,
    scopeUnitCode: Type.String(),
    /** Cases received in the period, in scope. */
    total: Type.Integer(),
    /** Of those, still open / finished (closed, visited, scored, answered, merged). */
    open: Type.Integer(),
    finished: Type.Integer(),
    /**
     * 超期未办 now: running clocks past their deadline, owned by units in scope — the supervision
     * board's definition (core `isClockPastDue`), not limited to the period.
     */
    overdueNow: Type.Integer(),
    byStatus: Type.Array(Count),
    byUrgency: Type.Array(Count),
    /** Top-level category (first two characters of the code). */
    byCategory: Type.Array(Count),
    byDistrict: Type.Array(Count),
    /** Received per local day (city time zone), every day of the period, zero days included. */
    trend: Type.Array(Type.Object({ day: LocalDate, count: Type.Integer() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const CallerHistoryBody = Type.Object(
  {
    phone: Type.String({ minLength: 5, maxLength: 20, pattern: '^[0-9+\\- ]+$' }),
    /** The category being typed, to mark earlier cases about the same problem. */
    categoryCode: Type.Optional(Type.String({ maxLength: 20 })),
    /** The street being typed (a 9-digit division code), to tell the same problem from another. */
    streetCode: Type.Optional(Type.String({ pattern: '^[0-9]{9}$' })),
  },
  { additionalProperties: false },
);

export const CallerHistoryResponse = Type.Object(
  {
    /** Earlier cases from this number (newest first, at most 20) and how many there are in all. */
    total: Type.Integer(),
    items: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          caseNumber: Type.String(),
          status: Type.String(),
          subject: Type.String(),
          categoryCode: Type.String(),
          address: Type.Union([Type.String(), Type.Null()]),
          receivedAt: Type.String({ format: 'date-time' }),
          /** Same category (or its parent) and, when both are known, the same street: likely the same problem. */
          isSameProblem: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const BadgesResponse = Type.Object(
  {
    /** Inbox: cases waiting to be signed by the user's unit, and running clocks past due there. */
    toSign: Type.Integer(),
    overdue: Type.Integer(),
    /** Dispatch queue (centre and district sub-centres), 0 for others. */
    toDispatch: Type.Integer(),
    /** Return visits waiting (visitors), 0 for others. */
    toVisit: Type.Integer(),
    unreadNotifications: Type.Integer(),
    /** The id up to which the user has read (items above it are unread). */
    lastReadId: Type.Integer(),
  },
  { additionalProperties: false },
);

export const NotificationsReadBody = Type.Object({ upToId: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }) }, { additionalProperties: false });
export const NotificationsReadResponse = Type.Object({ lastReadId: Type.Integer() }, { additionalProperties: false });

export const BatchRemindBody = Type.Object(
  {
    caseIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 100, uniqueItems: true }),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const BATCH_REMIND_OUTCOMES = ['reminded', 'already_reminded', 'failed'] as const;

export const BatchRemindResponse = Type.Object(
  {
    reminded: Type.Integer(),
    alreadyReminded: Type.Integer(),
    failed: Type.Integer(),
    /** One row per case asked, in the order asked. */
    results: Type.Array(
      Type.Object(
        {
          caseId: Type.String(),
          /** Null when the case is unknown or outside your scope. */
          caseNumber: Type.Union([Type.String(), Type.Null()]),
          outcome: StringEnum(BATCH_REMIND_OUTCOMES),
          clockKey: Type.Union([Type.String(), Type.Null()]),
          /** Why it failed (the core's error code and message), null otherwise. */
          code: Type.Union([Type.String(), Type.Null()]),
          message: Type.Union([Type.String(), Type.Null()]),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const RepeatLinkView = Type.Object(
  { caseId: Type.String(), caseNumber: Type.String(), status: Type.String(), linkedAt: Type.String({ format: 'date-time' }) },
  { additionalProperties: false },
);
/** On a case's page: the earlier case it repeats (重复来电), and the later calls that repeat it. */
export const RepeatLinksSchema = Type.Object({ repeatOf: Type.Union([RepeatLinkView, Type.Null()]), repeatedBy: Type.Array(RepeatLinkView) }, { additionalProperties: false });

export const LinkRepeatBody = Type.Object({ earlierCaseId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const LinkRepeatResponse = Type.Object(
  {
    caseId: Type.String(),
    caseNumber: Type.String(),
    repeatOf: Type.Object({ caseId: Type.String(), caseNumber: Type.String(), status: Type.String() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const CONSOLE_ENDPOINTS = {
  linkRepeat: endpoint({
    method: 'POST',
    path: '/api/cases/:id/repeat-of',
    summary: '重复来电: record that this case repeats an earlier, finished case of the same caller (operators, dispatchers)',
    description:
      'The earlier case must be finished (closed, visited, scored, answered); an open one is linked as a duplicate (merge) instead — 422 `REPEAT_OF_OPEN_CASE`. A case repeats at most one earlier case: the same pair again answers the same link, another pair is 422 `ALREADY_LINKED`. The earlier case lists its repeats (`GET /api/cases/{id}/repeats`) and its lead unit is notified.',
    tags: ['cases'],
    params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
    body: LinkRepeatBody,
    response: LinkRepeatResponse,
  }),
  repeats: endpoint({
    method: 'GET',
    path: '/api/cases/:id/repeats',
    summary: 'The case this one repeats (重复来电) and the later calls that repeat it',
    tags: ['cases'],
    params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
    response: RepeatLinksSchema,
  }),
  remindCases: endpoint({
    method: 'POST',
    path: '/api/cases/reminders',
    summary: '批量催办: remind several cases at once (supervisors, dispatchers); one result per case',
    description:
      'Each case goes through the core decider as a single 催办 would, on the clock you may remind that is due first. A clock reminded in the last 30 minutes is reported `already_reminded` and not reminded again, so a retried batch changes nothing. A case that cannot be reminded (not found, outside your scope, no clock you may remind, changed meanwhile) is `failed` with its code; the others still go through.',
    tags: ['cases'],
    body: BatchRemindBody,
    response: BatchRemindResponse,
  }),
  dashboard: endpoint({
    method: 'GET',
    path: '/api/dashboard',
    summary: 'Dashboard aggregates for a period and scope: volume, status, categories, districts, overdue now, daily trend',
    tags: ['dashboard'],
    querystring: DashboardQuery,
    response: DashboardResponse,
  }),
  callerHistory: endpoint({
    method: 'POST',
    path: '/api/intake/caller-history',
    summary: "A caller's earlier cases (operators and dispatchers), marked when about the same problem",
    tags: ['intake'],
    body: CallerHistoryBody,
    response: CallerHistoryResponse,
  }),
  badges: endpoint({
    method: 'GET',
    path: '/api/dashboard/badges',
    summary: 'What waits for the user: to sign, overdue, to dispatch, to visit, unread notifications',
    tags: ['dashboard'],
    response: BadgesResponse,
  }),
  markNotificationsRead: endpoint({
    method: 'POST',
    path: '/api/notifications/read',
    summary: "Mark your unit's notifications read up to an id (the bell); the last read id is kept per user",
    tags: ['notifications'],
    body: NotificationsReadBody,
    response: NotificationsReadResponse,
  }),
};
