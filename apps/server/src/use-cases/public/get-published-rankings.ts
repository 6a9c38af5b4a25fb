// 排名公布: the monthly rankings as published (immutable snapshots written by the scoring area),
// streets/townships and districts, top and bottom of each — never computed live for the public.
import type { PublicRankingRowSchema, PublicRankingsSchema } from '@jiesu/contracts';
import type { Static } from 'typebox';
import type { AppContext } from '../../context';
import type { PeriodRankings, RankingRow } from '../scoring/compute-rankings';

export const PUBLIC_RANKED_CLASSES = ['street', 'district'] as const;

export type PublicRankingRow = Static<typeof PublicRankingRowSchema>;
export type PublicRankings = Static<typeof PublicRankingsSchema>;

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
          top: ranked
            .filter((r) => r.isTop)
            .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
            .map(row),
          bottom: ranked
            .filter((r) => r.isBottom)
            .sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0))
            .map(row),
        };
      }),
  };
}
