// The case aggregate as the API presents it, its timeline, and the endpoint descriptions of the
// case routes (read, history, intake, one route per action). The state schema mirrors the core's
// CaseState field by field; the compile-time check at the end fails the build when the two part.
import {
  type ActorRef,
  CASE_CHANNELS,
  CASE_KINDS,
  CASE_STATUSES,
  CASE_URGENCIES,
  type CaseAssignment,
  type CaseExtension,
  type CaseFeedback,
  type CaseReturn,
  type CaseState,
  CLOCK_NAMES,
  type ClockStatus,
  UNIT_CLASSES,
  VISIT_SATISFACTIONS,
} from '@jiesu/core';
import { type Static, Type } from 'typebox';
import { CASE_ACTION_BODIES, CaseListQuery, CaseListResponse, type HttpCaseAction, HTTP_CASE_ACTIONS, IntakeBody } from './cases';
import { IsoDateTime, Nullable, StringEnum } from './common';
import { endpoint, type Jsonified } from './endpoint';

const CLOCK_STATUSES = ['running', 'met', 'missed', 'cancelled'] as const satisfies readonly ClockStatus[];
const ASSIGNMENT_ROLES = ['lead', 'co'] as const satisfies readonly CaseAssignment['role'][];
const ASSIGNMENT_STATES = ['pending', 'signed', 'returned', 'withdrawn', 'done'] as const satisfies readonly CaseAssignment['state'][];
const ASSIGNMENT_SOURCES = ['dispatch', 'dual', 'backstop', 'ruling', 'whistle', 'co_invite'] as const satisfies readonly CaseAssignment['source'][];
const RETURN_DECISIONS = ['pending', 'accepted', 'refused', 'disputed'] as const satisfies readonly CaseReturn['decision'][];
const EXTENSION_DECISIONS = ['pending', 'approved', 'refused', 'withdrawn'] as const satisfies readonly CaseExtension['decision'][];
const REVIEW_DECISIONS = ['accepted', 'sent_back', 'redispatched'] as const satisfies readonly NonNullable<CaseFeedback['review']>['decision'][];
const INVALID_VISIT_REASONS = ['unreached', 'declined', 'wrong_number'] as const;
const SPAN_UNITS = ['minutes', 'hours', 'calendar_days', 'working_days'] as const;

const S = Type.String();
const NullableString = Nullable(S);
const NullableTime = Nullable(IsoDateTime);

/** Who did something (a snapshot written into the case). */
export const ActorRefSchema = Type.Object({ userId: S, username: S, displayName: S, unitCode: S, unitPath: S } satisfies Record<keyof ActorRef, unknown>);
export const UnitRefSchema = Type.Object({ code: S, name: S, path: S, class: StringEnum(UNIT_CLASSES) });
const NullableActor = Nullable(ActorRefSchema);
const Span = Type.Object({ amount: Type.Integer(), unit: StringEnum(SPAN_UNITS) });

export const AttachmentSchema = Type.Object({
  id: S,
  kind: StringEnum(['photo', 'video', 'audio', 'document'] as const),
  mimeType: S,
  sizeBytes: Type.Integer(),
  name: Type.Optional(NullableString),
});
const Attachments = Type.Array(AttachmentSchema);
const CaseLinkSchema = Type.Object({ caseId: S, caseNumber: S });

export const CaseClockSchema = Type.Object({
  key: S,
  name: StringEnum(CLOCK_NAMES),
  ownerUnitCode: S,
  ownerUnitPath: S,
  startedAt: IsoDateTime,
  dueAt: IsoDateTime,
  remindAt: IsoDateTime,
  status: StringEnum(CLOCK_STATUSES),
  stoppedAt: NullableTime,
  remindedAt: NullableTime,
  escalatedAt: NullableTime,
});

const CaseVisitSchema = Type.Union([
  Type.Object({
    status: Type.Literal('valid'),
    answers: Type.Object({ isContacted: Type.Boolean(), isSolved: Type.Boolean(), satisfaction: StringEnum(VISIT_SATISFACTIONS) }),
    at: IsoDateTime,
    by: ActorRefSchema,
    note: NullableString,
  }),
  Type.Object({ status: Type.Literal('invalid'), reason: StringEnum(INVALID_VISIT_REASONS), at: IsoDateTime, by: ActorRefSchema, note: NullableString }),
]);

