// Monthly rankings per unit class (like with like): the official order (by composite, or by the
// small-sample-aware Wilson composite where a class chooses it) with shared ranks for ties, the
// published top and bottom under the tie rule below, the trend against the previous period, and
// beside it the other order.
//
// Tie rule (docs/scoring.md): equal official scores share a rank (1, 2, 2, 4). The published lists
// take the first N of the official order, in which a tie is broken by the other score (the Wilson
// composite when the composite is official, and vice versa), then by valid visits (more first);
// units still equal on all three to the N-th are listed too. A tie on the official score that
// straddles place N is reported (`topBoundary` / `bottomBoundary`) so the list can say so.
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

/** Which score orders a class officially: the composite, or the Wilson lower-bound composite. */
export const OFFICIAL_ORDERS = ['composite', 'wilson'] as const;
export type OfficialOrder = (typeof OFFICIAL_ORDERS)[number];

/** Why a unit is not ranked: no valid visit at all, or fewer than the class's minimum. */
export type UnrankedReason = 'no_valid_visit' | 'below_min_sample';

/**
 * A tie on the official score across place N of a published list: which units share the rank at
 * the cut, which of them the tie-break kept in the list and which it left out.
 */
export interface ListBoundary {
  /** The list's size N. */
  place: number;
  /** The shared official rank (for the bottom list: the rank counted from the top). */
  rank: number;
  /** The shared official score (composite or Wilson composite, 0–1). */
  score: number;
  /** Units sharing that score, in the official order. */
  tied: string[];
  /** Of those, the ones in the list. */
  listed: string[];
  /** Of those, the ones the tie-break left out. */
  left: string[];
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
  /** Null when ranked. */
  unrankedReason: UnrankedReason | null;
}

export interface ClassRanking {
  unitClass: ScoredUnitClass;
  officialOrder: OfficialOrder;
  minSampleSize: number;
  /** Ranked units in official order: official score desc; ties by the other score desc, sample size desc, then unit id. */
  ranked: RankingEntry[];
  /** Units below the minimum sample (including those with no valid visit), by unit id. */
  unranked: RankingEntry[];
  /** Published top: the first publishCount of the official order, plus any unit equal on every tie-break key to the last of them. */
  top: RankingEntry[];
  /**
   * Published bottom, worst first: the official order read from the end, by the same rule. May
   * overlap `top` when a class has fewer than 2 × publishCount units.
   */
  bottom: RankingEntry[];
  /** A tie on the official score across the top list's cut; null when there is none. */
  topBoundary: ListBoundary | null;
  /** A tie on the official score across the bottom list's cut; null when there is none. */
  bottomBoundary: ListBoundary | null;
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
  /** The score that ranks officially; default 'composite'. */
  officialOrder?: OfficialOrder;
}

type Key = (e: RankingEntry) => number;
const compositeKey: Key = (e) => e.composite ?? 0;
const wilsonKey: Key = (e) => e.wilsonComposite ?? 0;

/** Official score desc, then the other score desc, then valid visits desc: 0 when equal on all three. */
function tieBreak(key: Key, other: Key, epsilon: number) {
  return (a: RankingEntry, b: RankingEntry): number => {
    const diff = key(b) - key(a);
    if (Math.abs(diff) > epsilon) return diff;
    const second = other(b) - other(a);
    if (Math.abs(second) > epsilon) return second;
    return b.sampleSize - a.sampleSize;
  };
}

/**
 * The first `count` of `order` (best-first for the top list, worst-first for the bottom list), plus
 * every unit after them equal on all tie-break keys to the last one; and the boundary report.
 */
function publishedList(order: RankingEntry[], count: number, key: Key, same: (a: RankingEntry, b: RankingEntry) => boolean, epsilon: number) {
  if (count === 0 || order.length === 0) return { list: [] as RankingEntry[], boundary: null };
  let end = Math.min(count, order.length);
  const last = order[end - 1] as RankingEntry;
  while (end < order.length && same(order[end] as RankingEntry, last)) end += 1;
  const list = order.slice(0, end);
  const tiedWithLast = order.filter((e) => Math.abs(key(e) - key(last)) <= epsilon);
  const straddles = tiedWithLast.some((e) => !list.includes(e)) || (end > count && tiedWithLast.length > 1);
  if (!straddles) return { list, boundary: null };
  const boundary: ListBoundary = {
    place: count,
    rank: last.rank ?? 0,
    score: key(last),
    tied: tiedWithLast.map((e) => e.unitId),
    listed: tiedWithLast.filter((e) => list.includes(e)).map((e) => e.unitId),
    left: tiedWithLast.filter((e) => !list.includes(e)).map((e) => e.unitId),
  };
  return { list, boundary };
}

export function rankUnits(input: RankUnitsInput): ClassRanking[] {
  const classes = input.unitClasses ?? MONTHLY_RANKED_CLASSES;
  const publishCount = input.publishCount ?? 10;
  const minSampleSize = input.minSampleSize ?? 1;
  const epsilon = input.tieEpsilon ?? DEFAULT_TIE_EPSILON;
  const officialOrder = input.officialOrder ?? 'composite';
  const [key, other] = officialOrder === 'wilson' ? [wilsonKey, compositeKey] : [compositeKey, wilsonKey];
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
          unrankedReason: s.composite === null ? 'no_valid_visit' : s.validVisits < minSampleSize ? 'below_min_sample' : null,
        };
      });
    const isRankable = (e: RankingEntry): boolean => e.unrankedReason === null;
    const official = tieBreak(key, other, epsilon);
    const ranked = entries.filter(isRankable).sort((a, b) => official(a, b) || compareIds(a.unitId, b.unitId));
    const unranked = entries.filter((e) => !isRankable(e)).sort((a, b) => compareIds(a.unitId, b.unitId));

    competitionRanks(ranked.map(key), epsilon).forEach((rank, i) => {
      const entry = ranked[i];
      if (entry !== undefined) entry.rank = rank;
    });

    const byWilson = tieBreak(wilsonKey, compositeKey, epsilon);
    const wilsonOrder = [...ranked].sort((a, b) => byWilson(a, b) || compareIds(a.unitId, b.unitId));
    competitionRanks(wilsonOrder.map(wilsonKey), epsilon).forEach((rank, i) => {
      const entry = wilsonOrder[i];
      if (entry !== undefined) entry.wilsonRank = rank;
    });

    for (const entry of entries) {
      const before = previous.get(entry.unitId);
      if (before === undefined || entry.trend === null) continue;
      entry.trend.rankChange = entry.rank !== null && before.rank !== null ? before.rank - entry.rank : null;
      entry.trend.compositeDelta = entry.composite !== null && before.composite !== null ? entry.composite - before.composite : null;
    }

    const same = (a: RankingEntry, b: RankingEntry) => official(a, b) === 0;
    const top = publishedList(ranked, publishCount, key, same, epsilon);
    const bottom = publishedList([...ranked].reverse(), publishCount, key, same, epsilon);
    return {
      unitClass,
      officialOrder,
      minSampleSize,
      ranked,
      unranked,
      top: top.list,
      bottom: bottom.list,
      topBoundary: top.boundary,
      bottomBoundary: bottom.boundary,
      wilsonOrder,
    };
  });
}
