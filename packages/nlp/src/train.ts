// Fits a category model from labelled examples: features → vocabulary → linear model →
// centred, pruned and rounded weights, so the in-memory model is exactly what gets saved.
import { DEFAULT_FEATURES, extractTerms } from './features';
import type { CategoryModel, ModelKind, TrainOptions } from './model';
import type { LinearWeights, TrainingSet } from './models/linear';
import { scoreInto, softmaxInPlace } from './models/linear';
import { trainNaiveBayes } from './models/naive-bayes';
import { trainSgd } from './models/sgd';
import { createSegmenter } from './segment';
import type { LabelledExample } from './types';
import { createVectorSpace, fitVectorSpace, vectorize } from './vector-space';
import type { VectorSpace } from './vector-space';

/** Defaults per model kind: naive Bayes wants raw counts, the SGD models TF-IDF unit vectors. */
export function defaultTrainOptions(model: ModelKind = 'logistic'): TrainOptions {
  const isBayes = model === 'naive-bayes';
  return {
    model,
    features: { ...DEFAULT_FEATURES },
    weighting: isBayes ? { tf: 'raw', idf: false, l2: false } : { tf: 'log', idf: true, l2: true },
    vocabulary: { minDf: 2, maxTerms: 0 },
    naiveBayes: { alpha: 0.1 },
    sgd: { epochs: 15, lambda: 1e-5, eta0: 0.5, seed: 42, balanced: true },
    pruneBelow: isBayes ? 0 : 1e-3,
    decimals: 4,
  };
}

export interface TrainOverrides {
  model?: ModelKind;
  features?: Partial<TrainOptions['features']>;
  weighting?: Partial<TrainOptions['weighting']>;
  vocabulary?: Partial<TrainOptions['vocabulary']>;
  naiveBayes?: Partial<TrainOptions['naiveBayes']>;
  sgd?: Partial<TrainOptions['sgd']>;
  pruneBelow?: number;
  decimals?: number;
  /** Recorded as the model's creation time; defaults to now (pass one for reproducible artifacts). */
  createdAt?: Date;
}

export function resolveTrainOptions(overrides: TrainOverrides = {}): TrainOptions {
  const base = defaultTrainOptions(overrides.model);
  return {
    model: base.model,
    features: { ...base.features, ...overrides.features },
    weighting: { ...base.weighting, ...overrides.weighting },
    vocabulary: { ...base.vocabulary, ...overrides.vocabulary },
    naiveBayes: { ...base.naiveBayes, ...overrides.naiveBayes },
    sgd: { ...base.sgd, ...overrides.sgd },
    pruneBelow: overrides.pruneBelow ?? base.pruneBelow,
    decimals: overrides.decimals ?? base.decimals,
  };
}

export function trainCategoryModel(examples: readonly LabelledExample[], overrides: TrainOverrides = {}): CategoryModel {
  if (examples.length === 0) throw new Error('Cannot train a category model from zero examples.');
  const options = resolveTrainOptions(overrides);
  // Sorted so the label order (and with it the artifact) does not depend on example order.
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  if (labels.length < 2) throw new Error(`Need at least two labels to train, got ${labels.length}.`);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const segmenter = createSegmenter(options.features.segmenter);
  const docs = examples.map((e) => extractTerms(e, options.features, segmenter));
  const fitted = fitVectorSpace(docs, options.weighting, options.vocabulary);
  const data: TrainingSet = {
    vectors: docs.map((d) => vectorize(fitted, d)),
    targets: Int32Array.from(examples, (e) => labelIndex.get(e.label) ?? 0),
    labelCount: labels.length,
    featureCount: fitted.terms.length,
  };
  const raw = fitLinear(options, data);
  const { space, linear } = compact(fitted, raw, options);
  const probabilityScale = options.model === 'svm' ? calibrateScale(linear, data, fitted, space) : 1;
  return {
    labels,
    createdAt: (overrides.createdAt ?? new Date()).toISOString(),
    trainingSize: examples.length,
    metrics: null,
    options,
    space,
    linear,
    probabilityScale,
    segmenter,
  };
}

function fitLinear(options: TrainOptions, data: TrainingSet): LinearWeights {
  switch (options.model) {
    case 'naive-bayes':
      return trainNaiveBayes(data, options.naiveBayes);
    case 'logistic':
      return trainSgd(data, { ...options.sgd, loss: 'log' });
    case 'svm':
      return trainSgd(data, { ...options.sgd, loss: 'hinge' });
  }
}

/**
 * Centres each feature's weights across labels (softmax is unchanged by a per-feature constant,
 * and centred weights read directly as "evidence for this label over the average"), drops
 * features with no weight left above `pruneBelow`, and rounds to `decimals`.
 */
function compact(space: VectorSpace, model: LinearWeights, options: TrainOptions): { space: VectorSpace; linear: LinearWeights } {
  const K = model.labelCount;
  const factor = 10 ** options.decimals;
  const round = (v: number) => Math.round(v * factor) / factor;
  const keptTerms: string[] = [];
  const keptIdf: number[] = [];
  const keptWeights: number[] = [];
  for (let j = 0; j < space.terms.length; j++) {
    let mean = 0;
    for (let k = 0; k < K; k++) mean += model.weights[j * K + k] as number;
    mean /= K;
    const row: number[] = [];
    let largest = 0;
    for (let k = 0; k < K; k++) {
      const w = round((model.weights[j * K + k] as number) - mean);
      row.push(w);
      largest = Math.max(largest, Math.abs(w));
    }
    if (largest === 0 || largest < options.pruneBelow) continue;
    keptTerms.push(space.terms[j] as string);
    keptIdf.push(round(space.idf[j] as number));
    keptWeights.push(...row);
  }
  return {
    space: createVectorSpace(keptTerms, Float64Array.from(keptIdf), space.weighting),
    linear: {
      weights: Float64Array.from(keptWeights),
      bias: Float64Array.from(model.bias, (b) => round(b)),
      labelCount: K,
    },
  };
}

/**
 * An SVM's scores are margins, not log-odds; one temperature fitted by minimising the training
 * log-loss turns them into usable (if somewhat over-confident) probabilities.
 */
function calibrateScale(linear: LinearWeights, data: TrainingSet, fitted: VectorSpace, space: VectorSpace): number {
  // Re-map training vectors onto the pruned vocabulary.
  const remap = new Int32Array(fitted.terms.length).fill(-1);
  fitted.terms.forEach((t, j) => (remap[j] = space.index.get(t) ?? -1));
  const scores = data.vectors.map((x) => {
    const indices: number[] = [];
    const values: number[] = [];
    x.indices.forEach((j, m) => {
      const to = remap[j] ?? -1;
      if (to >= 0) {
        indices.push(to);
        values.push(x.values[m] as number);
      }
    });
    return scoreInto(linear, { indices: Int32Array.from(indices), values: Float64Array.from(values) }, new Float64Array(linear.labelCount));
  });
  let best = 1;
  let bestLoss = Infinity;
  for (let scale = 0.5; scale <= 20; scale += 0.5) {
    let loss = 0;
    scores.forEach((s, d) => {
      const p = softmaxInPlace(Float64Array.from(s), scale)[data.targets[d] as number] as number;
      loss -= Math.log(Math.max(p, 1e-12));
    });
    if (loss < bestLoss) {
      bestLoss = loss;
      best = scale;
    }
  }
  return best;
}
