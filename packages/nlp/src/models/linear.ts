// Every classifier here ends as the same linear form — scores = bias + Σ x_j·W[j] — so one
// predict routine, one artifact layout and one explanation method serve all of them.
import type { SparseVector } from '../vector-space';

export interface LinearWeights {
  /** Feature-major: W[j*K + k] is the weight of feature j for label k. */
  weights: Float64Array;
  bias: Float64Array;
  labelCount: number;
}

export interface TrainingSet {
  vectors: SparseVector[];
  /** Label index per vector. */
  targets: Int32Array;
  labelCount: number;
  featureCount: number;
}

export function scoreInto(model: LinearWeights, x: SparseVector, scores: Float64Array): Float64Array {
  const K = model.labelCount;
  scores.set(model.bias);
  const { indices, values } = x;
  for (let n = 0; n < indices.length; n++) {
    const base = (indices[n] as number) * K;
    const v = values[n] as number;
    for (let k = 0; k < K; k++) scores[k] = (scores[k] as number) + v * (model.weights[base + k] as number);
  }
  return scores;
}

/** Softmax in place, shifted by the maximum so large scores cannot overflow. */
export function softmaxInPlace(scores: Float64Array, scale = 1): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s * scale > max) max = s * scale;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    const e = Math.exp((scores[k] as number) * scale - max);
    scores[k] = e;
    sum += e;
  }
  for (let k = 0; k < scores.length; k++) scores[k] = (scores[k] as number) / sum;
  return scores;
}
