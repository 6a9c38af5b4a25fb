// One unit's score for a period and why: its tally, rates and composite, its live ranking row,
// and the cases that cost it points (explainUnitScore) plus the cases exempted for it. A screen:
// it reads through ctx.reads (the replica, when there is one).
import {
  type Actor,
  assertInScope,
  type CaseTally,
  DomainError,
  evaluationPeriod,
  explainUnitScore,
  type RateComponent,
  type ScoredCase,
  type ScoredUnitClass,
  scoreTallies,
  tallyCases,
} from '@jiesu/core';
import type { AppContext } from '../../context';
import type { ScoreFact } from '../../repositories/score-fact.repository';
import { liveRankings, type RankingRow } from './compute-rankings';
import { loadPolicy, loadWeights, periodConfig } from './scoring-config';

export interface UnitScoreView {
  periodKey: string;
  unit: { code: string; name: string; class: string };
  row: RankingRow | null;
  tally: CaseTally;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  composite: number | null;
  explanation: {
    validVisits: number;
    pointsLost: number;
    cases: Array<{ caseId: string; caseNumber: string; leadUnitCode: string; pointsLost: number; components: Array<{ component: RateComponent; pointsLost: number }> }>;
    exemptCases: Array<{ caseId: string; caseNumber: string }>;
  };
}

export function toScoredCase(f: ScoreFact): ScoredCase {
  return {
    caseId: f.caseId,
    leadUnitId: f.leadUnitCode,
    ancestorUnitIds: [f.streetCode, f.districtCode].filter((c): c is string => c !== null),
    visit:
      f.isValid && f.satisfaction !== null
        ? { status: 'valid', answers: { isContacted: f.isContacted, isSolved: f.isSolved, satisfaction: f.satisfaction } }
        : { status: 'invalid' },
    isExempt: f.isExempt,
  };
}

/** Most costly cases listed; the rest are summed in pointsLost. */
const MAX_LISTED_CASES = 200;

export async function getUnitScore(ctx: AppContext, opts: { actor: Actor; periodKey: string; unitCode: string }): Promise<UnitScoreView> {
  const unit = await ctx.repos.units.findByCode(opts.unitCode);
  if (!unit) throw new DomainError('UNIT_NOT_FOUND', `No unit has the code ${opts.unitCode}.`, { code: opts.unitCode });
  assertInScope(opts.actor, unit.path);
  const [policy, weights] = await Promise.all([loadPolicy(ctx), loadWeights(ctx)]);
  const period = evaluationPeriod(opts.periodKey, periodConfig(ctx, policy));

  const facts = await ctx.reads.scoreFacts.factsCountingFor(opts.periodKey, unit.code);
  const cases = facts.map(toScoredCase);
  const tally = tallyCases(cases);
  const [score] = scoreTallies({
    units: [{ unitId: unit.code, unitClass: unit.class as ScoredUnitClass, tally, ledCases: facts.filter((f) => f.leadUnitCode === unit.code).length }],
    weightVersions: weights,
    weightsOn: period.firstDay,
  });
  if (!score) throw new Error('scoreTallies returned no row');
  const explained = explainUnitScore({ unitId: unit.code, cases, weights: score.weights });
  const numbers = new Map(facts.map((f) => [f.caseId, f.caseNumber]));

  const rankings = await liveRankings(ctx, opts.periodKey);
  const row = rankings.classes.flatMap((c) => c.rows).find((r) => r.unitCode === unit.code) ?? null;

  return {
    periodKey: opts.periodKey,
    unit: { code: unit.code, name: unit.name, class: unit.class },
    row,
    tally,
    responseRate: score.responseRate,
    resolutionRate: score.resolutionRate,
    satisfactionRate: score.satisfactionRate,
    composite: score.composite,
    explanation: {
      validVisits: explained.validVisits,
      pointsLost: explained.pointsLost,
      cases: explained.cases
        .slice(0, MAX_LISTED_CASES)
        .map((c) => ({ caseId: c.caseId, caseNumber: numbers.get(c.caseId) ?? '', leadUnitCode: c.leadUnitId, pointsLost: c.pointsLost, components: c.components })),
      exemptCases: facts.filter((f) => f.isExempt).map((f) => ({ caseId: f.caseId, caseNumber: f.caseNumber })),
    },
  };
}
