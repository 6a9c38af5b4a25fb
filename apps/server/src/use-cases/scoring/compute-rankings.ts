// Computes every monthly ranking of a period from the fact table: one aggregate query (GROUP BY
// plus GROUPING SETS) gives a tally per unit, the pure core scores them and ranks each ranking
// class (考核类别) — district departments within their district — with its own minimum sample and
// official order; beside them 诉求量 / 千人诉求量, the most-improved list and the special-governance
// list. No actor: the callers (the rankings API, publishing, exports, the benchmark) check access first.
import type { ClassRanking, PeriodRankings, RankingRow } from '@jiesu/contracts';
import {
  assignRankingGroups,
  classMinSample,
  type ClassifiableUnit,
  emptyTally,
  evaluationPeriod,
  type CaseTally,
  type GovernanceRule,
  mostImproved,
  type PreviousRankingEntry,
  previousPeriodKey,
  type RankingClassDef,
  type RankingEntry,
  rankUnits,
  requestsPerThousand,
  type ScoredUnitClass,
  scoreTallies,
  selectWeights,
  specialGovernance,
  type UnitClass,
  type UnitScore,
  type UnitTally,
  type WeightVersion,
} from '@jiesu/core';
import type { AppContext } from '../../context';
import type { Repositories } from '../../repositories';
import type { RankingStamp } from '../../repositories/score-fact.repository';
import { normaliseRankings, type StoredRankings } from './rankings-snapshot';
import { loadGovernance, loadPolicy, loadPopulations, loadRankingClasses, loadWeights, periodConfig } from './scoring-config';

export type { ClassRanking, PeriodRankings, RankingRow } from '@jiesu/contracts';
/** A class's ranking as the server builds it (one per class, or per district for classes ranked within their district). */
export type ClassRankingView = ClassRanking;

