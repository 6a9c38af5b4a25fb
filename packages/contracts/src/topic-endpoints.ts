// Endpoint descriptions (see endpoint.ts) of 每月一题: hotspot runs, ranked groups, one group, the
// ranking weights, and topics run as projects (problems, tasks, linked cases, effect, policies).
// Response shapes are what the use cases return; a group's signature and blocking key stay inside.
import { TOPIC_STATUSES } from '@jiesu/core';
import { type Static, Type } from 'typebox';
import { IsoDateTime, Nullable, StringEnum } from './common';
import { endpoint } from './endpoint';
import {
  ComputeHotspotsBody,
  CreateTopicBody,
  HotspotListQuery,
  HotspotWeightsBody,
  LinkCaseBody,
  PolicyBody,
  ProblemBody,
  TopicAction,
  TopicActionBody,
  TopicTaskBody,
} from './topics';
import { WorkItemPageSchema, WorkItemSchema } from './work-items';

const Uuid = Type.String({ format: 'uuid' });
/** A case named in a hotspot group or linked to a problem: no requester, nothing personal. */
const CaseRefSchema = Type.Object({
  caseId: Type.String(),
  caseNumber: Type.String(),
  subject: Type.String(),
  status: Type.String(),
  receivedAt: IsoDateTime,
  streetCode: Nullable(Type.String()),
});
const Weights = Type.Object({ frequency: Type.Number(), spread: Type.Number(), growth: Type.Number(), difficulty: Type.Number() });
const AreaCount = Type.Object({ code: Type.String(), count: Type.Integer() });
const NamedAreaCount = Type.Object({ code: Type.String(), name: Type.String(), count: Type.Integer() });

export const HotspotRunSchema = Type.Object({
  id: Type.String(),
  periodFrom: IsoDateTime,
  periodTo: IsoDateTime,
  scopeUnitCode: Type.String(),
  scopeUnitPath: Type.String(),
  computedAt: IsoDateTime,
  computedBy: Type.String(),
  caseCount: Type.Integer(),
  groupCount: Type.Integer(),
  weights: Weights,
  options: Type.Object({
    label: Type.Optional(Type.String({ description: 'the period, e.g. 2026-11' })),
    previousPeriods: Type.Optional(Type.Integer()),
    keepGroups: Type.Optional(Type.Integer()),
    minGroupSize: Type.Optional(Type.Integer()),
    grouping: Type.Optional(Type.Object({ threshold: Type.Optional(Type.Number()) })),
  }),
  elapsedMs: Type.Number(),
});

export const HotspotGroupSchema = Type.Object({
  id: Type.String(),
  runId: Type.String(),
  rank: Type.Integer(),
  score: Type.Number(),
  topWords: Type.Array(Type.String()),
  size: Type.Integer(),
  attachedCount: Type.Integer({ description: 'cases attached since the run (live runs)' }),
  metrics: Type.Object({
    size: Type.Integer(),
    requesters: Type.Integer(),
    districts: Type.Integer(),
    streets: Type.Integer(),
    communities: Type.Integer(),
    previousSizes: Type.Array(Type.Integer()),
    growth: Type.Number(),
    unresolvedShare: Type.Number(),
    dissatisfiedShare: Type.Number(),
    repeatShare: Type.Number(),
    byStreet: Type.Array(AreaCount),
    byDistrict: Type.Array(AreaCount),
  }),
  signals: Type.Object({ frequency: Type.Number(), spread: Type.Number(), growth: Type.Number(), difficulty: Type.Number(), score: Type.Number() }),
  representativeCaseIds: Type.Array(Type.String()),
});
export type HotspotGroupView = Static<typeof HotspotGroupSchema>;

const WeightsView = Type.Object({ weights: Weights, isDefault: Type.Boolean(), formula: Type.String() });

