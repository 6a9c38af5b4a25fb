// Multinomial naive Bayes: the classic text baseline; trains in one pass, no tuning beyond the
// smoothing constant. As a linear model its weights are log P(term | label).
import type { LinearWeights, TrainingSet } from './linear';

export interface NaiveBayesOptions {
  /** Additive (Laplace/Lidstone) smoothing. */
  alpha: number;
}

export function trainNaiveBayes(data: TrainingSet, options: NaiveBayesOptions): LinearWeights {
  const K = data.labelCount;
  const V = data.featureCount;
  const counts = new Float64Array(V * K);
  const totals = new Float64Array(K);
  const docs = new Float64Array(K);
  data.vectors.forEach((x, d) => {
    const y = data.targets[d] as number;
    docs[y] = (docs[y] as number) + 1;
    for (let n = 0; n < x.indices.length; n++) {
      const j = (x.indices[n] as number) * K + y;
      const v = x.values[n] as number;
      counts[j] = (counts[j] as number) + v;
      totals[y] = (totals[y] as number) + v;
    }
  });
  const weights = new Float64Array(V * K);
  for (let k = 0; k < K; k++) {
    const denominator = Math.log((totals[k] as number) + options.alpha * V);
    for (let j = 0; j < V; j++) {
      weights[j * K + k] = Math.log((counts[j * K + k] as number) + options.alpha) - denominator;
    }
  }
  const n = data.vectors.length;
  const bias = Float64Array.from(docs, (c) => Math.log((c + 1) / (n + K)));
  return { weights, bias, labelCount: K };
}
