// Scoring settings: the weight versions, the scoring policy (period start day, visit attempts,
// published list size, minimum sample, appeal window, merged children, most-improved list), the
// ranking classes, the special-governance rule, the populations behind 千人诉求量, and each
// street's community-ranking config.
import { type CommunityItem, type CommunityRankingConfig, DEFAULT_COMMUNITY_RANKING_CONFIG, rankCommunities } from '../scoring/community-ranking';
import { OFFICIAL_ORDERS } from '../scoring/ranking';
import { DEFAULT_RANKING_CLASSES, RANK_WITHIN, RANKABLE_UNIT_CLASSES, RANKING_LEVELS, type RankingClassDef, validateRankingClasses } from '../scoring/ranking-classes';
import {
  DEFAULT_GOVERNANCE_SETTINGS,
  EMPTY_POPULATIONS,
  type GovernanceSettings,
  IMPROVED_BY,
  type ImprovedBy,
  parseGovernanceSettings,
  parsePopulationTable,
  type PopulationTable,
} from '../scoring/published-lists';
import { SCORED_UNIT_CLASSES } from '../scoring/types';
import { DEFAULT_WEIGHT_VERSIONS, validateWeightVersions, type WeightVersion } from '../scoring/weights';
import { defineSetting, expectArray, expectNumber, expectObject, expectOneOf, expectString, fieldOf, invalidSetting, type SettingDefinition } from './setting-definition';

/**
 * 并案 (merged children) in scoring: `main_case_visit` — no visit is asked for a merged child; the
 * cluster is visited and scored once, through its main case. `cluster_visit` — every requester in
 * the cluster is visited; a child's visit is recorded and scored on the cluster's lead unit.
 */
export const MERGED_CHILD_POLICIES = ['main_case_visit', 'cluster_visit'] as const;
export type MergedChildPolicy = (typeof MERGED_CHILD_POLICIES)[number];

export interface ScoringPolicy {
  /** Local day of the month a period starts on (default 19: the 19th to the 18th). */
  periodStartDay: number;
  /** Unanswered calls before a return visit is given up as invalid. */
  maxVisitAttempts: number;
  /** Size of the published top and bottom lists. */
  publishCount: number;
  /** Fewest valid visits a unit needs to be ranked (a ranking class may set its own). */
  minSampleSize: number;
  /** Days after the return visit a unit may appeal (and never after the period is published). */
  appealWindowDays: number;
  mergedChildren: MergedChildPolicy;
  /** Size of the most-improved list (进步较快) per class. */
  improvedCount: number;
  improvedBy: ImprovedBy;
}

export const DEFAULT_SCORING_POLICY: ScoringPolicy = {
  periodStartDay: 19,
  maxVisitAttempts: 3,
  publishCount: 10,
  minSampleSize: 10,
  appealWindowDays: 7,
  mergedChildren: 'main_case_visit',
  improvedCount: 10,
  improvedBy: 'rank_change',
};

type NumericPolicyField = 'periodStartDay' | 'maxVisitAttempts' | 'publishCount' | 'minSampleSize' | 'appealWindowDays' | 'improvedCount';
const POLICY_RANGES: Record<NumericPolicyField, { min: number; max: number }> = {
  periodStartDay: { min: 1, max: 28 },
  maxVisitAttempts: { min: 1, max: 10 },
  publishCount: { min: 1, max: 100 },
  minSampleSize: { min: 1, max: 10_000 },
  appealWindowDays: { min: 0, max: 60 },
  improvedCount: { min: 0, max: 100 },
};
const NUMERIC_FIELDS = Object.keys(POLICY_RANGES) as NumericPolicyField[];
const POLICY_FIELDS: (keyof ScoringPolicy)[] = [...NUMERIC_FIELDS, 'mergedChildren', 'improvedBy'];

/** A field left out keeps its default (values stored before the field existed). */
export function parseScoringPolicy(value: unknown): ScoringPolicy {
  const o = expectObject(value, '', POLICY_FIELDS);
  const policy = { ...DEFAULT_SCORING_POLICY };
  for (const f of NUMERIC_FIELDS) {
    if (o[f] !== undefined) policy[f] = expectNumber(o[f], f, { ...POLICY_RANGES[f], integer: true });
  }
  if (o.mergedChildren !== undefined) policy.mergedChildren = expectOneOf(o.mergedChildren, MERGED_CHILD_POLICIES, 'mergedChildren');
  if (o.improvedBy !== undefined) policy.improvedBy = expectOneOf(o.improvedBy, IMPROVED_BY, 'improvedBy');
  return policy;
}

