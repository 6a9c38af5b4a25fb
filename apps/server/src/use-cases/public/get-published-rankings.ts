// 排名公布: the monthly rankings as published (immutable snapshots written by the scoring area),
// streets/townships and districts: top and bottom of each with the tie at the cut, the units not
// ranked (n < k), the most improved and the special-governance list — never computed live.
import type { PublicRankingRowSchema, PublicRankingsSchema, RankingRow } from '@jiesu/contracts';
import type { Static } from 'typebox';
import type { AppContext } from '../../context';
import { normaliseRankings, type StoredRankings } from '../scoring/rankings-snapshot';

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
    requests: r.requests,
    requestsPerThousand: r.requestsPerThousand,
  };
}

export async function getPublishedRankings(ctx: AppContext, opts: { periodKey?: string }): Promise<PublicRankings> {
  const periods = await ctx.repos.publicRankings.publishedPeriodKeys(24);
  const periodKey = opts.periodKey ?? periods[0] ?? null;
  const empty: PublicRankings = { periodKey, periods, version: null, publishedAt: null, publishCount: 0, classes: [], specialGovernance: { ruleText: '', units: [] } };
  if (periodKey === null || !periods.includes(periodKey)) return empty;
  const pub = await ctx.repos.scorePublications.get<StoredRankings>(periodKey, null);
  if (!pub) return empty;
  const rankings = normaliseRankings(pub.rankings);
  const names = new Map(rankings.classes.flatMap((c) => c.rows.map((r) => [r.unitCode, r.unitName] as const)));
  return {
    periodKey,
    periods,
    version: pub.version,
    publishedAt: pub.publishedAt,
    publishCount: rankings.policy.publishCount,
    classes: rankings.classes
      .filter((c) => c.groupCode === null && (PUBLIC_RANKED_CLASSES as readonly string[]).includes(c.classKey))
      .map((c) => {
        const byCode = new Map(c.rows.map((r) => [r.unitCode, r]));
        const pick = (codes: string[]) => codes.flatMap((code) => (byCode.has(code) ? [row(byCode.get(code) as RankingRow)] : []));
        return {
          classKey: c.classKey,
          label: c.label,
          unitClass: c.unitClass,
          rankedCount: c.rows.filter((r) => r.rank !== null).length,
          minSampleSize: c.minSampleSize,
          officialOrder: c.officialOrder,
          top: pick(c.top),
          bottom: pick(c.bottom),
          topBoundary: c.topBoundary,
          bottomBoundary: c.bottomBoundary,
          unranked: c.rows.filter((r) => r.unrankedReason === 'below_min_sample').map((r) => ({ unitCode: r.unitCode, unitName: r.unitName, sampleSize: r.sampleSize })),
          improved: c.improved.map((e) => ({ unitCode: e.unitCode, unitName: names.get(e.unitCode) ?? e.unitCode, rankChange: e.rankChange, compositeDelta: e.compositeDelta })),
        };
      }),
    specialGovernance: { ruleText: rankings.specialGovernance.ruleText, units: rankings.specialGovernance.units },
  };
}
