// Case API shapes: intake, one body per action (units and files named by code/id; the server
// resolves them), and the shapes of lists and queues.
import { CASE_CHANNELS, CASE_KINDS, CASE_STATUSES, CASE_URGENCIES, type CaseAction } from '@jiesu/core';
import { type Static, type TObject, type TSchema, Type } from 'typebox';
import { CursorQuery, IsoDateTime, KeysetPage, StringEnum } from './common';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Codes = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 });
const AttachmentIds = Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20 }));

export const IntakeBody = Type.Object(
  {
    channel: StringEnum(CASE_CHANNELS),
    kind: StringEnum(CASE_KINDS),
    categoryCode: Type.String({ minLength: 1, maxLength: 12 }),
    urgency: StringEnum(CASE_URGENCIES),
    requester: Type.Object(
      {
        name: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
        phone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
        isAnonymous: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false },
    ),
    subject: Text(200),
    detail: Type.String({ maxLength: 5000 }),
    location: Type.Object(
      {
        address: Text(300),
        coordinates: Type.Optional(
          Type.Union([
            Type.Object({ lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) }, { additionalProperties: false }),
            Type.Null(),
          ]),
        ),
        districtCode: Type.Optional(Type.Union([Type.String({ pattern: '^\\d{6}$' }), Type.Null()])),
        streetCode: Type.Optional(Type.Union([Type.String({ pattern: '^\\d{9}$' }), Type.Null()])),
        communityCode: Type.Optional(Type.Union([Type.String({ pattern: '^\\d{12}$' }), Type.Null()])),
      },
      { additionalProperties: false },
    ),
    attachmentIds: AttachmentIds,
  },
  { additionalProperties: false },
);

const Plan = {
  lead: Type.String({ minLength: 1, maxLength: 40, description: 'code of the lead unit (主办)' }),
  coHandlers: Type.Optional(Codes),
  mode: Type.Optional(StringEnum(['standard', 'dual', 'backstop'] as const)),
};
export const DispatchPlanBody = Type.Object(Plan, { additionalProperties: false });

const common = {
  expectedVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, description: 'the version you last saw; a mismatch is VERSION_CONFLICT' })),
  note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
};

function body<P extends Record<string, TSchema>>(props: P) {
  return Type.Object({ ...common, ...props } as Omit<typeof common, keyof P> & P, { additionalProperties: false });
}

/**
 * Actions a person can take over HTTP. link_child, parent_closed and score are the server's own;
 * record_visit runs only through the return-visit API (POST /api/visits/{caseId}/attempts), which
 * also writes the visit attempt and the scoring fact.
 */
export const CASE_ACTION_BODIES = {
  answer: body({ text: Text(5000) }),
  dispatch: body(Plan),
  redispatch: body({ ...Plan, reason: Text(1000) }),
  sign: body({}),
  return: body({ reason: Text(1000), attachmentIds: AttachmentIds, suggestedUnitCode: Type.Optional(Type.Union([Type.String(), Type.Null()])) }),
  accept_return: body({ redispatch: Type.Optional(DispatchPlanBody) }),
  refuse_return: body({ reason: Text(1000) }),
  open_dispute: body({ parties: Type.Array(Type.String({ minLength: 1 }), { minItems: 2, maxItems: 10 }) }),
  rule_dispute: body({ ...Plan, basis: Text(1000) }),
  acknowledge: body({}),
  add_co_handler: body({ units: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 20 }), isSupervised: Type.Optional(Type.Boolean()) }),
  contact: body({ method: Type.Optional(StringEnum(['phone', 'sms', 'visit', 'other'] as const)) }),
  note: body({ note: Text(2000), attachmentIds: AttachmentIds }),
  whistle: body({ units: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 20 }), reason: Text(1000) }),
  whistle_report: body({ whistleId: Type.Integer({ minimum: 1, maximum: 2147483647 }) }),
  request_extension: body({
    amount: Type.Integer({ minimum: 1, maximum: 1000 }),
    unit: StringEnum(['minutes', 'hours', 'calendar_days', 'working_days'] as const),
    reason: Text(1000),
  }),
  approve_extension: body({
    amount: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    unit: Type.Optional(StringEnum(['minutes', 'hours', 'calendar_days', 'working_days'] as const)),
  }),
  refuse_extension: body({ reason: Text(1000) }),
  submit_feedback: body({ summary: Text(5000), isSolved: Type.Boolean(), attachmentIds: AttachmentIds }),
  close: body({}),
  send_back: body({ reason: Text(1000) }),
  merge: body({ parentCaseId: Type.String({ format: 'uuid' }) }),
  remind: body({ clockKey: Type.String({ minLength: 1 }) }),
  escalate: body({ clockKey: Type.String({ minLength: 1 }) }),
} satisfies Partial<Record<CaseAction, TObject>>;

export type HttpCaseAction = keyof typeof CASE_ACTION_BODIES;
export const HTTP_CASE_ACTIONS = Object.keys(CASE_ACTION_BODIES) as HttpCaseAction[];

/** The body of one action as the route validated it. */
export type CaseActionBody<A extends HttpCaseAction> = Static<(typeof CASE_ACTION_BODIES)[A]>;
/** An action with its body: switch on `action` and the body is typed. */
export type CaseActionRequest = { [A in HttpCaseAction]: { action: A; body: CaseActionBody<A> } }[HttpCaseAction];

/** Pairs an action with its validated body (TypeScript cannot correlate the two through a generic). */
export function caseActionRequest<A extends HttpCaseAction>(action: A, body: CaseActionBody<A>): CaseActionRequest {
  return { action, body } as CaseActionRequest;
}

export const CaseSummarySchema = Type.Object({
  id: Type.String(),
  caseNumber: Type.String(),
  status: Type.String({ enum: [...CASE_STATUSES] }),
  version: Type.Integer(),
  urgency: Type.String(),
  kind: Type.String(),
  channel: Type.String(),
  categoryCode: Type.String(),
  subject: Type.String(),
  districtCode: Type.Union([Type.String(), Type.Null()]),
  streetCode: Type.Union([Type.String(), Type.Null()]),
  communityCode: Type.Union([Type.String(), Type.Null()]),
  leadUnitCode: Type.Union([Type.String(), Type.Null()]),
  isOverdue: Type.Boolean(),
  hasPendingExtension: Type.Boolean(),
  receivedAt: IsoDateTime,
  closedAt: Type.Union([IsoDateTime, Type.Null()]),
});

/** Why a search hit matched (the phone is never echoed). */
export const CASE_MATCHES = ['caseNumber', 'phone', 'address', 'words'] as const;

export const CaseListItemSchema = Type.Object({ ...CaseSummarySchema.properties, matched: Type.Optional(Type.Array(StringEnum(CASE_MATCHES))) });

export const CaseListQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(StringEnum(CASE_STATUSES))),
    urgency: Type.Optional(StringEnum(CASE_URGENCIES)),
    category: Type.Optional(Type.String({ pattern: '^\\d{2,6}$' })),
    lead: Type.Optional(Type.String({ maxLength: 40 })),
    street: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
    overdue: Type.Optional(Type.Boolean()),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description:
          'A whole case number, its trailing digits (4+), a requester phone (matched only where you may see it), an address fragment or words (jieba); results ranked by match, then newest',
      }),
    ),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    ...CursorQuery,
  },
  { additionalProperties: false },
);
/** @deprecated the list query is CaseListQuery (keyset pages, no offset). */
export const CaseSearchQuery = CaseListQuery;

export const CaseListResponse = KeysetPage(CaseListItemSchema);
