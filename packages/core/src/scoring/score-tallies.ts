// Scores units from counts already tallied (e.g. by a database GROUP BY over a fact table), so a
// city-size month never has to be materialised case by case: the same rates, weights and Wilson
// bounds as scoreUnits, from CaseTally rows instead of ScoredCase lists.
import { DomainError } from '../errors';
import { computeRates, type CaseTally } from './rates';
import type { UnitScore } from './score-units';
import type { ScoredUnitClass } from './types';
import { DEFAULT_WEIGHT_VERSIONS, selectWeights, validateWeightVersions, type WeightVersion } from './weights';
import { WILSON_Z_95, wilsonScores } from './wilson';

export interface UnitTally {
  unitId: string;
  unitClass: ScoredUnitClass;
  /** Counts over every case counting for the unit (led by it or below it). */
  tally: CaseTally;
  /** How many of those cases the unit led itself. */
  ledCases: number;
}

export interface ScoreTalliesInput {
  units: readonly UnitTally[];
  weightVersions?: readonly WeightVersion[];
  /** Local date the weights are chosen on: the period's first day. */
  weightsOn: string;
  z?: number;
}

/** One UnitScore per tally row, in input order; identical to scoreUnits on the same cases. */
export function scoreTallies(input: ScoreTalliesInput): UnitScore[] {
  const versions = input.weightVersions ?? DEFAULT_WEIGHT_VERSIONS;
  validateWeightVersions(versions);
  const z = input.z ?? WILSON_Z_95;
  const seen = new Set<string>();
  const weightsByClass = new Map<ScoredUnitClass, WeightVersion>();
  return input.units.map((u): UnitScore => {
    if (seen.has(u.unitId)) {
      throw new DomainError('SCORING_INVALID_INPUT', `Unit ${u.unitId} is listed twice.`, { unitId: u.unitId });
    }
    seen.add(u.unitId);
    const t = u.tally;
    for (const [name, n] of Object.entries(t)) {
      if (!Number.isInteger(n) || n < 0) {
        throw new DomainError('SCORING_INVALID_INPUT', `Unit ${u.unitId}: ${name} must be a whole number ≥ 0.`, { unitId: u.unitId, [name]: n });
      }
    }
    if (t.contacted > t.validVisits || t.solved > t.validVisits || t.satisfied + t.basicallySatisfied + t.dissatisfied !== t.validVisits) {
      throw new DomainError('SCORING_INVALID_INPUT', `Unit ${u.unitId}: the counts do not add up to the valid visits.`, { unitId: u.unitId });
    }
    let weights = weightsByClass.get(u.unitClass);
    if (weights === undefined) {
      weights = selectWeights(versions, u.unitClass, input.weightsOn);
      weightsByClass.set(u.unitClass, weights);
    }
    const rates = computeRates(t, weights);
    return {
      unitId: u.unitId,
      unitClass: u.unitClass,
      ...t,
      ledCases: u.ledCases,
      weights,
      responseRate: rates?.responseRate ?? null,
      resolutionRate: rates?.resolutionRate ?? null,
      satisfactionRate: rates?.satisfactionRate ?? null,
      composite: rates?.composite ?? null,
      lowerBounds: wilsonScores(t, weights, z),
    };
  });
}
