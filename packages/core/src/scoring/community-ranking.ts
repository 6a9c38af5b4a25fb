// A street ranks its own communities each quarter: the three rates plus extra items the street
// scores itself (face-to-face meetings with residents, coordination with the street's sections,
// work traces …). Every weight is configuration; together they sum to 1, so the total is 0–1.
import { DomainError } from '../errors';
import { compareIds, competitionRanks, DEFAULT_TIE_EPSILON } from './competition-rank';

export interface CommunityItem {
  /** Stable key, used in itemScores. */
  key: string;
  /** Display name, e.g. 面对面沟通. */
  label?: string;
  /** Share of the total. */
  weight: number;
  /** The top of the item's scale (an item score of maxScore earns the full weight). Default 1. */
  maxScore?: number;
}

export interface CommunityRankingConfig {
  /** Shares of the total given to each of the three rates. */
  rateWeights: { response: number; resolution: number; satisfaction: number };
  items: readonly CommunityItem[];
}

/** A starting point: the three rates keep the city's 1 : 5 : 4 proportion within 70%; three items share 30%. */
export const DEFAULT_COMMUNITY_RANKING_CONFIG: CommunityRankingConfig = {
  rateWeights: { response: 0.07, resolution: 0.35, satisfaction: 0.28 },
  items: [
    { key: 'face_to_face', label: '面对面沟通', weight: 0.1, maxScore: 100 },
    { key: 'coordination', label: '科室协同', weight: 0.1, maxScore: 100 },
    { key: 'work_traces', label: '工作留痕', weight: 0.1, maxScore: 100 },
  ],
};

/** The three-rate figures of one community for the quarter (a UnitScore fits). */
export interface CommunityRates {
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  validVisits: number;
}

export interface CommunityRankingInput {
  unitId: string;
  rates: CommunityRates;
  /** Item key → score on the item's own scale (0 … maxScore). A missing item scores 0. */
  itemScores: Readonly<Record<string, number>>;
}

export interface CommunityItemPart {
  key: string;
  /** The score as given. */
  score: number;
  /** weight × score / maxScore: this item's contribution to the total. */
  points: number;
}

export interface CommunityRankingEntry {
  unitId: string;
  /** Competition rank (1, 2, 2, 4); null when unranked (no valid visit in the quarter). */
  rank: number | null;
  /** ratesPart + the item points, 0–1; null when unranked. */
  total: number | null;
  /** Σ rate weight × rate; null without a valid visit. */
  ratesPart: number | null;
  items: CommunityItemPart[];
  validVisits: number;
}

const SUM_TOLERANCE = 1e-9;

function validateConfig(config: CommunityRankingConfig): void {
  const problems: string[] = [];
  const weights: [string, number][] = [
    ['rateWeights.response', config.rateWeights.response],
    ['rateWeights.resolution', config.rateWeights.resolution],
    ['rateWeights.satisfaction', config.rateWeights.satisfaction],
    ...config.items.map((item): [string, number] => [`items.${item.key}.weight`, item.weight]),
  ];
  for (const [name, w] of weights) {
    if (!Number.isFinite(w) || w < 0 || w > 1) problems.push(`${name} must be between 0 and 1`);
  }
  const sum = weights.reduce((s, [, w]) => s + w, 0);
  if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) problems.push(`weights sum to ${sum}, not 1`);
  const keys = new Set<string>();
  for (const item of config.items) {
    if (keys.has(item.key)) problems.push(`item ${item.key} is listed twice`);
    keys.add(item.key);
    const max = item.maxScore ?? 1;
    if (!Number.isFinite(max) || max <= 0) problems.push(`items.${item.key}.maxScore must be above 0`);
  }
  if (problems.length > 0) {
    throw new DomainError('SCORING_INVALID_WEIGHTS', `Invalid community ranking config: ${problems.join('; ')}.`, {
      problems,
    });
  }
}

/**
 * Ranks a street's communities for a quarter. Ranked communities come first, best first (ties by
 * valid visits desc, then unit id); communities without a valid visit follow, unranked, by unit id.
 */
export function rankCommunities(
  communities: readonly CommunityRankingInput[],
  config: CommunityRankingConfig = DEFAULT_COMMUNITY_RANKING_CONFIG,
  tieEpsilon: number = DEFAULT_TIE_EPSILON,
): CommunityRankingEntry[] {
  validateConfig(config);
  const itemKeys = new Set(config.items.map((i) => i.key));

  const entries = communities.map((community): CommunityRankingEntry => {
    const unknownKeys = Object.keys(community.itemScores).filter((k) => !itemKeys.has(k));
    if (unknownKeys.length > 0) {
      throw new DomainError('SCORING_INVALID_INPUT', `Community ${community.unitId} has scores for unknown items: ${unknownKeys.join(', ')}.`, {
        unitId: community.unitId,
        items: unknownKeys,
      });
    }
    const items = config.items.map((item): CommunityItemPart => {
      const score = community.itemScores[item.key] ?? 0;
      const max = item.maxScore ?? 1;
      if (!Number.isFinite(score) || score < 0 || score > max) {
        throw new DomainError('SCORING_INVALID_INPUT', `Community ${community.unitId}: item ${item.key} scored ${score}, outside 0–${max}.`, {
          unitId: community.unitId,
          item: item.key,
          score,
        });
      }
      return { key: item.key, score, points: (item.weight * score) / max };
    });
    const { responseRate, resolutionRate, satisfactionRate, validVisits } = community.rates;
    const ratesPart =
      validVisits > 0 && responseRate !== null && resolutionRate !== null && satisfactionRate !== null
        ? config.rateWeights.response * responseRate + config.rateWeights.resolution * resolutionRate + config.rateWeights.satisfaction * satisfactionRate
        : null;
    const total = ratesPart === null ? null : items.reduce((sum, part) => sum + part.points, ratesPart);
    return { unitId: community.unitId, rank: null, total, ratesPart, items, validVisits };
  });

  const ranked = entries
    .filter((e) => e.total !== null)
    .sort((a, b) => {
      const diff = (b.total ?? 0) - (a.total ?? 0);
      if (Math.abs(diff) > tieEpsilon) return diff;
      return b.validVisits - a.validVisits || compareIds(a.unitId, b.unitId);
    });
  competitionRanks(
    ranked.map((e) => e.total ?? 0),
    tieEpsilon,
  ).forEach((rank, i) => {
    const entry = ranked[i];
    if (entry !== undefined) entry.rank = rank;
  });
  const unranked = entries.filter((e) => e.total === null).sort((a, b) => compareIds(a.unitId, b.unitId));
  return [...ranked, ...unranked];
}
