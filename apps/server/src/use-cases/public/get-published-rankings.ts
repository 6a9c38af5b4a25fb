// 排名公布: the monthly rankings as published (immutable snapshots written by the scoring area),
// streets/townships and districts, top and bottom of each — never computed live for the public.
import type { AppContext } from '../../context';
import type { PeriodRankings, RankingRow } from '../scoring/compute-rankings';

export const PUBLIC_RANKED_CLASSES = ['street', 'district'] as const;

export interface PublicRankingRow {
  rank: number | null;
  unitCode: string;
  unitName: string;
  composite: number | null;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  sampleSize: number;
  wilsonRank: number | null;
  isTop: boolean;
  isBottom: boolean;
}

export interface PublicRankings {
  periodKey: string | null;
  periods: string[];
  version: number | null;
  publishedAt: Date | string | null;
  classes: Array<{ unitClass: string; rankedCount: number; top: PublicRankingRow[]; bottom: PublicRankingRow[] }>;
}

function row(r: RankingRow): PublicRankingRow {
  return {
    rank: r.rank,
    unitCode: r.unitCode,
    unitName: r.unitName,
    composite: r.composite,
    responseRate: r.responseRate,
    resolutionRate: r.resolutionRate,
    satisfactionRate: r.satisfactionRate,
    sampleSize: r.sampleSize,
    wilsonRank: r.wilsonRank,
    isTop: r.isTop,
    isBottom: r.isBottom,
  };
}

export async function getPublishedRankings(ctx: AppContext, opts: { periodKey?: string }): Promise<PublicRankings> {
  const periods = await ctx.repos.publicRankings.publishedPeriodKeys(24);
  const periodKey = opts.periodKey ?? periods[0] ?? null;
  const empty: PublicRankings = { periodKey, periods, version: null, publishedAt: null, classes: [] };
  if (periodKey === null || !periods.includes(periodKey)) return empty;
  const pub = await ctx.repos.scorePublications.get<PeriodRankings>(periodKey, null);
  if (!pub) return empty;
  return {
    periodKey,
    periods,
    version: pub.version,
    publishedAt: pub.publishedAt,
    classes: pub.rankings.classes
      .filter((c) => (PUBLIC_RANKED_CLASSES as readonly string[]).includes(c.unitClass))
      .map((c) => {
        const ranked = c.rows.filter((r) => r.rank !== null);
        return {
          unitClass: c.unitClass,
          rankedCount: ranked.length,
          top: ranked.filter((r) => r.isTop).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map(row),
          bottom: ranked.filter((r) => r.isBottom).sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0)).map(row),
        };
      }),
  };
}
