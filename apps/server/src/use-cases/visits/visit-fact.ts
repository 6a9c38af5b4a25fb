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

/**
 * The fact of a concluded visit. A merged child (并案) has no lead of its own: under the
 * cluster_visit policy its visit is scored on the lead that answered for its main case.
 */
export async function buildVisitFact(ctx: AppContext, state: CaseState, trx: Tx): Promise<ScoreFact | null> {
  const policy = await loadPolicy(ctx, trx);
  let lead = answeringLead(state);
  if (lead === null && state.parent !== null && policy.mergedChildren === 'cluster_visit') {
    const parent = await ctx.repos.cases.load(state.parent.caseId, trx);
    lead = parent ? answeringLead(parent.state) : null;
  }
  if (state.visit === null || lead === null) return null;
  const ancestorCodes = pathCodes(lead.unit.path).filter((c) => c !== lead.unit.code);
  const ancestors = await ctx.repos.units.findByCodes(ancestorCodes, trx);
  const appeal = await ctx.repos.appeals.findLiveForCase(state.id, trx);
  return visitFactOf(state, { ancestors, period: periodConfig(ctx, policy), isExempt: appeal?.status === 'granted', lead });
}

/** The fact itself, from what the caller looked up: the lead's ancestor units, the period rule, whether an appeal exempts it. */
export function visitFactOf(
  state: CaseState,
  known: { ancestors: ReadonlyArray<Pick<Unit, 'code' | 'class'>>; period: EvaluationPeriodConfig; isExempt: boolean; lead?: CaseAssignment },
): ScoreFact | null {
  const visit = state.visit;
  const lead = known.lead ?? answeringLead(state);
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
