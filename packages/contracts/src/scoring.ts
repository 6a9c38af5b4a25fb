// Scoring API shapes: return visits (回访), appeals (申诉), weights and policy, rankings and their
// published snapshots, score sheets, and a street's quarterly community ranking.
import { APPEAL_REASONS, APPEAL_STATUSES, SCORED_UNIT_CLASSES, VISIT_ATTEMPT_RESULTS, VISIT_SATISFACTIONS } from '@jiesu/core';
import { Type } from 'typebox';
import { IsoDateTime, StringEnum } from './common';

const strict = { additionalProperties: false } as const;

export const PeriodKey = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'evaluation period YYYY-MM, named after the month holding its last day' });
export const QuarterKey = Type.String({ pattern: '^\\d{4}-Q[1-4]$', description: 'quarter YYYY-Qn' });
export const UnitCodeParam = Type.String({ minLength: 1, maxLength: 40 });
// The vocabularies are the core's; re-exported so web clients import them (and their types) from here.
export { APPEAL_REASONS, APPEAL_STATUSES, VISIT_ATTEMPT_RESULTS, VISIT_SATISFACTIONS } from '@jiesu/core';
export type { AppealReason, AppealStatus, VisitAttemptResult, VisitSatisfaction } from '@jiesu/core';
export const MONTHLY_CLASSES = ['street', 'district', 'department', 'enterprise'] as const;

// —— return visits ——
export const VisitAttemptBody = Type.Object(
  {
    result: StringEnum(VISIT_ATTEMPT_RESULTS, {
      description: 'reached: the requester answered; no_answer: retried up to the configured maximum; declined / wrong_number: invalid at once',
    }),
    isContacted: Type.Optional(Type.Boolean({ description: '是否联系 (reached only)' })),
    isSolved: Type.Optional(Type.Boolean({ description: '是否解决 (reached only)' })),
    satisfaction: Type.Optional(StringEnum(VISIT_SATISFACTIONS, { description: '满意 / 基本满意 / 不满意 (reached only)' })),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  strict,
);

export const VisitAttemptSchema = Type.Object({
  attemptNo: Type.Integer(),
  at: IsoDateTime,
  result: StringEnum(VISIT_ATTEMPT_RESULTS),
  isContacted: Type.Union([Type.Boolean(), Type.Null()]),
  isSolved: Type.Union([Type.Boolean(), Type.Null()]),
  satisfaction: Type.Union([StringEnum(VISIT_SATISFACTIONS), Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
  visitor: Type.Object({ userId: Type.String(), username: Type.String() }),
});

export const VisitResultSchema = Type.Object({
  caseId: Type.String(),
  caseStatus: Type.String(),
  outcome: Type.Object({
    status: StringEnum(['valid', 'invalid', 'pending'] as const),
    reason: Type.Optional(Type.String()),
    attempts: Type.Integer(),
    attemptsLeft: Type.Optional(Type.Integer()),
  }),
  periodKey: Type.Union([Type.String(), Type.Null()]),
  attempts: Type.Array(VisitAttemptSchema),
});

export const VisitQueueQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })) },
  strict,
);

export const VisitQueueSchema = Type.Object({
  total: Type.Integer(),
  maxAttempts: Type.Integer(),
  items: Type.Array(
    Type.Object({
      caseId: Type.String(),
      caseNumber: Type.String(),
      subject: Type.String(),
      categoryCode: Type.String(),
      closedAt: Type.Union([IsoDateTime, Type.Null()]),
      attempts: Type.Integer(),
      lastAttemptAt: Type.Union([IsoDateTime, Type.Null()]),
    }),
  ),
});

// —— appeals ——
export const AppealBody = Type.Object(
  {
    caseId: Type.String({ format: 'uuid' }),
    reason: StringEnum(APPEAL_REASONS, { description: '不合理诉求 / 非本单位职责 / 重复诉求 / 无法联系诉求人 / 其他' }),
    explanation: Type.String({ minLength: 1, maxLength: 4000 }),
    attachmentIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20 })),
  },
  strict,
);

export const AppealDecisionBody = Type.Object({ decision: StringEnum(['grant', 'refuse'] as const), note: Type.String({ minLength: 1, maxLength: 2000 }) }, strict);

