// Linear models trained by stochastic gradient descent with L2 regularisation (Bottou's
// schedule η_t = η0 / (1 + η0·λ·t)): softmax regression for calibrated probabilities, or a
// Crammer–Singer multiclass hinge loss (a linear SVM). Shuffling uses a seeded RNG, so the same
// data and seed give the same model.
import { seededRandom, shuffleInPlace } from '../rng';
import type { LinearWeights, TrainingSet } from './linear';

export type SgdLoss = 'log' | 'hinge';

export interface SgdOptions {
  loss: SgdLoss;
  epochs: number;
  /** L2 strength λ (per example). */
  lambda: number;
  eta0: number;
  seed: number;
  /** Balance classes by weighting each example by n / (K · n_label); helps macro-F1. */
  balanced: boolean;
}

export function trainSgd(data: TrainingSet, options: SgdOptions): LinearWeights {
  const K = data.labelCount;
  const n = data.vectors.length;
  const W = new Float64Array(data.featureCount * K);
  const bias = new Float64Array(K);
  const classWeight = new Float64Array(K).fill(1);
  if (options.balanced) {
    const counts = new Float64Array(K);
    for (const y of data.targets) counts[y] = (counts[y] as number) + 1;
    for (let k = 0; k < K; k++) classWeight[k] = (counts[k] as number) > 0 ? n / (K * (counts[k] as number)) : 1;
  }
  // W is stored as scale·W so the L2 shrink of every weight is one multiplication.
  let scale = 1;
  const order = Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(options.seed);
  const scores = new Float64Array(K);
  const gradient = new Float64Array(K);
  let t = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const d of order) {
      const x = data.vectors[d];
      if (!x) continue;
      const y = data.targets[d] as number;
      const eta = options.eta0 / (1 + options.eta0 * options.lambda * t);
      t++;
      // Scores with the current (scaled) weights.
      scores.set(bias);
      for (let m = 0; m < x.indices.length; m++) {
        const base = (x.indices[m] as number) * K;
        const v = (x.values[m] as number) * scale;
        for (let k = 0; k < K; k++) scores[k] = (scores[k] as number) + v * (W[base + k] as number);
      }
      gradient.fill(0);
      if (options.loss === 'log') {
        let max = -Infinity;
        for (const s of scores) if (s > max) max = s;
        let sum = 0;
        for (let k = 0; k < K; k++) {
          const e = Math.exp((scores[k] as number) - max);
          gradient[k] = e;
          sum += e;
        }
        for (let k = 0; k < K; k++) gradient[k] = (gradient[k] as number) / sum - (k === y ? 1 : 0);
      } else {
        let rival = -1;
        let best = -Infinity;
        for (let k = 0; k < K; k++) {
          if (k !== y && (scores[k] as number) > best) {
            best = scores[k] as number;
            rival = k;
          }
        }
        if (rival >= 0 && (scores[y] as number) - best < 1) {
          gradient[y] = -1;
          gradient[rival] = 1;
        }
      }
      scale *= 1 - eta * options.lambda;
      if (scale < 1e-9) {
        for (let i = 0; i < W.length; i++) W[i] = (W[i] as number) * scale;
        scale = 1;
      }
      const step = (eta * (classWeight[y] as number)) / scale;
      for (let k = 0; k < K; k++) {
        const g = gradient[k] as number;
        if (g === 0) continue;
        bias[k] = (bias[k] as number) - eta * (classWeight[y] as number) * g;
        for (let m = 0; m < x.indices.length; m++) {
          const j = (x.indices[m] as number) * K + k;
          W[j] = (W[j] as number) - step * g * (x.values[m] as number);
        }
      }
    }
  }
  for (let i = 0; i < W.length; i++) W[i] = (W[i] as number) * scale;
  return { weights: W, bias, labelCount: K };
}
