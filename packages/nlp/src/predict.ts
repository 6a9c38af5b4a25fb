// Suggests categories for one message, with the words that drove the top suggestion so an
// operator can see why (docs/intake.md: suggestions, never silent decisions).
import { displayTerm, extractTerms } from './features';
import type { CategoryModel } from './model';
import { scoreInto, softmaxInPlace } from './models/linear';
import type { MessageText } from './types';
import { vectorize } from './vector-space';
import type { SparseVector } from './vector-space';

export interface LabelProbability {
  label: string;
  probability: number;
}

export interface Driver {
  /** The word, word pair ("噪音 扰民") or character n-gram as it appears in the text. */
  term: string;
  /** How much this term raised the label's score above the average label (score units). */
  weight: number;
  label: string;
}

export interface Prediction {
  labels: LabelProbability[];
  drivers: Driver[];
}

export interface PredictOptions {
  /** How many labels to return, most probable first. */
  top?: number;
  /** How many driver terms to return for the top label. */
  drivers?: number;
}

export function messageVector(model: CategoryModel, message: MessageText): SparseVector {
  return vectorize(model.space, extractTerms(message, model.options.features, model.segmenter));
}

/** Probability per label, in model.labels order. */
export function labelProbabilities(model: CategoryModel, x: SparseVector): Float64Array {
  return softmaxInPlace(scoreInto(model.linear, x, new Float64Array(model.labels.length)), model.probabilityScale);
}

export function predict(model: CategoryModel, message: MessageText, options: PredictOptions = {}): Prediction {
  const top = options.top ?? 3;
  const driverCount = options.drivers ?? 5;
  const x = messageVector(model, message);
  const probabilities = labelProbabilities(model, x);
  const ranked = model.labels.map((label, k) => ({ label, probability: probabilities[k] as number, k })).sort((a, b) => b.probability - a.probability || a.k - b.k);
  const best = ranked[0];
  const labels = ranked.slice(0, top).map(({ label, probability }) => ({ label, probability }));
  return { labels, drivers: best ? drivers(model, x, best.k, driverCount) : [] };
}

// Weights are centred per feature at training time, so x_j·W[j,k] is exactly how far term j
// moved label k's score relative to the average label.
function drivers(model: CategoryModel, x: SparseVector, k: number, count: number): Driver[] {
  const K = model.linear.labelCount;
  const byTerm = new Map<string, number>();
  for (let m = 0; m < x.indices.length; m++) {
    const j = x.indices[m] as number;
    const contribution = (x.values[m] as number) * (model.linear.weights[j * K + k] as number) * model.probabilityScale;
    if (contribution <= 0) continue;
    const term = displayTerm(model.space.terms[j] as string);
    byTerm.set(term, (byTerm.get(term) ?? 0) + contribution);
  }
  const label = model.labels[k] as string;
  return [...byTerm]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([term, weight]) => ({ term, weight: Math.round(weight * 1e4) / 1e4, label }));
}