/** The stored aggregate, every record in it (the requester is presented apart: masked per viewer). */
const CASE_STATE_PROPERTIES = {
  id: S,
  caseNumber: S,
  version: Type.Integer(),
  eventCount: Type.Integer(),
  status: StringEnum(CASE_STATUSES),
  channel: StringEnum(CASE_CHANNELS),
  kind: StringEnum(CASE_KINDS),
  categoryCode: S,
  urgency: StringEnum(CASE_URGENCIES),
  subject: S,
  detail: S,
  location: Type.Object({
    address: S,
    coordinates: Type.Optional(Nullable(Type.Object({ lng: Type.Number(), lat: Type.Number() }))),
    districtCode: NullableString,
    streetCode: NullableString,
    communityCode: NullableString,
  }),
  attachments: Attachments,
  receivedAt: IsoDateTime,
  receivedBy: ActorRefSchema,
  intakeUnit: Type.Object({ code: S, path: S }),
  answer: Nullable(Type.Object({ text: S, at: IsoDateTime, by: ActorRefSchema })),
  dispatchCount: Type.Integer(),
  assignments: Type.Array(
    Type.Object({
      id: S,
      dispatchNo: Type.Integer(),
      unit: UnitRefSchema,
      role: StringEnum(ASSIGNMENT_ROLES),
      source: StringEnum(ASSIGNMENT_SOURCES),
      isSupervised: Type.Boolean(),
      isBinding: Type.Boolean(),
      mustSign: Type.Boolean(),
      state: StringEnum(ASSIGNMENT_STATES),
      assignedAt: IsoDateTime,
      signedAt: NullableTime,
      endedAt: NullableTime,
    }),
  ),
  firstReceiverUnitCode: NullableString,
  returns: Type.Array(
    Type.Object({
      unitCode: S,
      at: IsoDateTime,
      by: ActorRefSchema,
      reason: S,
      attachments: Attachments,
      suggestedUnitCode: NullableString,
      decision: StringEnum(RETURN_DECISIONS),
      decidedAt: NullableTime,
      decidedBy: NullableActor,
      decisionNote: NullableString,
    }),
  ),
  disputes: Type.Array(
    Type.Object({
      openedAt: IsoDateTime,
      openedBy: ActorRefSchema,
      parties: Type.Array(UnitRefSchema),
      note: NullableString,
      ruling: Nullable(Type.Object({ unitCode: S, at: IsoDateTime, by: ActorRefSchema, basis: S })),
    }),
  ),
  contactedAt: NullableTime,
  whistles: Type.Array(
    Type.Object({
      id: Type.Integer(),
      unit: UnitRefSchema,
      calledAt: IsoDateTime,
      calledBy: ActorRefSchema,
      dueAt: IsoDateTime,
      clockKey: S,
      reason: S,
      reportedAt: NullableTime,
      late: Nullable(Type.Boolean()),
    }),
  ),
  extensions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      requestedAt: IsoDateTime,
      requestedBy: ActorRefSchema,
      unitCode: S,
      requested: Span,
      reason: S,
      decision: StringEnum(EXTENSION_DECISIONS),
      decidedAt: NullableTime,
      decidedBy: NullableActor,
      granted: Nullable(Span),
      previousDueAt: NullableTime,
      newDueAt: NullableTime,
      decisionNote: NullableString,
    }),
  ),
  feedbacks: Type.Array(
    Type.Object({
      round: Type.Integer(),
      unitCode: S,
      submittedAt: IsoDateTime,
      submittedBy: ActorRefSchema,
      summary: S,
      isSolved: Type.Boolean(),
      attachments: Attachments,
      review: Nullable(Type.Object({ decision: StringEnum(REVIEW_DECISIONS), at: IsoDateTime, by: ActorRefSchema, note: NullableString })),
    }),
  ),
  closedAt: NullableTime,
  visit: Nullable(CaseVisitSchema),
  scoredPeriodKey: NullableString,
  parent: Nullable(CaseLinkSchema),
  children: Type.Array(CaseLinkSchema),
  clocks: Type.Array(CaseClockSchema),
  overdue: Type.Array(Type.Object({ clockKey: S, clockName: S, unitCode: S, dueAt: IsoDateTime, markedAt: IsoDateTime })),
};

/** The case as a viewer gets it: the state, the requester masked for them, and what they may do now. */
export const CaseDetailSchema = Type.Object({
  ...CASE_STATE_PROPERTIES,
  requester: Type.Object({ name: NullableString, phone: NullableString, isAnonymous: Type.Boolean(), isMasked: Type.Boolean() }),
  /** The actions the viewer may take now (the core's guards); the console shows exactly these. */
  allowedActions: Type.Array(StringEnum(HTTP_CASE_ACTIONS)),
  /** Running clocks the viewer may remind (催办) or escalate (督办) now. */
  supervisableClocks: Type.Object({ remind: Type.Array(S), escalate: Type.Array(S) }),
});

