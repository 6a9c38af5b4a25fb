// Endpoint descriptions (see endpoint.ts) of 未诉先办's reads and records: the caller's street,
// zones (包干) with their coverage, patrols, warnings with their evidence, and a street's measures.
// and the street's scans, dismissals, warning tasks, scores and settings; a finding turned into a
// case answers the case as every case route does.
import { Type } from 'typebox';
import { CaseDetailSchema } from './case-endpoints';
import { IsoDateTime, Nullable, StringEnum } from './common';
import { endpoint } from './endpoint';
import { PeriodKey } from './scoring';
import { WorkItemSchema } from './work-items';
import {
  FindingBody,
  PATROL_KIND_VALUES,
  PatrolBody,
  PatrolListQuery,
  PROACTIVE_RATE_VALUES,
  ProactiveMeasuresQuery,
  ProactiveSettingsBody,
  StreetCode,
  WARNING_STATUS_VALUES,
  WarningDismissBody,
  WarningListQuery,
  WarningScanBody,
  WarningTaskBody,
  ZoneBody,
  ZoneUpdateBody,
} from './proactive';

const tags = ['proactive'];
const StreetParams = Type.Object({ street: StreetCode });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const ZoneSchema = Type.Object({
  id: Type.String(),
  streetCode: Type.String(),
  name: Type.String(),
  communityCodes: Type.Array(Type.String()),
  polygon: Nullable(Type.Array(Type.Tuple([Type.Number(), Type.Number()]))),
  leaderUserId: Type.String(),
  team: Type.Array(Type.Object({ name: Type.String(), userId: Nullable(Type.String()) })),
  termStart: Type.String(),
  termEnd: Nullable(Type.String()),
  isActive: Type.Boolean(),
  version: Type.Integer(),
  createdBy: Type.String(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const ZonesViewSchema = Type.Object({
  streetCode: Type.String(),
  streetName: Type.String(),
  zones: Type.Array(Type.Object({ ...ZoneSchema.properties, leaderName: Nullable(Type.String()), isInForce: Type.Boolean() })),
  communities: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  coverage: Type.Object({
    onDate: Type.String(),
    byCommunity: Type.Array(Type.Object({ communityCode: Type.String(), zoneIds: Type.Array(Type.String()) })),
    gaps: Type.Array(Type.String({ description: 'communities in no zone on the date (空白)' })),
    doubles: Type.Array(Type.String({ description: 'communities in more than one zone' })),
  }),
});

export const PatrolSchema = Type.Object({
  id: Type.String(),
  kind: StringEnum(PATROL_KIND_VALUES),
  streetCode: Type.String(),
  communityCode: Type.String(),
  zoneId: Nullable(Type.String()),
  unitCode: Type.String(),
  patrollerUserId: Type.String(),
  patrollerName: Type.String(),
  patrolledAt: IsoDateTime,
  point: Nullable(Type.Object({ lng: Type.Number(), lat: Type.Number() })),
  observations: Type.String(),
  attachmentIds: Type.Array(Type.String()),
  caseIds: Type.Array(Type.String()),
  createdAt: IsoDateTime,
});

/** A warning as stored (a scan's raised ones: no community or category names yet). */
export const RaisedWarningSchema = Type.Object({
  id: Type.String(),
  streetCode: Type.String(),
  communityCode: Type.String(),
  categoryCode: Type.String(),
  kind: StringEnum(['surge', 'seasonal'] as const),
  detectedOn: Type.String(),
  observed: Type.Number(),
  expected: Type.Number(),
  upperBound: Type.Number(),
  ratio: Type.Number(),
  forecast: Type.Array(Type.Object({ week: Type.Integer(), expected: Type.Number(), upper: Type.Number() })),
  series: Type.Array(Type.Object({ weekEnd: Type.String(), observed: Nullable(Type.Number()), lastYear: Nullable(Type.Number()), expected: Type.Number(), upper: Type.Number() })),
  caseIds: Type.Array(Type.String()),
  status: StringEnum(WARNING_STATUS_VALUES),
  workItemId: Nullable(Type.String()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const WarningSchema = Type.Object({ ...RaisedWarningSchema.properties, communityName: Type.String(), categoryName: Type.String() });

const MeasureFigures = {
  proactiveFound: Type.Integer(),
  proactiveSolved: Type.Integer(),
  patrols: Type.Integer(),
  patrolCoverage: Nullable(Type.Number()),
  noticesSent: Type.Integer(),
  noticesOnTime: Type.Integer(),
  noticeOnTimeShare: Nullable(Type.Number()),
  callsBefore: Type.Integer(),
  callsAfter: Type.Integer(),
  callChange: Nullable(Type.Number()),
};

export const ProactiveMeasuresSchema = Type.Object({
  streetCode: Type.String(),
  streetName: Type.String(),
  firstDay: Type.String(),
  lastDay: Type.String(),
  weeks: Type.Integer(),
  totals: Type.Object(MeasureFigures),
  communities: Type.Array(Type.Object({ communityCode: Type.String(), communityName: Type.String(), ...MeasureFigures })),
  zones: Type.Array(
    Type.Object({ zoneId: Type.String(), name: Type.String(), leaderUserId: Type.String(), communityCodes: Type.Array(Type.String()), patrolCoverage: Nullable(Type.Number()) }),
  ),
});

const WarningDetailSchema = Type.Object({
  ...WarningSchema.properties,
  cases: Type.Array(Type.Object({ id: Type.String(), caseNumber: Type.String(), subject: Type.String(), status: Type.String(), receivedAt: IsoDateTime })),
});

export const ProactiveSettingsSchema = Type.Object({
  proactiveRates: StringEnum(PROACTIVE_RATE_VALUES),
  warnings: Type.Object({
    seasonYears: Type.Number(),
    recentWeeks: Type.Number(),
    horizonWeeks: Type.Number(),
    quantile: Type.Number(),
    dispersion: Type.Number(),
    minCount: Type.Number(),
    minRatio: Type.Number(),
    seasonalMinRatio: Type.Number(),
    seasonalMinCount: Type.Number(),
    minSeasonYears: Type.Number(),
    cooldownDays: Type.Number(),
  }),
});

export const PROACTIVE_ENDPOINTS = {
  myStreet: endpoint({
    method: 'GET',
    path: '/api/proactive/my-street',
    summary: 'The street the caller works in (null above streets)',
    tags,
    response: Type.Object({ streetCode: Nullable(Type.String()) }),
  }),
  zones: endpoint({
    method: 'GET',
    path: '/api/proactive/streets/:street/zones',
    summary: '包干: a street’s zones, leaders and coverage (gaps flagged)',
    tags,
    params: StreetParams,
    querystring: Type.Object({ on: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })) }),
    response: ZonesViewSchema,
  }),
  createZone: endpoint({
    method: 'POST',
    path: '/api/proactive/streets/:street/zones',
    summary: 'Create a zone (overlaps refused with ZONE_OVERLAP)',
    tags,
    successStatus: 201,
    params: StreetParams,
    body: ZoneBody,
    response: ZoneSchema,
  }),
  updateZone: endpoint({
    method: 'PUT',
    path: '/api/proactive/streets/:street/zones/:id',
    summary: 'Change or retire a zone',
    tags,
    params: Type.Object({ street: StreetCode, id: Type.String({ format: 'uuid' }) }),
    body: ZoneUpdateBody,
    response: ZoneSchema,
  }),
  patrols: endpoint({
    method: 'GET',
    path: '/api/proactive/streets/:street/patrols',
    summary: 'Patrols and home visits, newest first',
    tags,
    params: StreetParams,
    querystring: PatrolListQuery,
    response: Type.Array(PatrolSchema),
  }),
  recordPatrol: endpoint({
    method: 'POST',
    path: '/api/proactive/streets/:street/patrols',
    summary: '巡查/走访: record an outing',
    description: 'Send an `Idempotency-Key` header: a retry with the same key answers 200 with the patrol the first request recorded.',
    tags,
    successStatus: 201,
    isReplayable: true,
    params: StreetParams,
    body: PatrolBody,
    response: PatrolSchema,
  }),
  findingCase: endpoint({
    method: 'POST',
    path: '/api/proactive/patrols/:id/cases',
    summary: 'Turn a finding into a proactive case (主动发现), same intake and lifecycle',
    description: 'Send an `Idempotency-Key` header: a retry with the same key answers 200 with the case the first request created.',
    tags,
    successStatus: 201,
    isReplayable: true,
    params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
    body: FindingBody,
    response: CaseDetailSchema,
  }),
  warnings: endpoint({
    method: 'GET',
    path: '/api/proactive/streets/:street/warnings',
    summary: '预警: a street’s warnings',
    tags,
    params: StreetParams,
    querystring: WarningListQuery,
    response: Type.Array(WarningSchema),
  }),
  warning: endpoint({
    method: 'GET',
    path: '/api/proactive/warnings/:id',
    summary: 'A warning with its evidence (weekly series, cases)',
    tags,
    params: IdParams,
    response: WarningDetailSchema,
  }),
  scanWarnings: endpoint({
    method: 'POST',
    path: '/api/proactive/streets/:street/warnings/scan',
    summary: 'Run the warning scan for the street now (the daily job does it too)',
    tags,
    params: StreetParams,
    body: WarningScanBody,
    response: Type.Object({ asOf: Type.String(), streets: Type.Integer(), series: Type.Integer(), raised: Type.Array(RaisedWarningSchema), elapsedMs: Type.Number() }),
  }),
  dismissWarning: endpoint({
    method: 'POST',
    path: '/api/proactive/warnings/:id/dismiss',
    summary: 'Close a warning that needs no action',
    tags,
    params: IdParams,
    body: WarningDismissBody,
    response: WarningDetailSchema,
  }),
  warningTask: endpoint({
    method: 'POST',
    path: '/api/proactive/warnings/:id/task',
    summary: 'Turn a warning into a proactive task (work item) for the zone’s leader',
    tags,
    successStatus: 201,
    params: IdParams,
    body: WarningTaskBody,
    response: Type.Object({ warningId: Type.String(), workItem: WorkItemSchema }),
  }),
  scores: endpoint({
    method: 'GET',
    path: '/api/proactive/periods/:period/scores',
    summary: 'The own measure of proactive cases (three rates), when the setting is own_measure',
    tags,
    params: Type.Object({ period: PeriodKey }),
    response: Type.Object({
      periodKey: Type.String(),
      treatment: StringEnum(PROACTIVE_RATE_VALUES),
      rows: Type.Array(
        Type.Object({
          unitCode: Type.String(),
          unitName: Type.String(),
          unitClass: Type.String(),
          cases: Type.Integer(),
          validVisits: Type.Integer(),
          responseRate: Nullable(Type.Number()),
          resolutionRate: Nullable(Type.Number()),
          satisfactionRate: Nullable(Type.Number()),
          composite: Nullable(Type.Number()),
        }),
      ),
    }),
  }),
  settings: endpoint({
    method: 'GET',
    path: '/api/proactive/settings',
    summary: 'Proactive settings: rate treatment and warning thresholds',
    tags,
    response: ProactiveSettingsSchema,
  }),
  updateSettings: endpoint({
    method: 'PUT',
    path: '/api/proactive/settings',
    summary: 'Change the proactive settings (administrators)',
    tags,
    body: ProactiveSettingsBody,
    response: ProactiveSettingsSchema,
  }),
  measures: endpoint({
    method: 'GET',
    path: '/api/proactive/streets/:street/measures',
    summary: 'Measures of a street and its communities over a quarter or a range of days',
    tags,
    params: StreetParams,
    querystring: ProactiveMeasuresQuery,
    response: ProactiveMeasuresSchema,
  }),
};
