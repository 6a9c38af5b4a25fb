// Scoring API shapes: return visits (回访), appeals (申诉), weights and policy, rankings and their
// published snapshots, score sheets, and a street's quarterly community ranking.
import {
  APPEAL_REASONS,
  APPEAL_STATUSES,
  GOVERNANCE_RULE_KINDS,
  IMPROVED_BY,
  MERGED_CHILD_POLICIES,
  OFFICIAL_ORDERS,
  RANK_WITHIN,
  RANKABLE_UNIT_CLASSES,
  RANKING_LEVELS,
  SCORED_UNIT_CLASSES,
  VISIT_ATTEMPT_RESULTS,
  VISIT_SATISFACTIONS,
} from '@jiesu/core';
import { type Static, Type } from 'typebox';
import { CursorQuery, IsoDateTime, StringEnum } from './common';
import { endpoint } from './endpoint';

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

/** Keyset pages, oldest closure first: pass `nextCursor` back as `cursor` (see CursorQuery). */
export const VisitQueueQuery = Type.Object(CursorQuery, strict);

export const VisitQueueSchema = Type.Object({
  total: Type.Integer(),
  totalExact: Type.Boolean(),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
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
    lateOverrideReason: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2000,
        description: 'centre evaluators only: file an appeal after its window (逾期受理), with the reason; audited as appeal.late_override',
      }),
    ),
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
  lateOverride: Type.Union([Type.Object({ by: Who, reason: Type.String(), deadline: Type.Union([IsoDateTime, Type.Null()]) }), Type.Null()], {
    description: 'set when a centre evaluator filed the appeal after its window',
  }),
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
    minSampleSize: Type.Integer({ minimum: 1, maximum: 10000, description: 'fewest valid visits to be ranked (a ranking class may set its own)' }),
    appealWindowDays: Type.Integer({ minimum: 0, maximum: 60, description: 'days after the return visit a unit may appeal (never after publication)' }),
    mergedChildren: StringEnum(MERGED_CHILD_POLICIES, {
      description: 'main_case_visit: merged children (并案) get no visit, the cluster is scored once; cluster_visit: each child is visited and scored on the cluster lead',
    }),
    improvedCount: Type.Integer({ minimum: 0, maximum: 100, description: 'size of the most-improved list (进步较快)' }),
    improvedBy: StringEnum(IMPROVED_BY, { description: 'rank_change: places gained; composite_delta: composite gained' }),
  },
  strict,
);
export const ScoringPolicyPatch = Type.Partial(ScoringPolicySchema, strict);

export const RankingClassSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
    label: Type.String({ minLength: 1, maxLength: 30, description: 'Chinese label, e.g. 市级部门' }),
    unitClass: StringEnum(RANKABLE_UNIT_CLASSES),
    level: StringEnum(RANKING_LEVELS, { description: 'any; city: units with no district above them; district: units under a district' }),
    rankWithin: StringEnum(RANK_WITHIN, { description: 'city: one ranking; district: one ranking per district' }),
    minSampleSize: Type.Union([Type.Integer({ minimum: 1, maximum: 10000 }), Type.Null()], { description: "null: the policy's minSampleSize" }),
    officialOrder: StringEnum(OFFICIAL_ORDERS, { description: 'composite, or wilson: the small-sample-aware score ranks officially' }),
  },
  strict,
);
export const RankingClassesBody = Type.Object({ classes: Type.Array(RankingClassSchema, { minItems: 1, maxItems: 20 }) }, strict);

export const GovernanceSettingsSchema = Type.Object(
  {
    classKey: Type.String({ minLength: 1, maxLength: 40, description: 'the ranking class the list is drawn from' }),
    rule: Type.Union([
      Type.Object({ kind: Type.Literal('bottom_composite'), months: Type.Integer({ minimum: 1, maximum: 12 }) }, strict),
      Type.Object({ kind: Type.Literal('highest_per_thousand'), count: Type.Integer({ minimum: 1, maximum: 100 }) }, strict),
    ]),
  },
  strict,
);
export { GOVERNANCE_RULE_KINDS };

export const ScoringSettingsSchema = Type.Object({
  weights: Type.Array(WeightVersionSchema),
  policy: ScoringPolicySchema,
  rankingClasses: Type.Array(RankingClassSchema),
  governance: GovernanceSettingsSchema,
  timeZone: Type.String(),
});