export const AppealListQuery = Type.Object(
  {
    status: Type.Optional(StringEnum(APPEAL_STATUSES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
  },
  strict,
);

const Who = Type.Object({ userId: Type.String(), username: Type.String() });
export const AppealSchema = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  caseNumber: Type.String(),
  unitCode: Type.String(),
  reason: StringEnum(APPEAL_REASONS),
  explanation: Type.String(),
  attachmentIds: Type.Array(Type.String()),
  status: StringEnum(APPEAL_STATUSES),
  filedBy: Who,
  filedAt: IsoDateTime,
  decidedBy: Type.Union([Who, Type.Null()]),
  decidedAt: Type.Union([IsoDateTime, Type.Null()]),
  decisionNote: Type.Union([Type.String(), Type.Null()]),
  isExemptInScoring: Type.Boolean(),
});

// —— weights and policy ——
const Weight = Type.Number({ minimum: 0, maximum: 1 });
export const WeightVersionSchema = Type.Object(
  {
    validFrom: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    unitClass: Type.Optional(StringEnum(SCORED_UNIT_CLASSES)),
    response: Weight,
    resolution: Weight,
    satisfaction: Weight,
    basicallySatisfiedFactor: Weight,
  },
  strict,
);
export const WeightsBody = Type.Object({ versions: Type.Array(WeightVersionSchema, { minItems: 1, maxItems: 100 }) }, strict);

export const ScoringPolicySchema = Type.Object(
  {
    periodStartDay: Type.Integer({ minimum: 1, maximum: 28, description: 'local day a monthly period starts on (19 = 19th to 18th)' }),
    maxVisitAttempts: Type.Integer({ minimum: 1, maximum: 10, description: 'unanswered calls before a visit is invalid' }),
    publishCount: Type.Integer({ minimum: 1, maximum: 100, description: 'size of the published top and bottom lists' }),
    minSampleSize: Type.Integer({ minimum: 1, maximum: 10000, description: 'fewest valid visits to be ranked' }),
  },
  strict,
);
export const ScoringPolicyPatch = Type.Partial(ScoringPolicySchema, strict);

export const ScoringSettingsSchema = Type.Object({ weights: Type.Array(WeightVersionSchema), policy: ScoringPolicySchema, timeZone: Type.String() });

// —— rankings ——
const Rate = Type.Union([Type.Number(), Type.Null()]);
export const RankingRowSchema = Type.Object({
  unitCode: Type.String(),
  unitName: Type.String(),
  unitClass: Type.String(),
  rank: Type.Union([Type.Integer(), Type.Null()]),
  composite: Rate,
  responseRate: Rate,
  resolutionRate: Rate,
  satisfactionRate: Rate,
  sampleSize: Type.Integer({ description: 'valid, non-exempt visits: the denominator' }),
  invalidVisits: Type.Integer(),
  exemptions: Type.Integer({ description: '免考核 cases (granted appeals)' }),
  cases: Type.Integer({ description: 'visited cases counting for the unit (led by it or below it)' }),
  ledCases: Type.Integer(),
  wilsonComposite: Rate,
  wilsonRank: Type.Union([Type.Integer(), Type.Null()]),
  trend: Type.Union([
    Type.Object({ previousRank: Type.Union([Type.Integer(), Type.Null()]), rankChange: Type.Union([Type.Integer(), Type.Null()]), compositeDelta: Rate }),
    Type.Null(),
  ]),
  isTop: Type.Boolean(),
  isBottom: Type.Boolean(),
});

export const ClassRankingSchema = Type.Object({
  unitClass: Type.String(),
  weights: Type.Object({ validFrom: Type.String(), response: Type.Number(), resolution: Type.Number(), satisfaction: Type.Number(), basicallySatisfiedFactor: Type.Number() }),
  rows: Type.Array(RankingRowSchema, { description: 'ranked units in official order, then unranked ones' }),
  top: Type.Array(Type.String(), { description: 'unit codes of the published top, best first' }),
  bottom: Type.Array(Type.String(), { description: 'unit codes of the published bottom, worst first' }),
  wilsonOrder: Type.Array(Type.String(), { description: 'ranked unit codes in small-sample-aware order' }),
});

