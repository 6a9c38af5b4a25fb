// The three rates (三率) and the composite, from the counts of a set of cases' return visits.
// Only valid visits enter the denominators; exempted cases are left out and counted apart.
import { DomainError } from '../errors';
import type { ScoredCase, VisitAnswers } from './types';
import type { WeightVersion } from './weights';

/** Counts over a set of cases. */
export interface CaseTally {
  /** Non-exempt cases with a valid return visit: the denominator of every rate (the sample size). */
  validVisits: number;
  /** Of those, 是否联系 = yes. */
  contacted: number;
  /** Of those, 是否解决 = yes. */
  solved: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  /** Non-exempt cases whose visit was invalid (unreached after retries, declined, wrong number). */
  invalidVisits: number;
  /** Exempted cases (免考核), whatever their visit: not in any rate. */
  exemptions: number;
}

/** Rates as fractions 0–1; the composite on the same 0–1 scale (× 100 for a points score). */
export interface ThreeRates {
  /** 响应率 = contacted / valid visits. */
  responseRate: number;
  /** 解决率 = solved / valid visits. */
  resolutionRate: number;
  /** 满意率 = (satisfied + factor × basically satisfied) / valid visits. */
  satisfactionRate: number;
  /** response weight × 响应率 + resolution weight × 解决率 + satisfaction weight × 满意率. */
  composite: number;
}

export function emptyTally(): CaseTally {
  return {
    validVisits: 0,
    contacted: 0,
    solved: 0,
    satisfied: 0,
    basicallySatisfied: 0,
    dissatisfied: 0,
    invalidVisits: 0,
    exemptions: 0,
  };
}

/** Adds one valid visit's answers to a tally (mutates it). */
function addAnswers(tally: CaseTally, answers: VisitAnswers): void {
  tally.validVisits += 1;
  if (answers.isContacted) tally.contacted += 1;
  if (answers.isSolved) tally.solved += 1;
  switch (answers.satisfaction) {
    case 'satisfied':
      tally.satisfied += 1;
      break;
    case 'basically_satisfied':
      tally.basicallySatisfied += 1;
      break;
    case 'dissatisfied':
      tally.dissatisfied += 1;
      break;
    default: {
      const unknown: never = answers.satisfaction;
      throw new DomainError('SCORING_INVALID_INPUT', `Unknown satisfaction "${String(unknown)}".`, { satisfaction: unknown });
    }
  }
}

/** Counts a set of cases: exemptions first, then valid and invalid visits. */
export function tallyCases(cases: Iterable<ScoredCase>): CaseTally {
  const tally = emptyTally();
  for (const c of cases) {
    if (c.isExempt) tally.exemptions += 1;
    else if (c.visit.status === 'valid') addAnswers(tally, c.visit.answers);
    else tally.invalidVisits += 1;
  }
  return tally;
}

/** Satisfied answers plus the factor's share of basically-satisfied ones: 满意率's numerator. */
export function satisfactionCredit(tally: CaseTally, basicallySatisfiedFactor: number): number {
  return tally.satisfied + basicallySatisfiedFactor * tally.basicallySatisfied;
}

/** The three rates and the composite, or null when there is no valid visit to divide by. */
export function computeRates(tally: CaseTally, weights: WeightVersion): ThreeRates | null {
  const n = tally.validVisits;
  if (n === 0) return null;
  const responseRate = tally.contacted / n;
  const resolutionRate = tally.solved / n;
  const satisfactionRate = satisfactionCredit(tally, weights.basicallySatisfiedFactor) / n;
  return {
    responseRate,
    resolutionRate,
    satisfactionRate,
    composite: weights.response * responseRate + weights.resolution * resolutionRate + weights.satisfaction * satisfactionRate,
  };
}
