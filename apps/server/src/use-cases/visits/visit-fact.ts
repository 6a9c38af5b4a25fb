// Builds a case's scoring fact when its return visit concludes: the lead unit (the last lead that
// saw the case to its end), the street and district above it on the unit path, the period the
// visit falls in, the answers, and whether a granted appeal exempts it.
import { type CaseAssignment, type CaseState, type EvaluationPeriodConfig, evaluationPeriodKeyOf, pathCodes, type Unit } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { ScoreFact } from '../../repositories/score-fact.repository';
import { loadPolicy, periodConfig } from '../scoring/scoring-config';
import type { Tx } from '../../repositories';

/** The unit that answers for the case: the lead assignment that was live when it closed. */
export function answeringLead(state: CaseState): CaseAssignment | null {
  const leads = state.assignments.filter((a) => a.role === 'lead');
  return [...leads].reverse().find((a) => a.state === 'done' || a.state === 'signed' || a.state === 'pending') ?? null;
}

export async function buildVisitFact(ctx: AppContext, state: CaseState, trx: Tx): Promise<ScoreFact | null> {
  const lead = answeringLead(state);
  if (state.visit === null || lead === null) return null;
  const ancestorCodes = pathCodes(lead.unit.path).filter((c) => c !== lead.unit.code);
  const ancestors = await ctx.repos.units.findByCodes(ancestorCodes, trx);
  const policy = await loadPolicy(ctx, trx);
  const appeal = await ctx.repos.appeals.findLiveForCase(state.id, trx);
  return visitFactOf(state, { ancestors, period: periodConfig(ctx, policy), isExempt: appeal?.status === 'granted' });
}

/** The fact itself, from what the caller looked up: the lead's ancestor units, the period rule, whether an appeal exempts it. */
export function visitFactOf(
  state: CaseState,
  known: { ancestors: ReadonlyArray<Pick<Unit, 'code' | 'class'>>; period: EvaluationPeriodConfig; isExempt: boolean },
): ScoreFact | null {
  const visit = state.visit;
  const lead = answeringLead(state);
  if (visit === null || lead === null) return null;
  const answers = visit.status === 'valid' ? visit.answers : null;
  return {
    caseId: state.id,
    caseNumber: state.caseNumber,
    periodKey: evaluationPeriodKeyOf(visit.at, known.period),
    visitedAt: visit.at,
    leadUnitCode: lead.unit.code,
    leadUnitClass: lead.unit.class,
    streetCode: known.ancestors.find((u) => u.class === 'street')?.code ?? null,
    districtCode: known.ancestors.find((u) => u.class === 'district')?.code ?? null,
    isValid: answers !== null,
    isContacted: answers?.isContacted ?? false,
    isSolved: answers?.isSolved ?? false,
    satisfaction: answers?.satisfaction ?? null,
    isExempt: known.isExempt,
    isProactive: state.channel === 'proactive',
  };
}
