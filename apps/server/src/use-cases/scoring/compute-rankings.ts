// Computes every monthly ranking of a period from the fact table: one aggregate query (GROUP BY
// plus GROUPING SETS) gives a tally per unit, the pure core scores and ranks them. No actor: the
// callers (the rankings API, publishing, exports, the benchmark) check access first.
import {
  evaluationPeriod,
  MONTHLY_RANKED_CLASSES,
  type PreviousRankingEntry,
  previousPeriodKey,
  rankUnits,
  type RankingEntry,
  type CaseTally,
  emptyTally,
  type ScoredUnitClass,
  scoreTallies,
  selectWeights,
  type UnitScore,
  type UnitTally,
  type WeightVersion,
} from '@jiesu/core';
import type { AppContext } from '../../context';
import { loadPolicy, loadWeights, periodConfig, type ScoringPolicy } from './scoring-config';

export interface RankingRow {
  unitCode: string;
  unitName: string;
  unitClass: string;
  unitPath: string;
  rank: number | null;
  composite: number | null;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  sampleSize: number;
  invalidVisits: number;
  exemptions: number;
  cases: number;
  ledCases: number;
  wilsonComposite: number | null;
  wilsonRank: number | null;
  trend: RankingEntry['trend'];
  isTop: boolean;
  isBottom: boolean;
}

export interface ClassRankingView {
  unitClass: ScoredUnitClass;
  weights: WeightVersion;
  rows: RankingRow[];
  top: string[];
  bottom: string[];
  wilsonOrder: string[];
}

export interface PeriodRankings {
  periodKey: string;
  period: { start: Date | string; end: Date | string; firstDay: string; lastDay: string };
  source: 'live' | 'published';
  version: number | null;
  reason: string | null;
  publishedAt: Date | string | null;
  computedAt: Date | string;
  policy: ScoringPolicy;
  classes: ClassRankingView[];
}

/** Unit tallies of a period, summed over the levels each unit appears at (lead, street, district). */
async function unitTallies(ctx: AppContext, periodKey: string) {
  const rows = await ctx.repos.scoreFacts.periodTallies([periodKey]);
  const byUnit = new Map<string, { tally: CaseTally; ledCases: number; cases: number }>();
  for (const r of rows) {
    let acc = byUnit.get(r.unitCode);
    if (acc === undefined) {
      acc = { tally: emptyTally(), ledCases: 0, cases: 0 };
      byUnit.set(r.unitCode, acc);
    }
    for (const k of Object.keys(acc.tally) as Array<keyof CaseTally>) acc.tally[k] += r.tally[k];
    acc.cases += r.cases;
    if (r.level === 'lead') acc.ledCases += r.cases;
  }
  return byUnit;
}

export async function computePeriodRankings(ctx: AppContext, opts: { periodKey: string; withTrend?: boolean; unitClasses?: readonly ScoredUnitClass[] }): Promise<PeriodRankings> {
  const [policy, weights] = await Promise.all([loadPolicy(ctx), loadWeights(ctx)]);
  const period = evaluationPeriod(opts.periodKey, periodConfig(ctx, policy));
  const classes = opts.unitClasses ?? MONTHLY_RANKED_CLASSES;
  const [tallies, units] = await Promise.all([unitTallies(ctx, opts.periodKey), ctx.repos.scoreFacts.unitsOfClasses(classes)]);

  const meta = new Map<string, { name: string; path: string }>();
  const scored: UnitTally[] = [];
  const extra = new Map<string, { cases: number }>();
  for (const u of units) {
    const t = tallies.get(u.code);
    if (!u.isActive && t === undefined) continue;
    meta.set(u.code, { name: u.name, path: u.path });
    scored.push({ unitId: u.code, unitClass: u.class as ScoredUnitClass, tally: t?.tally ?? emptyTally(), ledCases: t?.ledCases ?? 0 });
    extra.set(u.code, { cases: t?.cases ?? 0 });
  }
  const scores: UnitScore[] = scoreTallies({ units: scored, weightVersions: weights, weightsOn: period.firstDay });

  let previous: PreviousRankingEntry[] | undefined;
  if (opts.withTrend !== false) {
    const prevKey = previousPeriodKey(opts.periodKey);
    const published = await ctx.repos.scorePublications.get<PeriodRankings>(prevKey, null);
    const prev = published?.rankings ?? (await computePeriodRankings(ctx, { periodKey: prevKey, withTrend: false, unitClasses: classes }));
    previous = prev.classes.flatMap((c) => c.rows.map((r) => ({ unitId: r.unitCode, rank: r.rank, composite: r.composite })));
  }

  const ranking = rankUnits({ scores, unitClasses: classes, publishCount: policy.publishCount, minSampleSize: policy.minSampleSize, ...(previous ? { previous } : {}) });
  const scoreById = new Map(scores.map((s) => [s.unitId, s]));
  const view = ranking.map((c): ClassRankingView => {
    const top = new Set(c.top.map((e) => e.unitId));
    const bottom = new Set(c.bottom.map((e) => e.unitId));
    const toRow = (e: RankingEntry): RankingRow => {
      const s = scoreById.get(e.unitId);
      const m = meta.get(e.unitId);
      return {
        unitCode: e.unitId,
        unitName: m?.name ?? e.unitId,
        unitClass: e.unitClass,
        unitPath: m?.path ?? '',
        rank: e.rank,
        composite: e.composite,
        responseRate: e.responseRate,
        resolutionRate: e.resolutionRate,
        satisfactionRate: e.satisfactionRate,
        sampleSize: e.sampleSize,
        invalidVisits: s?.invalidVisits ?? 0,
        exemptions: e.exemptions,
        cases: extra.get(e.unitId)?.cases ?? 0,
        ledCases: s?.ledCases ?? 0,
        wilsonComposite: e.wilsonComposite,
        wilsonRank: e.wilsonRank,
        trend: e.trend,
        isTop: top.has(e.unitId),
        isBottom: bottom.has(e.unitId),
      };
    };
    const classWeights = selectWeights(weights, c.unitClass, period.firstDay);
    return {
      unitClass: c.unitClass,
      weights: stripClass(classWeights),
      rows: [...c.ranked, ...c.unranked].map(toRow),
      top: c.top.map((e) => e.unitId),
      bottom: c.bottom.map((e) => e.unitId),
      wilsonOrder: c.wilsonOrder.map((e) => e.unitId),
    };
  });

  return {
    periodKey: opts.periodKey,
    period: { start: period.start, end: period.end, firstDay: period.firstDay, lastDay: period.lastDay },
    source: 'live',
    version: null,
    reason: null,
    publishedAt: null,
    computedAt: ctx.now(),
    policy,
    classes: view,
  };
}

function stripClass(w: WeightVersion): WeightVersion {
  return { validFrom: w.validFrom, response: w.response, resolution: w.resolution, satisfaction: w.satisfaction, basicallySatisfiedFactor: w.basicallySatisfiedFactor };
}