export const PeriodRankingsSchema = Type.Object({
  periodKey: Type.String(),
  period: Type.Object({ start: IsoDateTime, end: IsoDateTime, firstDay: Type.String(), lastDay: Type.String() }),
  source: StringEnum(['live', 'published'] as const),
  version: Type.Union([Type.Integer(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  publishedAt: Type.Union([IsoDateTime, Type.Null()]),
  computedAt: IsoDateTime,
  policy: ScoringPolicySchema,
  classes: Type.Array(ClassRankingSchema),
});

export const RankingsQuery = Type.Object(
  {
    class: Type.Optional(StringEnum(MONTHLY_CLASSES)),
    source: Type.Optional(StringEnum(['live', 'published'] as const, { description: 'default: the latest published version if any, else live' })),
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  },
  strict,
);

export const ScoreSheetQuery = Type.Object(
  {
    format: Type.Optional(StringEnum(['json', 'csv', 'xlsx'] as const)),
    class: Type.Optional(StringEnum(MONTHLY_CLASSES)),
    source: Type.Optional(StringEnum(['live', 'published'] as const)),
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  },
  strict,
);

export const PublishBody = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'required to publish a new version of a period already published' })) },
  strict,
);

export const PublicationMetaSchema = Type.Object({
  periodKey: Type.String(),
  version: Type.Integer(),
  reason: Type.Union([Type.String(), Type.Null()]),
  publishedAt: IsoDateTime,
  publishedBy: Who,
});

const ComponentLoss = Type.Object({ component: Type.String(), pointsLost: Type.Number() });
export const UnitScoreSchema = Type.Object({
  periodKey: Type.String(),
  unit: Type.Object({ code: Type.String(), name: Type.String(), class: Type.String() }),
  row: Type.Union([RankingRowSchema, Type.Null()], { description: 'the live ranking row (null for classes not ranked monthly)' }),
  tally: Type.Object({
    validVisits: Type.Integer(),
    contacted: Type.Integer(),
    solved: Type.Integer(),
    satisfied: Type.Integer(),
    basicallySatisfied: Type.Integer(),
    dissatisfied: Type.Integer(),
    invalidVisits: Type.Integer(),
    exemptions: Type.Integer(),
  }),
  responseRate: Rate,
  resolutionRate: Rate,
  satisfactionRate: Rate,
  composite: Rate,
  explanation: Type.Object({
    validVisits: Type.Integer(),
    pointsLost: Type.Number({ description: '1 − composite' }),
    cases: Type.Array(
      Type.Object({ caseId: Type.String(), caseNumber: Type.String(), leadUnitCode: Type.String(), pointsLost: Type.Number(), components: Type.Array(ComponentLoss) }),
    ),
    exemptCases: Type.Array(Type.Object({ caseId: Type.String(), caseNumber: Type.String() })),
  }),
});

// —— community ranking ——
export const CommunityItemScoresBody = Type.Object(
  {
    scores: Type.Array(
      Type.Object(
        {
          communityCode: Type.String({ pattern: '^\\d{12}$' }),
          items: Type.Record(Type.String({ pattern: '^[a-z0-9_]{1,40}$' }), Type.Number({ minimum: 0, maximum: 1_000_000 })),
        },
        strict,
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  strict,
);

export const CommunityConfigBody = Type.Object(
  {
    rateWeights: Type.Object({ response: Weight, resolution: Weight, satisfaction: Weight }, strict),
    items: Type.Array(
      Type.Object(
        {
          key: Type.String({ pattern: '^[a-z0-9_]{1,40}$' }),
          label: Type.Optional(Type.String({ maxLength: 60 })),
          weight: Weight,
          maxScore: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000 })),
        },
        strict,
      ),
      { maxItems: 20 },
    ),
  },
  strict,
);

export const CommunityRankingSchema = Type.Object({
  quarterKey: Type.String(),
  streetCode: Type.String(),
  config: CommunityConfigBody,
  rows: Type.Array(
    Type.Object({
      unitCode: Type.String(),
      unitName: Type.String(),
      rank: Type.Union([Type.Integer(), Type.Null()]),
      total: Rate,
      ratesPart: Rate,
      responseRate: Rate,
      resolutionRate: Rate,
      satisfactionRate: Rate,
      validVisits: Type.Integer(),
      items: Type.Array(Type.Object({ key: Type.String(), score: Type.Number(), points: Type.Number() })),
    }),
  ),
});
