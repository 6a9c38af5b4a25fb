// The own measure of proactive cases (主动治理三率): with the setting 'own_measure', the three
// rates of the proactive cases each unit led (and those led below a street or district), scored
// with the same weights as residents' requests; with 'excluded', nothing — they count nowhere.
import {
  type Actor,
  canAccessPath,
  type CaseTally,
  emptyTally,
  evaluationPeriod,
  PROACTIVE_RATES_SETTING,
  type ProactiveRateTreatment,
  type ScoredUnitClass,
  scoreTallies,
} from '@jiesu/core';
import type { AppContext } from '../../context';
import { loadPolicy, loadWeights, periodConfig, requireRankingReader } from '../scoring/scoring-config';

export interface ProactiveScoresView {
  periodKey: string;
  treatment: ProactiveRateTreatment;
  rows: Array<{
    unitCode: string;
    unitName: string;
    unitClass: string;
    cases: number;
    validVisits: number;
    responseRate: number | null;
    resolutionRate: number | null;
    satisfactionRate: number | null;
    composite: number | null;
  }>;
}

export async function getProactiveScores(ctx: AppContext, opts: { actor: Actor; periodKey: string }): Promise<ProactiveScoresView> {
  requireRankingReader(opts.actor);
  const { treatment } = await ctx.settings.get(PROACTIVE_RATES_SETTING);
  const [policy, weights] = await Promise.all([loadPolicy(ctx), loadWeights(ctx)]);
  const period = evaluationPeriod(opts.periodKey, periodConfig(ctx, policy));
  if (treatment === 'excluded') return { periodKey: opts.periodKey, treatment, rows: [] };
  const byUnit = new Map<string, { tally: CaseTally; cases: number; ledCases: number }>();
  for (const r of await ctx.repos.scoreFacts.proactiveTallies([opts.periodKey])) {
    const acc = byUnit.get(r.unitCode) ?? { tally: emptyTally(), cases: 0, ledCases: 0 };
    for (const k of Object.keys(acc.tally) as Array<keyof CaseTally>) acc.tally[k] += r.tally[k];
    acc.cases += r.cases;
    if (r.level === 'lead') acc.ledCases += r.cases;
    byUnit.set(r.unitCode, acc);
  }
  const units = (await ctx.repos.units.findByCodes([...byUnit.keys()])).filter((u) => canAccessPath(opts.actor, u.path));
  const scores = scoreTallies({
    units: units.map((u) => ({
      unitId: u.code,
      unitClass: u.class as ScoredUnitClass,
      tally: byUnit.get(u.code)?.tally ?? emptyTally(),
      ledCases: byUnit.get(u.code)?.ledCases ?? 0,
    })),
    weightVersions: weights,
    weightsOn: period.firstDay,
  });
  const meta = new Map(units.map((u) => [u.code, u]));
  return {
    periodKey: opts.periodKey,
    treatment,
    rows: scores
      .map((s) => ({
        unitCode: s.unitId,
        unitName: meta.get(s.unitId)?.name ?? s.unitId,
        unitClass: s.unitClass,
        cases: byUnit.get(s.unitId)?.cases ?? 0,
        validVisits: s.validVisits,
        responseRate: s.responseRate,
        resolutionRate: s.resolutionRate,
        satisfactionRate: s.satisfactionRate,
        composite: s.composite,
      }))
      .sort((a, b) => (meta.get(a.unitCode)?.path ?? '').localeCompare(meta.get(b.unitCode)?.path ?? '')),
  };
}