/** Unit tallies of a period, summed over the levels each unit appears at (lead, street, district). */
async function unitTallies(repos: Repositories, periodKey: string) {
  const rows = await repos.scoreFacts.periodTallies([periodKey]);
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

/** The rule in words, for the page, the portal and the score sheet's 说明. */
export function governanceRuleText(rule: GovernanceRule, classLabel: string, publishCount: number): string {
  switch (rule.kind) {
    case 'bottom_composite':
      return `连续${rule.months}个考核周期（含本期）列入${classLabel}后${publishCount}名的单位`;
    case 'highest_per_thousand':
      return `本期千人诉求量最高的${rule.count}个${classLabel}（并列者一并列入）`;
  }
}

interface ComputeOptions {
  periodKey: string;
  withTrend?: boolean;
  /** Also the special-governance list (needs earlier periods' bottom lists); default true. */
  withGovernance?: boolean;
  /** Read facts from ctx.reads (the replica, when there is one): for screens, never for publishing. */
  fromReplica?: boolean;
  /**
   * Screens: the stamp the computation is for — the period's request counts are shared for the
   * cache TTL while its settings and publications stay (a changed fact does not count them again).
   * Publishing leaves it out and counts afresh.
   */
  stamp?: RankingStamp;
}

export async function computePeriodRankings(ctx: AppContext, opts: ComputeOptions): Promise<PeriodRankings> {
  const [policy, weights, defs, governance, populations] = await Promise.all([
    loadPolicy(ctx),
    loadWeights(ctx),
    loadRankingClasses(ctx),
    loadGovernance(ctx),
    loadPopulations(ctx),
  ]);
  const repos = opts.fromReplica === true ? ctx.reads : ctx.repos;
  const replica = { fromReplica: opts.fromReplica === true };
  const period = evaluationPeriod(opts.periodKey, periodConfig(ctx, policy));
  const unitClasses = [...new Set<UnitClass>(['district', ...defs.map((d) => d.unitClass)])];
  const [tallies, units, requests] = await Promise.all([
    unitTallies(repos, opts.periodKey),
    repos.scoreFacts.unitsOfClasses(unitClasses),
    // Screens share the period's counts for the cache TTL; publishing counts them afresh.
    opts.stamp !== undefined
      ? ctx.liveRankings.requestCounts(opts.periodKey, opts.stamp, () => repos.demand.requestCounts(period.start, period.end))
      : repos.demand.requestCounts(period.start, period.end),
  ]);

  const districts = new Map(units.filter((u) => u.class === 'district').map((u) => [u.code, u.name]));
  const districtOf = (path: string, code: string): string | null => path.split('/').find((c) => c !== '' && c !== code && districts.has(c)) ?? null;
  const meta = new Map<string, { name: string; path: string; unitClass: string; cases: number }>();
  const classifiable: ClassifiableUnit[] = [];
  const scored: UnitTally[] = [];
  for (const u of units) {
    const t = tallies.get(u.code);
    if (!u.isActive && t === undefined) continue;
    meta.set(u.code, { name: u.name, path: u.path, unitClass: u.class, cases: t?.cases ?? 0 });
    classifiable.push({ unitId: u.code, unitClass: u.class as UnitClass, districtId: districtOf(u.path, u.code) });
  }
  const groups = assignRankingGroups(classifiable, defs);
  for (const c of classifiable) {
    if (!groups.has(c.unitId)) continue;
    const t = tallies.get(c.unitId);
    scored.push({ unitId: c.unitId, unitClass: c.unitClass as ScoredUnitClass, tally: t?.tally ?? emptyTally(), ledCases: t?.ledCases ?? 0 });
  }
  const scores: UnitScore[] = scoreTallies({ units: scored, weightVersions: weights, weightsOn: period.firstDay });

  let previous: PreviousRankingEntry[] | undefined;
  let earlier: PeriodRankings | null = null;
  if (opts.withTrend !== false) {
    const prevKey = previousPeriodKey(opts.periodKey);
    const published = await repos.scorePublications.get<StoredRankings>(prevKey, null);
    earlier = published ? normaliseRankings(published.rankings) : await earlierLive(ctx, prevKey, replica);
    previous = earlier.classes.flatMap((c) => c.rows.map((r) => ({ unitId: r.unitCode, rank: r.rank, composite: r.composite })));
  }

  const requestsOf = (code: string, unitClass: string): number =>
    (unitClass === 'street' ? requests.byStreet.get(code) : unitClass === 'district' ? requests.byDistrict.get(code) : requests.byLead.get(code)) ?? 0;

  const groupKeys = new Map<string, { def: RankingClassDef; groupId: string | null; scores: UnitScore[] }>();
  for (const def of defs) {
    if (def.rankWithin === 'city') groupKeys.set(`${def.key}`, { def, groupId: null, scores: [] });
  }
  for (const s of scores) {
    const g = groups.get(s.unitId);
    if (g === undefined) continue;
    const def = defs.find((d) => d.key === g.classKey) as RankingClassDef;
    const key = g.groupId === null ? def.key : `${def.key}:${g.groupId}`;
    let group = groupKeys.get(key);
    if (group === undefined) {
      group = { def, groupId: g.groupId, scores: [] };
      groupKeys.set(key, group);
    }
    group.scores.push(s);
  }
  const ordered = [...groupKeys.values()].sort((a, b) => defs.indexOf(a.def) - defs.indexOf(b.def) || (a.groupId ?? '').localeCompare(b.groupId ?? ''));

  const scoreById = new Map(scores.map((s) => [s.unitId, s]));
  const views = ordered.map((group): ClassRanking => {
    const { def } = group;
    const minSampleSize = classMinSample(def, policy.minSampleSize);
    const [c] = rankUnits({
      scores: group.scores,
      unitClasses: [def.unitClass],
      publishCount: policy.publishCount,
      minSampleSize,
      officialOrder: def.officialOrder,
      ...(previous ? { previous } : {}),
    });
    if (c === undefined) throw new Error(`no ranking for ${def.key}`);
    const improved = mostImproved(
      c.ranked.map((e) => ({ unitId: e.unitId, rank: e.rank, composite: e.composite, previousRank: e.trend?.previousRank ?? null, previousComposite: previousComposite(e) })),
      { by: policy.improvedBy, count: policy.improvedCount },
    );
    const top = new Set(c.top.map((e) => e.unitId));
    const bottom = new Set(c.bottom.map((e) => e.unitId));
    const improvedIds = new Set(improved.map((e) => e.unitId));
    const toRow = (e: RankingEntry): RankingRow => {
      const s = scoreById.get(e.unitId);
      const m = meta.get(e.unitId);
      const n = requestsOf(e.unitId, e.unitClass);
      const population = populations.values[e.unitId] ?? null;
      return {
        unitCode: e.unitId,
        unitName: m?.name ?? e.unitId,
        unitClass: e.unitClass,
        unitPath: m?.path ?? '',
        classKey: def.key,
        groupCode: group.groupId,
        rank: e.rank,
        composite: e.composite,
        responseRate: e.responseRate,
        resolutionRate: e.resolutionRate,
        satisfactionRate: e.satisfactionRate,
        sampleSize: e.sampleSize,
        invalidVisits: s?.invalidVisits ?? 0,
        exemptions: e.exemptions,
        cases: m?.cases ?? 0,
        ledCases: s?.ledCases ?? 0,
        wilsonComposite: e.wilsonComposite,
        wilsonRank: e.wilsonRank,
        trend: e.trend,
        isTop: top.has(e.unitId),
        isBottom: bottom.has(e.unitId),
        unrankedReason: e.unrankedReason,
        requests: n,
        population,
        requestsPerThousand: requestsPerThousand(n, population),
        isImproved: improvedIds.has(e.unitId),
        isSpecialGovernance: false,
      };
    };
    return {
      classKey: def.key,
      label: def.label,
      unitClass: def.unitClass,
      groupCode: group.groupId,
      groupName: group.groupId === null ? null : (districts.get(group.groupId) ?? group.groupId),
      officialOrder: def.officialOrder,
      minSampleSize,
      weights: stripClass(selectWeights(weights, def.unitClass, period.firstDay)),
      rows: [...c.ranked, ...c.unranked].map(toRow),
      top: c.top.map((e) => e.unitId),
      bottom: c.bottom.map((e) => e.unitId),
      topBoundary: c.topBoundary,
      bottomBoundary: c.bottomBoundary,
      wilsonOrder: c.wilsonOrder.map((e) => e.unitId),
      improved: improved.map((e) => ({ unitCode: e.unitId, rankChange: e.rankChange, compositeDelta: e.compositeDelta })),
    };
  });

  // 治理类: from the governed class's rows (city-wide classes only).
  const governed = views.filter((v) => v.classKey === governance.classKey);
  const governedRows = governed.flatMap((v) => v.rows);
  let selected: Array<{ unitId: string; value: number }> = [];
  if (opts.withGovernance !== false && governedRows.length > 0) {
    const bottomByPeriod: string[][] = [governed.flatMap((v) => v.bottom)];
    if (governance.rule.kind === 'bottom_composite') {
      let key = opts.periodKey;
      for (let i = 1; i < governance.rule.months; i += 1) {
        key = previousPeriodKey(key);
        const earlierPeriod = i === 1 && earlier !== null ? earlier : await publishedOrLive(ctx, key, replica);
        bottomByPeriod.push(earlierPeriod.classes.filter((v) => v.classKey === governance.classKey).flatMap((v) => v.bottom));
      }
    }
    const perThousand = governedRows.flatMap((r) => (r.requestsPerThousand === null ? [] : [{ unitId: r.unitCode, value: r.requestsPerThousand }]));
    selected = specialGovernance(governance.rule, { bottomByPeriod, perThousand });
  }
  const selectedIds = new Set(selected.map((s) => s.unitId));
  for (const r of governedRows) r.isSpecialGovernance = selectedIds.has(r.unitCode);
  const governedLabel = defs.find((d) => d.key === governance.classKey)?.label ?? governance.classKey;

  return {
    periodKey: opts.periodKey,
    period: { start: period.start, end: period.end, firstDay: period.firstDay, lastDay: period.lastDay },
    source: 'live',
    version: null,
    reason: null,
    publishedAt: null,
    computedAt: ctx.now(),
    policy,
    populations: { asOf: populations.asOf, source: populations.source, units: Object.keys(populations.values).length },
    specialGovernance: {
      classKey: governance.classKey,
      rule: governance.rule,
      ruleText: governanceRuleText(governance.rule, governedLabel, policy.publishCount),
      units: selected.map((s) => ({ unitCode: s.unitId, unitName: meta.get(s.unitId)?.name ?? s.unitId, value: s.value })),
    },
    classes: views,
  };
}

/**
 * A period's live rankings for screens (the rankings page, a unit's score page, the score sheet):
 * computed through ctx.reads and shared through ctx.liveRankings — one computation per period
 * while the facts of the periods it reads (itself, and the earlier ones of the trend and 治理类),
 * the scoring settings and the publications stay as they were, and at most the cache TTL old.
 * Publishing never reads this: it computes from the primary.
 */
export async function liveRankings(ctx: AppContext, periodKey: string): Promise<PeriodRankings> {
  const governance = await loadGovernance(ctx);
  const earlier = Math.max(1, governance.rule.kind === 'bottom_composite' ? governance.rule.months - 1 : 1);
  const keys = [periodKey];
  for (let i = 0; i < earlier; i += 1) keys.push(previousPeriodKey(keys[keys.length - 1] as string));
  const stamp = await ctx.reads.scoreFacts.rankingStamp(keys);
  return ctx.liveRankings.get(periodKey, stamp, () => computePeriodRankings(ctx, { periodKey, fromReplica: true, stamp }));
}

/** An earlier period's rankings without trend or 治理类 (what a trend and 治理类 read), cached apart for screens. */
async function earlierLive(ctx: AppContext, periodKey: string, replica: { fromReplica: boolean }): Promise<PeriodRankings> {
  if (!replica.fromReplica) return computePeriodRankings(ctx, { periodKey, withTrend: false, withGovernance: false, ...replica });
  const stamp = await ctx.reads.scoreFacts.rankingStamp([periodKey]);
  return ctx.liveRankings.get(`${periodKey}:base`, stamp, () => computePeriodRankings(ctx, { periodKey, withTrend: false, withGovernance: false, ...replica, stamp }));
}

async function publishedOrLive(ctx: AppContext, periodKey: string, replica: { fromReplica: boolean }): Promise<PeriodRankings> {
  const published = await (replica.fromReplica ? ctx.reads : ctx.repos).scorePublications.get<StoredRankings>(periodKey, null);
  return published ? normaliseRankings(published.rankings) : earlierLive(ctx, periodKey, replica);
}

function previousComposite(e: RankingEntry): number | null {
  if (e.trend === null || e.trend.compositeDelta === null || e.composite === null) return null;
  return e.composite - e.trend.compositeDelta;
}

function stripClass(w: WeightVersion): WeightVersion {
  return { validFrom: w.validFrom, response: w.response, resolution: w.resolution, satisfaction: w.satisfaction, basicallySatisfiedFactor: w.basicallySatisfiedFactor };
}
