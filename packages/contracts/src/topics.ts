// 每月一题: hotspot mining (runs, ranked groups, weights) and topics run as projects (problems,
// tasks as work items, policies, linked cases, effect). Request shapes here; the public topic shape
// is shared with the portal.
import { type Static, Type } from 'typebox';
import { IsoDateTime, LocalDate, StringEnum } from './common';

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const Uuid = Type.String({ format: 'uuid' });
const UnitCode = Type.String({ minLength: 1, maxLength: 40 });

export const HotspotWeightsBody = Type.Object(
  {
    frequency: Type.Number({ minimum: 0, maximum: 100, description: '高频: distinct requesters' }),
    spread: Type.Number({ minimum: 0, maximum: 100, description: '共性: streets spanned' }),
    growth: Type.Number({ minimum: 0, maximum: 100, description: 'growth against the preceding periods' }),
    difficulty: Type.Number({ minimum: 0, maximum: 100, description: '难点: unresolved, dissatisfied, repeat calls' }),
  },
  { additionalProperties: false },
);

export const ComputeHotspotsBody = Type.Object(
  {
    month: Type.Optional(Month),
    from: Type.Optional(LocalDate),
    to: Type.Optional(LocalDate),
    scopeUnitCode: Type.Optional(UnitCode),
    previousPeriods: Type.Optional(Type.Integer({ minimum: 0, maximum: 12 })),
    keepGroups: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
    threshold: Type.Optional(Type.Number({ minimum: 0.05, maximum: 0.95, description: 'cosine similarity from which a case joins a group' })),
  },
  { additionalProperties: false },
);

export const HotspotListQuery = Type.Object(
  {
    runId: Type.Optional(Uuid),
    scopeUnitCode: Type.Optional(UnitCode),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

export const ProblemBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    leadUnitCode: UnitCode,
    coUnitCodes: Type.Optional(Type.Array(UnitCode, { maxItems: 20, uniqueItems: true })),
    sourceGroupId: Type.Optional(Uuid),
    keywords: Type.Optional(Type.String({ maxLength: 500, description: 'for a problem written by hand: words its cases use' })),
  },
  { additionalProperties: false },
);

export const CreateTopicBody = Type.Object(
  {
    month: Month,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    sourceRunId: Type.Optional(Uuid),
    problems: Type.Array(ProblemBody, { maxItems: 3 }),
  },
  { additionalProperties: false },
);

export const TopicActionBody = Type.Object({ expectedVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })) }, { additionalProperties: false });
export const TopicAction = StringEnum(['start', 'close', 'reopen'] as const);

export const TopicTaskBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    detail: Type.Optional(Type.String({ maxLength: 4000 })),
    ownerUnitCode: UnitCode,
    dueAt: Type.Optional(IsoDateTime),
    dueInWorkingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  },
  { additionalProperties: false },
);

export const PolicyBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    issuingBody: Type.String({ minLength: 1, maxLength: 200 }),
    issuedOn: LocalDate,
    problemId: Type.Optional(Uuid),
    attachmentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const LinkCaseBody = Type.Object({ caseId: Type.Optional(Uuid), caseNumber: Type.Optional(Type.String({ pattern: '^\\d{8}-\\d{6,}$' })) }, { additionalProperties: false });

/** What the portal shows of a topic: no case, no person. */
export const PublicTopicSchema = Type.Object({
  id: Type.String(),
  month: Type.String(),
  title: Type.String(),
  description: Type.String(),
  status: StringEnum(['running', 'closed'] as const),
  startedAt: Type.Union([IsoDateTime, Type.Null()]),
  closedAt: Type.Union([IsoDateTime, Type.Null()]),
  problems: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      title: Type.String(),
      description: Type.String(),
      leadUnitName: Type.String(),
      coUnitNames: Type.Array(Type.String()),
      linkedCases: Type.Integer(),
      tasks: Type.Object({ total: Type.Integer(), done: Type.Integer(), overdue: Type.Integer() }),
    }),
  ),
  policies: Type.Array(Type.Object({ title: Type.String(), issuingBody: Type.String(), issuedOn: Type.String(), hasDocument: Type.Boolean() })),
});
export type PublicTopic = Static<typeof PublicTopicSchema>;
export const PublicTopicsSchema = Type.Object({ items: Type.Array(PublicTopicSchema) });
