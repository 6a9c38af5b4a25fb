// Weights of the three rates in the composite, versioned by date and by unit class, so a city can
// change them from a given date, or for one class only, without rewriting past rankings.
import { DomainError } from '../errors';
import type { ScoredUnitClass } from './types';

export interface WeightVersion {
  /** Local date 'YYYY-MM-DD' from which this version applies (inclusive). */
  validFrom: string;
  /** The unit class it applies to; absent = every class without a version of its own. */
  unitClass?: ScoredUnitClass;
  /** Weight of 响应率 in the composite. */
  response: number;
  /** Weight of 解决率. */
  resolution: number;
  /** Weight of 满意率. */
  satisfaction: number;
  /** What one 基本满意 (basically satisfied) answer counts for in 满意率, 0–1 (default 0.9). */
  basicallySatisfiedFactor: number;
}

/** The default: composite = 0.10 × response + 0.50 × resolution + 0.40 × satisfaction. */
export const DEFAULT_WEIGHT_VERSIONS: readonly WeightVersion[] = [{ validFrom: '2019-01-01', response: 0.1, resolution: 0.5, satisfaction: 0.4, basicallySatisfiedFactor: 0.9 }];

/** Weights must sum to 1 within this tolerance (floating-point sums such as 0.1 + 0.5 + 0.4). */
const SUM_TOLERANCE = 1e-9;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** Throws SCORING_INVALID_WEIGHTS listing every problem found, or returns quietly. */
export function validateWeightVersions(versions: readonly WeightVersion[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  versions.forEach((v, i) => {
    const label = `version ${i} (${v.validFrom}${v.unitClass ? `, ${v.unitClass}` : ''})`;
    if (!isIsoDate(v.validFrom)) problems.push(`${label}: validFrom must be a date YYYY-MM-DD`);
    for (const field of ['response', 'resolution', 'satisfaction'] as const) {
      const w = v[field];
      if (!Number.isFinite(w) || w < 0 || w > 1) problems.push(`${label}: ${field} must be between 0 and 1`);
    }
    const sum = v.response + v.resolution + v.satisfaction;
    if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) problems.push(`${label}: weights sum to ${sum}, not 1`);
    const f = v.basicallySatisfiedFactor;
    if (!Number.isFinite(f) || f < 0 || f > 1) problems.push(`${label}: basicallySatisfiedFactor must be between 0 and 1`);
    const identity = `${v.validFrom}|${v.unitClass ?? '*'}`;
    if (seen.has(identity)) problems.push(`${label}: another version has the same date and class`);
    seen.add(identity);
  });
  if (problems.length > 0) {
    throw new DomainError('SCORING_INVALID_WEIGHTS', `Invalid weight versions: ${problems.join('; ')}.`, { problems });
  }
}

/**
 * The version in force on local date `on` (use the period's first day) for `unitClass`: the
 * newest version of that class with validFrom ≤ on; if the class has none yet, the newest
 * class-less one. A class version therefore stays in force for its class until a newer version of
 * the same class replaces it, even when a newer class-less version appears.
 */
export function selectWeights(versions: readonly WeightVersion[], unitClass: ScoredUnitClass, on: string): WeightVersion {
  validateWeightVersions(versions);
  if (!isIsoDate(on)) {
    throw new DomainError('SCORING_INVALID_INPUT', `"${on}" is not a date YYYY-MM-DD.`, { on });
  }
  const newest = (candidates: readonly WeightVersion[]): WeightVersion | undefined =>
    candidates.filter((v) => v.validFrom <= on).reduce<WeightVersion | undefined>((best, v) => (best === undefined || v.validFrom > best.validFrom ? v : best), undefined);
  const chosen = newest(versions.filter((v) => v.unitClass === unitClass)) ?? newest(versions.filter((v) => v.unitClass === undefined));
  if (chosen === undefined) {
    throw new DomainError('SCORING_NO_WEIGHTS', `No weight version is valid on ${on} for class ${unitClass}.`, {
      unitClass,
      on,
    });
  }
  return chosen;
}
