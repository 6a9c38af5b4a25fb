// Small-sample-aware scores: the Wilson score interval's lower bound for each rate, combined with
// the same weights as the official composite. A unit with 3 perfect cases gets 0.44 per rate, one
// with 3,000 gets 0.999: both "100%", but not equally certain.
import { satisfactionCredit, type CaseTally } from './rates';
import type { WeightVersion } from './weights';

/** z for a two-sided 95% interval. */
export const WILSON_Z_95 = 1.96;

/**
 * Lower bound of the Wilson score interval for `successes` out of `n`:
 *
 *   (p̂ + z²/2n − z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n),  p̂ = successes / n
 *
 * `successes` may be fractional (满意率 credits 0.9 per basically-satisfied answer); the formula
 * is applied to that p̂ as is. Null when n = 0.
 */
export function wilsonLowerBound(successes: number, n: number, z: number = WILSON_Z_95): number | null {
  if (n <= 0) return null;
  const p = Math.min(1, Math.max(0, successes / n));
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp: rounding can leave −1e-17 for p̂ = 0.
  return Math.max(0, (centre - margin) / (1 + z2 / n));
}

export interface WilsonScores {
  /** Lower bound of 响应率. */
  response: number;
  /** Lower bound of 解决率. */
  resolution: number;
  /** Lower bound of 满意率 (numerator satisfied + factor × basically satisfied). */
  satisfaction: number;
  /**
   * The official weights applied to the three lower bounds. Not itself a joint 95% bound (it is
   * more conservative than one); it orders units as the official composite would once each rate
   * is discounted for its sample size.
   */
  composite: number;
}

/** Wilson lower bounds of the three rates and their weighted composite, or null with no valid visit. */
export function wilsonScores(tally: CaseTally, weights: WeightVersion, z: number = WILSON_Z_95): WilsonScores | null {
  const n = tally.validVisits;
  const response = wilsonLowerBound(tally.contacted, n, z);
  const resolution = wilsonLowerBound(tally.solved, n, z);
  const satisfaction = wilsonLowerBound(satisfactionCredit(tally, weights.basicallySatisfiedFactor), n, z);
  if (response === null || resolution === null || satisfaction === null) return null;
  return {
    response,
    resolution,
    satisfaction,
    composite: weights.response * response + weights.resolution * resolution + weights.satisfaction * satisfaction,
  };
}