// —— rankings ——
// The ranking row is declared here once; the server builds it (compute-rankings.ts), publishes it
// in snapshots, exports it, and the console and the portal read it — all through these types.
const Rate = Type.Union([Type.Number(), Type.Null()]);
const Int = Type.Integer();
const IntOrNull = Type.Union([Type.Integer(), Type.Null()]);
export const RankingRowSchema = Type.Object({
  unitCode: Type.String(),
  unitName: Type.String(),
  unitClass: Type.String(),
  unitPath: Type.String(),
  classKey: Type.String({ description: 'the ranking class (考核类别), e.g. street, department, district_department' }),
  groupCode: Type.Union([Type.String(), Type.Null()], { description: 'the district, for classes ranked within their district' }),
  rank: IntOrNull,
  composite: Rate,
  responseRate: Rate,
  resolutionRate: Rate,
  satisfactionRate: Rate,
  sampleSize: Type.Integer({ description: 'valid, non-exempt visits: the denominator' }),
  invalidVisits: Int,
  exemptions: Type.Integer({ description: '免考核 cases (granted appeals)' }),
  cases: Type.Integer({ description: 'visited cases counting for the unit (led by it or below it)' }),
  ledCases: Int,
  wilsonComposite: Rate,
  wilsonRank: IntOrNull,
  trend: Type.Union([Type.Object({ previousRank: IntOrNull, rankChange: IntOrNull, compositeDelta: Rate }), Type.Null()]),
  isTop: Type.Boolean(),
  isBottom: Type.Boolean(),
  unrankedReason: Type.Union([StringEnum(['no_valid_visit', 'below_min_sample'] as const), Type.Null()], { description: 'why the unit is not ranked (不参与排名)' }),
  requests: Type.Integer({ description: '诉求量: requests received in the period, by location (streets, districts) or by lead (departments, enterprises)' }),
  population: IntOrNull,
  requestsPerThousand: Type.Union([Type.Number(), Type.Null()], { description: '千人诉求量 = 诉求量 × 1000 / population' }),
  isImproved: Type.Boolean({ description: 'in the most-improved list (进步较快)' }),
  isSpecialGovernance: Type.Boolean({ description: 'in the special-governance list (治理类)' }),
});
export type RankingRow = Static<typeof RankingRowSchema>;

export const ListBoundarySchema = Type.Object(
  {
    place: Int,
    rank: Int,
    score: Type.Number(),
    tied: Type.Array(Type.String()),
    listed: Type.Array(Type.String()),
    left: Type.Array(Type.String()),
  },
  { description: 'a tie on the official score across the list cut: who shares the rank, who the tie-break listed, who it left out' },
);

const Weights = Type.Object({ validFrom: Type.String(), response: Type.Number(), resolution: Type.Number(), satisfaction: Type.Number(), basicallySatisfiedFactor: Type.Number() });
export const ClassRankingSchema = Type.Object({
  classKey: Type.String(),
  label: Type.String(),
  unitClass: Type.String(),
  groupCode: Type.Union([Type.String(), Type.Null()]),
  groupName: Type.Union([Type.String(), Type.Null()]),
  officialOrder: StringEnum(OFFICIAL_ORDERS),
  minSampleSize: Int,
  weights: Weights,
  rows: Type.Array(RankingRowSchema, { description: 'ranked units in official order, then unranked ones' }),
  top: Type.Array(Type.String(), { description: 'unit codes of the published top, best first' }),
  bottom: Type.Array(Type.String(), { description: 'unit codes of the published bottom, worst first' }),
  topBoundary: Type.Union([ListBoundarySchema, Type.Null()]),
  bottomBoundary: Type.Union([ListBoundarySchema, Type.Null()]),
  wilsonOrder: Type.Array(Type.String(), { description: 'ranked unit codes in small-sample-aware order' }),
  improved: Type.Array(Type.Object({ unitCode: Type.String(), rankChange: Int, compositeDelta: Type.Number() }), { description: '进步较快, best first' }),
});
export type ClassRanking = Static<typeof ClassRankingSchema>;

export const SpecialGovernanceSchema = Type.Object({
  classKey: Type.String(),
  rule: GovernanceSettingsSchema.properties.rule,
  ruleText: Type.String({ description: 'the rule in words (zh)' }),
  units: Type.Array(Type.Object({ unitCode: Type.String(), unitName: Type.String(), value: Type.Number() })),
});

