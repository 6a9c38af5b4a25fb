// Scores every unit for one period: roll the cases up the unit chains, pick each unit's weight
// version, compute the three rates, the composite and the Wilson lower bounds.
import { DomainError } from '../errors';
import { computeRates, tallyCases, type CaseTally } from './rates';
import { rollUpCases } from './rollup';
import type { ScoredCase, ScoredUnit, ScoredUnitClass } from './types';
import { WILSON_Z_95, wilsonScores, type WilsonScores } from './wilson';
import { DEFAULT_WEIGHT_VERSIONS, selectWeights, validateWeightVersions, type WeightVersion } from './weights';

export interface ScoreUnitsInput {
  /** The cases whose return visit concluded in the period (valid or invalid), exempt or not. */
  cases: readonly ScoredCase[];
  /** Every unit named by a case (lead or ancestor), with its class. Units with no case get a zero score row. */
  units: readonly ScoredUnit[];
  /** Weight versions; default DEFAULT_WEIGHT_VERSIONS (0.10 / 0.50 / 0.40, factor 0.9). */
  weightVersions?: readonly WeightVersion[];
  /** Local date the weights are chosen on: the period's first day (EvaluationPeriod.firstDay). */
  weightsOn: string;
  /** z of the Wilson bounds; default 1.96 (95%). */
  z?: number;
}

export interface UnitScore extends CaseTally {
  unitId: string;
  unitClass: ScoredUnitClass;
  /** Cases the unit led itself (the rest of its cases were led by units below it). */
  ledCases: number;
  /** The weight version applied. */
  weights: WeightVersion;
  /** 响应率, 0–1; null without a valid visit. */
  responseRate: number | null;
  /** 解决率, 0–1; null without a valid visit. */
  resolutionRate: number | null;
  /** 满意率, 0–1; null without a valid visit. */
  satisfactionRate: number | null;
  /** Official composite, 0–1; null without a valid visit. */
  composite: number | null;
  /** Wilson lower bounds and their composite; null without a valid visit. */
  lowerBounds: WilsonScores | null;
}

/** One row per unit in `units`, in that order. */
export function scoreUnits(input: ScoreUnitsInput): UnitScore[] {
  const versions = input.weightVersions ?? DEFAULT_WEIGHT_VERSIONS;
  validateWeightVersions(versions);
  const z = input.z ?? WILSON_Z_95;

  const classes = new Map<string, ScoredUnitClass>();
  for (const u of input.units) {
    if (classes.has(u.unitId)) {
      throw new DomainError('SCORING_INVALID_INPUT', `Unit ${u.unitId} is listed twice.`, { unitId: u.unitId });
    }
    classes.set(u.unitId, u.unitClass);
  }
  const rolled = rollUpCases(input.cases);
  const unknown = [...rolled.keys()].filter((id) => !classes.has(id));
  if (unknown.length > 0) {
    throw new DomainError('SCORING_UNKNOWN_UNIT', `Cases name units that were not described: ${unknown.join(', ')}.`, {
      unitIds: unknown,
    });
  }

  const weightsByClass = new Map<ScoredUnitClass, WeightVersion>();
  const weightsFor = (unitClass: ScoredUnitClass): WeightVersion => {
    let weights = weightsByClass.get(unitClass);
    if (weights === undefined) {
      weights = selectWeights(versions, unitClass, input.weightsOn);
      weightsByClass.set(unitClass, weights);
    }
    return weights;
  };

  return input.units.map((unit): UnitScore => {
    const group = rolled.get(unit.unitId);
    const tally = tallyCases(group?.cases ?? []);
    const weights = weightsFor(unit.unitClass);
    const rates = computeRates(tally, weights);
    return {
      unitId: unit.unitId,
      unitClass: unit.unitClass,
      ...tally,
      ledCases: group?.ledCases ?? 0,
      weights,
      responseRate: rates?.responseRate ?? null,
      resolutionRate: rates?.resolutionRate ?? null,
      satisfactionRate: rates?.satisfactionRate ?? null,
      composite: rates?.composite ?? null,
      lowerBounds: wilsonScores(tally, weights, z),
    };
  });
}
