// Monthly rankings per unit class (like with like): the official order by composite with shared
// ranks for ties, the published top and bottom, the trend against the previous period, and beside
// it the small-sample-aware order by the Wilson composite.
import { DomainError } from '../errors';
import { compareIds, competitionRanks, DEFAULT_TIE_EPSILON } from './competition-rank';
import type { UnitScore } from './score-units';
import type { ScoredUnitClass } from './types';

/** The classes ranked monthly: streets/townships, districts, departments, enterprises. */
export const MONTHLY_RANKED_CLASSES: readonly ScoredUnitClass[] = ['street', 'district', 'department', 'enterprise'];

/** What is needed of the previous period's ranking (e.g. its stored snapshot entries). */
export interface PreviousRankingEntry {
  unitId: string;
  rank: number | null;
  composite: number | null;
}

export interface RankTrend {
  /** Official rank last period; null if the unit was unranked then. */
  previousRank: number | null;
  /** previousRank − rank: positive = moved up. Null unless ranked in both periods. */
  rankChange: number | null;
  /** composite − previous composite. Null unless both exist. */
  compositeDelta: number | null;
}

export interface RankingEntry {
  unitId: string;
  unitClass: ScoredUnitClass;
  /** Official competition rank (1, 2, 2, 4); null when unranked (sample below the minimum). */
  rank: number | null;
  composite: number | null;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  /** Valid visits: the denominator of every rate. */
  sampleSize: number;
  /** Exempted cases (免考核), left out of the rates. */
  exemptions: number;
  /** Composite of the Wilson lower bounds (see wilson.ts); null without a valid visit. */
  wilsonComposite: number | null;
  /** Competition rank by wilsonComposite among the ranked units; null when unranked. */
  wilsonRank: number | null;
  /** Null when no previous entry was given for the unit. */
  trend: RankTrend | null;
}

export interface ClassRanking {
  unitClass: ScoredUnitClass;
  /** Ranked units in official order: composite desc; ties by sample size desc, then unit id. */
  ranked: RankingEntry[];
  /** Units below the minimum sample (including those with no valid visit), by unit id. */
  unranked: RankingEntry[];
  /** Published top: every unit with rank ≤ publishCount (more than publishCount when a tie straddles the cut). */
  top: RankingEntry[];
  /**
   * Published bottom, worst first: every unit whose rank counted from the bottom (competition
   * style) is ≤ publishCount. May overlap `top` when a class has fewer than 2 × publishCount units.
   */
  bottom: RankingEntry[];
  /** The ranked units in small-sample-aware order: wilsonComposite desc; ties by sample size desc, then unit id. */
  wilsonOrder: RankingEntry[];
}

export interface RankUnitsInput {
  /** This period's scores (scoreUnits output); units of classes not ranked are ignored. */
  scores: readonly UnitScore[];
  /** Classes to rank; default MONTHLY_RANKED_CLASSES. */
  unitClasses?: readonly ScoredUnitClass[];
  /** Previous period's entries, for the trend; omit for none. */
  previous?: readonly PreviousRankingEntry[];
  /** Size of the published top and bottom lists; default 10. */
  publishCount?: number;
  /** Fewest valid visits a unit needs to be ranked; default 1. */
  minSampleSize?: number;
  /** Composites closer than this tie; default 1e-9. */
  tieEpsilon?: number;
}

function orderBy(key: (e: RankingEntry) => number, epsilon: number) {
  return (a: RankingEntry, b: RankingEntry): number => {
    const diff = key(b) - key(a);
    if (Math.abs(diff) > epsilon) return diff;
    return b.sampleSize - a.sampleSize || compareIds(a.unitId, b.unitId);
  };
}

export function rankUnits(input: RankUnitsInput): ClassRanking[] {
  const classes = input.unitClasses ?? MONTHLY_RANKED_CLASSES;
  const publishCount = input.publishCount ?? 10;
  const minSampleSize = input.minSampleSize ?? 1;
  const epsilon = input.tieEpsilon ?? DEFAULT_TIE_EPSILON;
  if (!Number.isInteger(publishCount) || publishCount < 0) {
    throw new DomainError('SCORING_INVALID_INPUT', 'publishCount must be a whole number ≥ 0.', { publishCount });
  }
  if (!Number.isInteger(minSampleSize) || minSampleSize < 1) {
    throw new DomainError('SCORING_INVALID_INPUT', 'minSampleSize must be a whole number ≥ 1.', { minSampleSize });
  }
  const previous = new Map((input.previous ?? []).map((p) => [p.unitId, p]));

  return classes.map((unitClass): ClassRanking => {
    const entries = input.scores
      .filter((s) => s.unitClass === unitClass)
      .map((s): RankingEntry => {
        const before = previous.get(s.unitId);
        return {
          unitId: s.unitId,
          unitClass,
          rank: null,
          composite: s.composite,
          responseRate: s.responseRate,
          resolutionRate: s.resolutionRate,
          satisfactionRate: s.satisfactionRate,
          sampleSize: s.validVisits,
          exemptions: s.exemptions,
          wilsonComposite: s.lowerBounds?.composite ?? null,
          wilsonRank: null,
          trend: before === undefined ? null : { previousRank: before.rank, rankChange: null, compositeDelta: null },
        };
      });
    const isRankable = (e: RankingEntry): boolean => e.composite !== null && e.sampleSize >= minSampleSize;
    const ranked = entries.filter(isRankable).sort(orderBy((e) => e.composite ?? 0, epsilon));
    const unranked = entries.filter((e) => !isRankable(e)).sort((a, b) => compareIds(a.unitId, b.unitId));

    competitionRanks(
      ranked.map((e) => e.composite ?? 0),
      epsilon,
    ).forEach((rank, i) => {
      const entry = ranked[i];
      if (entry !== undefined) entry.rank = rank;
    });

    const wilsonOrder = [...ranked].sort(orderBy((e) => e.wilsonComposite ?? 0, epsilon));
    competitionRanks(
      wilsonOrder.map((e) => e.wilsonComposite ?? 0),
      epsilon,
    ).forEach((rank, i) => {
      const entry = wilsonOrder[i];
      if (entry !== undefined) entry.wilsonRank = rank;
    });

    for (const entry of entries) {
      const before = previous.get(entry.unitId);
      if (before === undefined || entry.trend === null) continue;
      entry.trend.rankChange = entry.rank !== null && before.rank !== null ? before.rank - entry.rank : null;
      entry.trend.compositeDelta = entry.composite !== null && before.composite !== null ? entry.composite - before.composite : null;
    }

    // Bottom list: rank counted from the bottom, ties sharing it, worst first.
    const worstFirst = [...ranked].reverse();
    const ranksFromBottom = competitionRanks(
      worstFirst.map((e) => -(e.composite ?? 0)),
      epsilon,
    );
    const bottom = worstFirst.filter((_, i) => (ranksFromBottom[i] ?? Infinity) <= publishCount);
    const top = ranked.filter((e) => (e.rank ?? Infinity) <= publishCount);

    return { unitClass, ranked, unranked, top, bottom, wilsonOrder };
  });
}