/** A new case's reply adds its 查询码 (once); a retried intake says it was given, without it. */
export const IntakeReplySchema = Type.Object({
  ...CaseDetailSchema.properties,
  trackingCode: Type.Optional(S),
  isTrackingCodeGiven: Type.Optional(Type.Literal(true)),
  trackingCodeGivenAt: Type.Optional(S),
  isSmsQueued: Type.Boolean(),
});

export const CaseTimelineEventSchema = Type.Object({
  seq: Type.Integer(),
  action: S,
  fromStatus: Nullable(StringEnum(CASE_STATUSES)),
  toStatus: StringEnum(CASE_STATUSES),
  at: IsoDateTime,
  actor: Type.Object({ userId: S, username: S, unitCode: S }),
  note: NullableString,
  attachments: Attachments,
  /** What the event carried, by action (units, reasons, the actor's display name …); shown, never interpreted by a rule. */
  data: Type.Record(S, Type.Unknown()),
});

export const CaseTimelineSchema = Type.Object({
  caseId: S,
  caseNumber: S,
  status: StringEnum(CASE_STATUSES),
  version: Type.Integer(),
  events: Type.Array(CaseTimelineEventSchema),
});

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const CASE_ENDPOINTS = {
  list: endpoint({
    method: 'GET',
    path: '/api/cases',
    summary: 'Cases in your scope: newest first, or ranked by match with q; keyset pages',
    tags: ['cases'],
    querystring: CaseListQuery,
    response: CaseListResponse,
  }),
  intake: endpoint({
    method: 'POST',
    path: '/api/cases',
    summary: '受理: take a request in',
    description:
      'Send an `Idempotency-Key` header: a retried request with the same key returns the case the first one created (200) instead of creating another. A new case (201) carries `trackingCode` (查询码) once, to tell the caller; it is also sent by SMS when the case has a phone (`isSmsQueued`). A retry (200) does not show the code again (only its hash is kept): it carries `isTrackingCodeGiven: true`, `trackingCodeGivenAt` and `isSmsQueued` as they were, so the operator can tell the caller to use the first code or the SMS.',
    tags: ['cases'],
    successStatus: 201,
    isReplayable: true,
    body: IntakeBody,
    response: IntakeReplySchema,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/cases/:id',
    summary: 'One case: its state, the requester as you may see them, the actions you may take now',
    tags: ['cases'],
    params: IdParams,
    response: CaseDetailSchema,
  }),
  byNumber: endpoint({
    method: 'GET',
    path: '/api/cases/by-number/:caseNumber',
    summary: 'One case by its number (工单号)',
    tags: ['cases'],
    params: Type.Object({ caseNumber: Type.String({ pattern: '^\\d{8}-\\d{6,}$' }) }),
    response: CaseDetailSchema,
  }),
  timeline: endpoint({
    method: 'GET',
    path: '/api/cases/:id/timeline',
    summary: "A case's full history: who did what, when, from which status to which",
    tags: ['cases'],
    params: IdParams,
    response: CaseTimelineSchema,
  }),
};

function actionEndpoint<A extends HttpCaseAction>(action: A) {
  return endpoint({
    method: 'POST',
    path: `/api/cases/:id/${action.replace(/_/g, '-')}`,
    summary: action.replace(/_/g, ' '),
    tags: ['case actions'],
    params: IdParams,
    body: CASE_ACTION_BODIES[action],
    response: CaseDetailSchema,
  });
}
type ActionEndpoints = { [A in HttpCaseAction]: ReturnType<typeof actionEndpoint<A>> };

/** One route per action, each with its own body: POST /api/cases/{id}/sign, /return, … */
export const CASE_ACTION_ENDPOINTS = Object.fromEntries(HTTP_CASE_ACTIONS.map((a) => [a, actionEndpoint(a)])) as ActionEndpoints;

export type CaseDetailView = Jsonified<Static<typeof CaseDetailSchema>>;
export type CaseTimelineView = Jsonified<Static<typeof CaseTimelineSchema>>;

// Compile-time: the schema carries exactly the core's state (a field added, dropped or retyped on
// either side fails this line), so the server's serialiser drops nothing the core keeps.
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type StateView = Jsonified<Omit<CaseState, 'requester'>>;
type SchemaStateView = Jsonified<Static<ReturnType<typeof Type.Object<typeof CASE_STATE_PROPERTIES>>>>;
export const CASE_STATE_SCHEMA_MATCHES_CORE: Mutual<StateView, SchemaStateView> = true;
