// Scoring settings: the weight versions, the scoring policy (period start day, visit attempts,
// published list size, minimum sample) and each street's community-ranking config.
import { type CommunityItem, type CommunityRankingConfig, DEFAULT_COMMUNITY_RANKING_CONFIG, rankCommunities } from '../scoring/community-ranking';
import { SCORED_UNIT_CLASSES } from '../scoring/types';
import { DEFAULT_WEIGHT_VERSIONS, validateWeightVersions, type WeightVersion } from '../scoring/weights';
import { defineSetting, expectArray, expectNumber, expectObject, expectOneOf, expectString, fieldOf, invalidSetting, type SettingDefinition } from './setting-definition';

export interface ScoringPolicy {
  /** Local day of the month a period starts on (default 19: the 19th to the 18th). */
  periodStartDay: number;
  /** Unanswered calls before a return visit is given up as invalid. */
  maxVisitAttempts: number;
  /** Size of the published top and bottom lists. */
  publishCount: number;
  /** Fewest valid visits a unit needs to be ranked. */
  minSampleSize: number;
}

export const DEFAULT_SCORING_POLICY: ScoringPolicy = { periodStartDay: 19, maxVisitAttempts: 3, publishCount: 10, minSampleSize: 1 };

const POLICY_RANGES: Record<keyof ScoringPolicy, { min: number; max: number }> = {
  periodStartDay: { min: 1, max: 28 },
  maxVisitAttempts: { min: 1, max: 10 },
  publishCount: { min: 1, max: 100 },
  minSampleSize: { min: 1, max: 10_000 },
};
const POLICY_FIELDS = Object.keys(POLICY_RANGES) as (keyof ScoringPolicy)[];

/** A field left out keeps its default (values stored before the field existed). */
export function parseScoringPolicy(value: unknown): ScoringPolicy {
  const o = expectObject(value, '', POLICY_FIELDS);
  const policy = { ...DEFAULT_SCORING_POLICY };
  for (const f of POLICY_FIELDS) {
    if (o[f] !== undefined) policy[f] = expectNumber(o[f], f, { ...POLICY_RANGES[f], integer: true });
  }
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

/** One config per street: key `scoring.community_ranking.<street code>`. */
export function communityRankingSetting(streetCode: string): SettingDefinition<CommunityRankingConfig> {
  return defineSetting(`scoring.community_ranking.${streetCode}`, DEFAULT_COMMUNITY_RANKING_CONFIG, parseCommunityRankingConfig);
}