export const HOTSPOT_ENDPOINTS = {
  compute: endpoint({
    method: 'POST',
    path: '/api/hotspots/runs',
    summary: 'Mine hotspots for a period (month, or from/to) and area; stores a ranked run',
    tags: ['hotspots'],
    successStatus: 201,
    body: ComputeHotspotsBody,
    response: Type.Object({ run: HotspotRunSchema, stages: Type.Record(Type.String(), Type.Number(), { description: 'milliseconds per stage' }) }),
  }),
  runs: endpoint({
    method: 'GET',
    path: '/api/hotspots/runs',
    summary: 'Hotspot runs in your area, newest first',
    tags: ['hotspots'],
    response: Type.Object({ items: Type.Array(HotspotRunSchema) }),
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/hotspots',
    summary: 'Ranked hotspot groups of a run (default: the latest for your unit) with the ranking formula',
    tags: ['hotspots'],
    querystring: HotspotListQuery,
    response: Type.Object({ run: HotspotRunSchema, formula: Type.String(), groups: Type.Array(HotspotGroupSchema) }),
  }),
  group: endpoint({
    method: 'GET',
    path: '/api/hotspots/groups/:id',
    summary: 'One hotspot group: metrics, trend by day, breakdown by area, representative cases',
    tags: ['hotspots'],
    params: Type.Object({ id: Uuid }),
    response: Type.Object({
      run: HotspotRunSchema,
      formula: Type.String(),
      group: HotspotGroupSchema,
      trend: Type.Array(Type.Object({ day: Type.String(), count: Type.Integer() })),
      byStreet: Type.Array(NamedAreaCount),
      byDistrict: Type.Array(NamedAreaCount),
      representativeCases: Type.Array(CaseRefSchema),
    }),
  }),
  weights: endpoint({ method: 'GET', path: '/api/hotspots/weights', summary: 'Ranking weights in force and the formula', tags: ['hotspots'], response: WeightsView }),
  putWeights: endpoint({
    method: 'PUT',
    path: '/api/hotspots/weights',
    summary: 'Change the ranking weights (administrator, analyst)',
    tags: ['hotspots'],
    body: HotspotWeightsBody,
    response: WeightsView,
  }),
};

const TaskProgressSchema = Type.Object({
  total: Type.Integer(),
  open: Type.Integer(),
  inProgress: Type.Integer(),
  done: Type.Integer(),
  cancelled: Type.Integer(),
  overdue: Type.Integer(),
});

export const TopicSchema = Type.Object({
  id: Type.String(),
  month: Type.String(),
  title: Type.String(),
  description: Type.String(),
  status: StringEnum(TOPIC_STATUSES),
  version: Type.Integer(),
  sourceRunId: Nullable(Type.String()),
  startedAt: Nullable(IsoDateTime),
  closedAt: Nullable(IsoDateTime),
  createdBy: Type.String(),
  createdAt: IsoDateTime,
});

/** A problem as stored (its signature stays inside). */
export const TopicProblemRowSchema = Type.Object({
  id: Type.String(),
  topicId: Type.String(),
  seq: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  leadUnitCode: Type.String(),
  coUnitCodes: Type.Array(Type.String()),
  sourceGroupId: Nullable(Type.String()),
  matchThreshold: Type.Number(),
  createdAt: IsoDateTime,
});

export const TopicProblemSchema = Type.Object({
  ...TopicProblemRowSchema.properties,
  leadUnitName: Type.String(),
  coUnits: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  topWords: Type.Array(Type.String()),
  linkedCases: Type.Integer(),
  tasks: TaskProgressSchema,
});

export const TopicPolicySchema = Type.Object({
  id: Type.String(),
  topicId: Type.String(),
  problemId: Nullable(Type.String()),
  title: Type.String(),
  issuingBody: Type.String(),
  issuedOn: Type.String(),
  attachmentId: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: IsoDateTime,
});

export const TopicViewSchema = Type.Object({ topic: TopicSchema, problems: Type.Array(TopicProblemSchema), policies: Type.Array(TopicPolicySchema) });

const EffectTally = {
  count: Type.Integer(),
  visited: Type.Integer(),
  resolutionRate: Nullable(Type.Number({ description: '解决率: solved / visited' })),
  satisfactionRate: Nullable(Type.Number({ description: '满意率: (satisfied + 0.9 × basically satisfied) / visited' })),
};
const EffectSide = Type.Object({ ...EffectTally, weeks: Type.Integer(), perWeek: Type.Number() });

export const ProblemEffectSchema = Type.Object({
  problemId: Type.String(),
  startedAt: IsoDateTime,
  series: Type.Array(Type.Object({ week: Type.Integer({ description: 'weeks from the start: −1 the week before' }), from: IsoDateTime, ...EffectTally })),
  before: EffectSide,
  after: EffectSide,
});

export const LinkedCaseSchema = Type.Object({
  ...CaseRefSchema.properties,
  linkKind: StringEnum(['auto', 'manual'] as const),
  similarity: Nullable(Type.Number()),
  isClosed: Type.Boolean(),
  isSolved: Nullable(Type.Boolean()),
  satisfaction: Nullable(StringEnum(['satisfied', 'basically_satisfied', 'dissatisfied'] as const)),
});