export const PeriodRankingsSchema = Type.Object({
  periodKey: Type.String(),
  period: Type.Object({ start: IsoDateTime, end: IsoDateTime, firstDay: Type.String(), lastDay: Type.String() }),
  source: StringEnum(['live', 'published'] as const),
  version: IntOrNull,
  reason: Type.Union([Type.String(), Type.Null()]),
  publishedAt: Type.Union([IsoDateTime, Type.Null()]),
  computedAt: IsoDateTime,
  policy: ScoringPolicySchema,
  populations: Type.Object({ asOf: Type.String(), source: Type.String(), units: Int }),
  specialGovernance: SpecialGovernanceSchema,
  classes: Type.Array(ClassRankingSchema),
});
export type PeriodRankings = Static<typeof PeriodRankingsSchema>;

export const RankingsQuery = Type.Object(
  {
    class: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'a ranking class key (street, district, department, district_department, enterprise …)' })),
    district: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: 'for classes ranked within a district: only that district' })),
    source: Type.Optional(StringEnum(['live', 'published'] as const, { description: 'default: the latest published version if any, else live' })),
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  },
  strict,
);

export const ScoreSheetQuery = Type.Object(
  {
    format: Type.Optional(StringEnum(['json', 'csv', 'xlsx', 'html'] as const, { description: 'html: the printable page' })),
    class: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' })),
    district: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
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

// —— populations (千人诉求量) ——
export const PopulationsBody = Type.Object(
  {
    asOf: Type.String({ minLength: 1, maxLength: 40, description: 'year or date the figures describe, e.g. 2025' }),
    source: Type.String({ minLength: 1, maxLength: 200, description: 'where they come from, e.g. 北京市统计年鉴2025' }),
    csv: Type.Optional(Type.String({ maxLength: 2_000_000, description: 'the filled-in template (单位编码,单位名称,常住人口)' })),
    rows: Type.Optional(
      Type.Array(Type.Object({ unitCode: Type.String({ minLength: 1, maxLength: 40 }), population: Type.Integer({ minimum: 1, maximum: 100_000_000 }) }, strict), {
        maxItems: 20_000,
      }),
    ),
  },
  strict,
);
export const PopulationsSchema = Type.Object({
  asOf: Type.String(),
  source: Type.String(),
  units: Type.Array(Type.Object({ unitCode: Type.String(), unitName: Type.String(), unitClass: Type.String(), population: Type.Integer() })),
});
export const PopulationTemplateSchema = Type.Object({
  fileName: Type.String(),
  csv: Type.String({ description: 'UTF-8 with a BOM: 单位编码,单位名称,常住人口 for every street and district' }),
});

const scoringTags = ['scoring'] as const;
const PeriodParamsSchema = Type.Object({ period: PeriodKey });
const StreetParamsSchema = Type.Object({ street: Type.String({ pattern: '^\\d{9}$' }) });
const StreetQuarterParams = Type.Object({ street: StreetParamsSchema.properties.street, quarter: QuarterKey });

export const SCORING_ENDPOINTS = {
  settings: endpoint({
    method: 'GET',
    path: '/api/scoring/settings',
    summary: 'Weights (versioned by date and unit class), scoring policy, ranking classes and the special-governance rule',
    tags: scoringTags,
    response: ScoringSettingsSchema,
  }),
  putRankingClasses: endpoint({
    method: 'PUT',
    path: '/api/scoring/settings/ranking-classes',
    summary: 'Replace the ranking classes (考核类别): which units rank together, minimum sample, official order (administrators)',
    tags: scoringTags,
    body: RankingClassesBody,
    response: ScoringSettingsSchema,
  }),
  putGovernance: endpoint({
    method: 'PUT',
    path: '/api/scoring/settings/special-governance',
    summary: 'The rule that picks the units under special governance (治理类街乡镇) (administrators)',
    tags: scoringTags,
    body: GovernanceSettingsSchema,
    response: ScoringSettingsSchema,
  }),
  rankings: endpoint({
    method: 'GET',
    path: '/api/scoring/periods/:period/rankings',
    summary:
      "A period's rankings per ranking class: official order, not ranked (n < k), top/bottom with the tie rule, trend, Wilson order, most improved, special governance, 千人诉求量",
    tags: scoringTags,
    params: PeriodParamsSchema,
    querystring: RankingsQuery,
    response: PeriodRankingsSchema,
  }),
  populations: endpoint({
    method: 'GET',
    path: '/api/scoring/populations',
    summary: 'Residents per street and district behind 千人诉求量',
    tags: scoringTags,
    response: PopulationsSchema,
  }),
  putPopulations: endpoint({
    method: 'PUT',
    path: '/api/scoring/populations',
    summary: 'Load the populations (the filled-in template as csv, or rows) — replaces the table (administrators)',
    tags: scoringTags,
    body: PopulationsBody,
    response: PopulationsSchema,
  }),
  populationTemplate: endpoint({
    method: 'GET',
    path: '/api/scoring/populations/template',
    summary: 'The population template: every street and district with its code, name and current figure',
    tags: scoringTags,
    response: PopulationTemplateSchema,
  }),
  putWeights: endpoint({
    method: 'PUT',
    path: '/api/scoring/settings/weights',
    summary: 'Replace the weight versions (administrators)',
    tags: scoringTags,
    body: WeightsBody,
    response: ScoringSettingsSchema,
  }),
  patchPolicy: endpoint({
    method: 'PATCH',
    path: '/api/scoring/settings/policy',
    summary: 'Change the period start day, visit attempts, list size or minimum sample (administrators)',
    tags: scoringTags,
    body: ScoringPolicyPatch,
    response: ScoringSettingsSchema,
  }),
  unitScore: endpoint({
    method: 'GET',
    path: '/api/scoring/periods/:period/units/:code',
    summary: "One unit's score and the cases that cost it points",
    tags: scoringTags,
    params: Type.Object({ period: PeriodKey, code: UnitCodeParam }),
    response: UnitScoreSchema,
  }),
  publish: endpoint({
    method: 'POST',
    path: '/api/scoring/periods/:period/publications',
    summary: 'Publish the period (immutable snapshot); again, with a reason, for a new version',
    tags: scoringTags,
    successStatus: 201,
    params: PeriodParamsSchema,
    body: PublishBody,
    response: PublicationMetaSchema,
  }),
  publications: endpoint({
    method: 'GET',
    path: '/api/scoring/periods/:period/publications',
    summary: 'Published versions of the period',
    tags: scoringTags,
    params: PeriodParamsSchema,
    response: Type.Array(PublicationMetaSchema),
  }),
  communityConfig: endpoint({
    method: 'GET',
    path: '/api/scoring/communities/:street/config',
    summary: "A street's community-ranking items and weights",
    tags: scoringTags,
    params: StreetParamsSchema,
    response: CommunityConfigBody,
  }),
  putCommunityConfig: endpoint({
    method: 'PUT',
    path: '/api/scoring/communities/:street/config',
    summary: "Set the street's community-ranking items and weights (street leaders)",
    tags: scoringTags,
    params: StreetParamsSchema,
    body: CommunityConfigBody,
    response: CommunityConfigBody,
  }),
  communityRanking: endpoint({
    method: 'GET',
    path: '/api/scoring/communities/:street/quarters/:quarter',
    summary: "The street's quarterly community ranking",
    tags: scoringTags,
    params: StreetQuarterParams,
    response: CommunityRankingSchema,
  }),
  putCommunityItemScores: endpoint({
    method: 'PUT',
    path: '/api/scoring/communities/:street/quarters/:quarter/items',
    summary: "Enter the quarter's item scores for the street's communities (street leaders)",
    tags: scoringTags,
    params: StreetQuarterParams,
    body: CommunityItemScoresBody,
    response: CommunityRankingSchema,
  }),
};

export const APPEAL_ENDPOINTS = {
  file: endpoint({
    method: 'POST',
    path: '/api/appeals',
    summary: '申诉: ask that a case not count in your score — within the appeal window (an evaluator may file a late one with an override reason)',
    tags: ['appeals'],
    successStatus: 201,
    body: AppealBody,
    response: AppealSchema,
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/appeals',
    summary: 'Appeals in your area, newest first',
    tags: ['appeals'],
    querystring: AppealListQuery,
    response: Type.Object({ total: Type.Integer(), items: Type.Array(AppealSchema) }),
  }),
  decide: endpoint({
    method: 'POST',
    path: '/api/appeals/:id/decision',
    summary: 'Grant (the case becomes 免考核) or refuse an appeal — centre evaluators',
    tags: ['appeals'],
    params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
    body: AppealDecisionBody,
    response: AppealSchema,
  }),
};

export const VISIT_ENDPOINTS = {
  queue: endpoint({
    method: 'GET',
    path: '/api/visits/queue',
    summary: '回访 queue: closed cases in your area awaiting their return visit',
    tags: ['visits'],
    querystring: VisitQueueQuery,
    response: VisitQueueSchema,
  }),
  recordAttempt: endpoint({
    method: 'POST',
    path: '/api/visits/:caseId/attempts',
    summary: 'Record a return-visit call attempt; the one that concludes the visit moves the case to visited',
    tags: ['visits'],
    params: Type.Object({ caseId: Type.String({ format: 'uuid' }) }),
    body: VisitAttemptBody,
    response: VisitResultSchema,
  }),
};
