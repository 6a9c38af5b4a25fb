// Why a unit scored what it did: the cases that cost it points. Each valid visit is worth
// 1/n of the composite; a case loses, for each component it failed, that component's weight
// times what it missed, over n. The points lost over all cases add up to 1 − composite.
import { caseCountsFor } from './rollup';
import type { ScoredCase, VisitAnswers } from './types';
import type { WeightVersion } from './weights';

export type RateComponent = 'response' | 'resolution' | 'satisfaction';

export interface ComponentLoss {
  component: RateComponent;
  /** Composite points (0–1 scale) this component of this case cost the unit. */
  pointsLost: number;
}

export interface CaseCost {
  caseId: string;
  /** The unit that led the case (the unit itself, or one below it when rolled up). */
  leadUnitId: string;
  /** Composite points (0–1 scale; × 100 for a points score) the case cost the unit. */
  pointsLost: number;
  /** The failed components, costliest first. */
  components: ComponentLoss[];
}

export interface UnitExplanation {
  unitId: string;
  /** Valid, non-exempt visits counting for the unit: n. */
  validVisits: number;
  /** Sum of every case's loss = 1 − composite (0 when there is no valid visit). */
  pointsLost: number;
  /** Cases that lost points, costliest first (ties by case id); cases that lost nothing are left out. */
  cases: CaseCost[];
}

const COMPONENT_ORDER: readonly RateComponent[] = ['response', 'resolution', 'satisfaction'];

function satisfactionValue(answers: VisitAnswers, factor: number): number {
  switch (answers.satisfaction) {
    case 'satisfied':
      return 1;
    case 'basically_satisfied':
      return factor;
    case 'dissatisfied':
      return 0;
  }
}

export interface ExplainUnitScoreInput {
  unitId: string;
  /** Cases of the period; those not counting for the unit (by lead or ancestor chain) are skipped. */
  cases: readonly ScoredCase[];
  /** The weight version applied to the unit (UnitScore.weights). */
  weights: WeightVersion;
}

export function explainUnitScore(input: ExplainUnitScoreInput): UnitExplanation {
  const { unitId, weights } = input;
  const counted = input.cases.filter((c) => caseCountsFor(c, unitId) && !c.isExempt);
  const valid = counted.flatMap((c) => (c.visit.status === 'valid' ? [{ c, answers: c.visit.answers }] : []));
  const n = valid.length;

  const costs: CaseCost[] = [];
  for (const { c, answers } of valid) {
    const missed: Record<RateComponent, number> = {
      response: answers.isContacted ? 0 : 1,
      resolution: answers.isSolved ? 0 : 1,
      satisfaction: 1 - satisfactionValue(answers, weights.basicallySatisfiedFactor),
    };
    const components = COMPONENT_ORDER.map((component) => ({
      component,
      pointsLost: (weights[component] * missed[component]) / n,
    }))
      .filter((l) => l.pointsLost > 0)
      // Stable sort keeps response → resolution → satisfaction among equal losses.
      .sort((a, b) => b.pointsLost - a.pointsLost);
    if (components.length === 0) continue;
    costs.push({
      caseId: c.caseId,
      leadUnitId: c.leadUnitId,
      pointsLost: components.reduce((sum, l) => sum + l.pointsLost, 0),
      components,
    });
  }
  // Losses equal up to floating-point noise are ties, ordered by case id.
  costs.sort((a, b) => {
    const diff = b.pointsLost - a.pointsLost;
    if (Math.abs(diff) > 1e-12) return diff;
    return a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0;
  });
  return {
    unitId,
    validVisits: n,
    pointsLost: costs.reduce((sum, c) => sum + c.pointsLost, 0),
    cases: costs,
  };
}