const TopicParams = Type.Object({ id: Uuid });
const ProblemParams = Type.Object({ id: Uuid, problemId: Uuid });
const replayNote = 'Send an `Idempotency-Key` header: a retry with the same key answers 200 with what the first request created.';

export const TOPIC_ENDPOINTS = {
  create: endpoint({
    method: 'POST',
    path: '/api/topics',
    summary: '选题: create a month’s topic with its problems (centre)',
    description: replayNote,
    tags: ['topics'],
    successStatus: 201,
    isReplayable: true,
    body: CreateTopicBody,
    response: TopicViewSchema,
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/topics',
    summary: 'Topics, newest month first',
    tags: ['topics'],
    querystring: Type.Object(
      { month: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
      { additionalProperties: false },
    ),
    response: Type.Object({ items: Type.Array(TopicViewSchema) }),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/topics/:id',
    summary: 'A topic: problems, task progress, policies',
    tags: ['topics'],
    params: TopicParams,
    response: TopicViewSchema,
  }),
  act: endpoint({
    method: 'POST',
    path: '/api/topics/:id/actions/:action',
    summary: 'Start (links matching cases), close or reopen a topic',
    tags: ['topics'],
    params: Type.Object({ id: Uuid, action: TopicAction }),
    body: TopicActionBody,
    response: Type.Object({ ...TopicViewSchema.properties, linked: Type.Integer({ description: 'cases linked by this action (start)' }) }),
  }),
  addProblem: endpoint({
    method: 'POST',
    path: '/api/topics/:id/problems',
    summary: 'Add a problem (at most three per topic)',
    tags: ['topics'],
    successStatus: 201,
    params: TopicParams,
    body: ProblemBody,
    response: TopicProblemRowSchema,
  }),
  createTask: endpoint({
    method: 'POST',
    path: '/api/topics/:id/problems/:problemId/tasks',
    summary: 'Set a task (a work item) for the problem’s lead or a co-unit, with a deadline',
    description: replayNote,
    tags: ['topics'],
    successStatus: 201,
    isReplayable: true,
    params: ProblemParams,
    body: TopicTaskBody,
    response: WorkItemSchema,
  }),
  tasks: endpoint({
    method: 'GET',
    path: '/api/topics/:id/problems/:problemId/tasks',
    summary: 'The problem’s tasks you may see (work items, deadline order)',
    tags: ['topics'],
    params: ProblemParams,
    querystring: Type.Object(
      { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })), cursor: Type.Optional(Type.String({ maxLength: 200 })) },
      { additionalProperties: false },
    ),
    response: WorkItemPageSchema,
  }),
  cases: endpoint({
    method: 'GET',
    path: '/api/topics/:id/problems/:problemId/cases',
    summary: 'Cases linked to a problem (centre, lead and co-units)',
    tags: ['topics'],
    params: ProblemParams,
    querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }, { additionalProperties: false }),
    response: Type.Object({ items: Type.Array(LinkedCaseSchema) }),
  }),
  linkCase: endpoint({
    method: 'POST',
    path: '/api/topics/:id/problems/:problemId/cases',
    summary: 'Link a case to a problem by hand (200 when it was linked already)',
    tags: ['topics'],
    successStatus: 201,
    isReplayable: true,
    params: ProblemParams,
    body: LinkCaseBody,
    response: Type.Object({ caseId: Type.String(), isNew: Type.Boolean() }),
  }),
  unlinkCase: endpoint({
    method: 'DELETE',
    path: '/api/topics/:id/problems/:problemId/cases/:caseId',
    summary: 'Unlink a case from a problem',
    tags: ['topics'],
    successStatus: 204,
    params: Type.Object({ id: Uuid, problemId: Uuid, caseId: Uuid }),
    response: Type.Null(),
  }),
  effect: endpoint({
    method: 'GET',
    path: '/api/topics/:id/problems/:problemId/effect',
    summary: 'Matching cases and resolution/satisfaction by week, before and after the start',
    tags: ['topics'],
    params: ProblemParams,
    querystring: Type.Object({ weeksBefore: Type.Optional(Type.Integer({ minimum: 1, maximum: 52 })) }, { additionalProperties: false }),
    response: ProblemEffectSchema,
  }),
  recordPolicy: endpoint({
    method: 'POST',
    path: '/api/topics/:id/policies',
    summary: '政策: record a policy issued (document uploaded through /api/attachments)',
    tags: ['topics'],
    successStatus: 201,
    params: TopicParams,
    body: PolicyBody,
    response: TopicPolicySchema,
  }),
};