export function parseWeightVersions(value: unknown): WeightVersion[] {
  const versions = expectArray(value, 'versions').map((v, i): WeightVersion => {
    const field = fieldOf('versions', i);
    const o = expectObject(v, field, ['validFrom', 'unitClass', 'response', 'resolution', 'satisfaction', 'basicallySatisfiedFactor']);
    const version: WeightVersion = {
      validFrom: expectString(o.validFrom, fieldOf(field, 'validFrom')),
      response: expectNumber(o.response, fieldOf(field, 'response')),
      resolution: expectNumber(o.resolution, fieldOf(field, 'resolution')),
      satisfaction: expectNumber(o.satisfaction, fieldOf(field, 'satisfaction')),
      basicallySatisfiedFactor: expectNumber(o.basicallySatisfiedFactor, fieldOf(field, 'basicallySatisfiedFactor')),
    };
    if (o.unitClass !== undefined) version.unitClass = expectOneOf(o.unitClass, SCORED_UNIT_CLASSES, fieldOf(field, 'unitClass'));
    return version;
  });
  validateWeightVersions(versions);
  return versions;
}

export function parseCommunityRankingConfig(value: unknown): CommunityRankingConfig {
  const o = expectObject(value, '', ['rateWeights', 'items']);
  const rw = expectObject(o.rateWeights, 'rateWeights', ['response', 'resolution', 'satisfaction']);
  const items = expectArray(o.items, 'items').map((raw, i): CommunityItem => {
    const field = fieldOf('items', i);
    const it = expectObject(raw, field, ['key', 'label', 'weight', 'maxScore']);
    const key = expectString(it.key, fieldOf(field, 'key'));
    if (!/^[a-z0-9_]{1,40}$/.test(key)) throw invalidSetting(fieldOf(field, 'key'), 'must be 1–40 of a-z, 0-9 and _.', key);
    const item: CommunityItem = { key, weight: expectNumber(it.weight, fieldOf(field, 'weight')) };
    if (it.label !== undefined) item.label = expectString(it.label, fieldOf(field, 'label'));
    if (it.maxScore !== undefined) item.maxScore = expectNumber(it.maxScore, fieldOf(field, 'maxScore'));
    return item;
  });
  const config: CommunityRankingConfig = {
    rateWeights: {
      response: expectNumber(rw.response, 'rateWeights.response'),
      resolution: expectNumber(rw.resolution, 'rateWeights.resolution'),
      satisfaction: expectNumber(rw.satisfaction, 'rateWeights.satisfaction'),
    },
    items,
  };
  rankCommunities([], config); // the ranking's own check: weights 0–1 summing to 1, unique keys
  return config;
}

export const SCORING_WEIGHTS_SETTING = defineSetting<WeightVersion[]>('scoring.weights', [...DEFAULT_WEIGHT_VERSIONS], parseWeightVersions);
export const SCORING_POLICY_SETTING = defineSetting<ScoringPolicy>('scoring.policy', DEFAULT_SCORING_POLICY, parseScoringPolicy);

export function parseRankingClasses(value: unknown): RankingClassDef[] {
  const defs = expectArray(value, 'classes').map((v, i): RankingClassDef => {
    const field = fieldOf('classes', i);
    const o = expectObject(v, field, ['key', 'label', 'unitClass', 'level', 'rankWithin', 'minSampleSize', 'officialOrder']);
    return {
      key: expectString(o.key, fieldOf(field, 'key')),
      label: expectString(o.label, fieldOf(field, 'label')),
      unitClass: expectOneOf(o.unitClass, RANKABLE_UNIT_CLASSES, fieldOf(field, 'unitClass')),
      level: expectOneOf(o.level, RANKING_LEVELS, fieldOf(field, 'level')),
      rankWithin: expectOneOf(o.rankWithin, RANK_WITHIN, fieldOf(field, 'rankWithin')),
      minSampleSize: o.minSampleSize === null || o.minSampleSize === undefined ? null : expectNumber(o.minSampleSize, fieldOf(field, 'minSampleSize'), { integer: true }),
      officialOrder: o.officialOrder === undefined ? 'composite' : expectOneOf(o.officialOrder, OFFICIAL_ORDERS, fieldOf(field, 'officialOrder')),
    };
  });
  validateRankingClasses(defs);
  return defs;
}

/** Which units are ranked against which (考核类别), each class's minimum sample and official order. */
export const RANKING_CLASSES_SETTING = defineSetting<RankingClassDef[]>('scoring.ranking_classes', [...DEFAULT_RANKING_CLASSES], parseRankingClasses);
/** The rule that picks the streets under special governance (治理类街乡镇). */
export const GOVERNANCE_SETTING = defineSetting<GovernanceSettings>('scoring.special_governance', DEFAULT_GOVERNANCE_SETTINGS, parseGovernanceSettings);
/** Residents per unit (streets, districts), loaded by an administrator from the template; for 千人诉求量. */
export const POPULATIONS_SETTING = defineSetting<PopulationTable>('scoring.populations', EMPTY_POPULATIONS, parsePopulationTable);

/** One config per street: key `scoring.community_ranking.<street code>`. */
export function communityRankingSetting(streetCode: string): SettingDefinition<CommunityRankingConfig> {
  return defineSetting(`scoring.community_ranking.${streetCode}`, DEFAULT_COMMUNITY_RANKING_CONFIG, parseCommunityRankingConfig);
}
