// The trained category model as held in memory, and the options that produced it.
import type { FeatureOptions } from './features';
import type { LinearWeights } from './models/linear';
import type { NaiveBayesOptions } from './models/naive-bayes';
import type { SgdOptions } from './models/sgd';
import type { Segmenter } from './segment';
import type { VectorSpace, VocabularyOptions, Weighting } from './vector-space';

export type ModelKind = 'naive-bayes' | 'logistic' | 'svm';

export const MODEL_KINDS: readonly ModelKind[] = ['naive-bayes', 'logistic', 'svm'];

export interface TrainOptions {
  model: ModelKind;
  features: FeatureOptions;
  weighting: Weighting;
  vocabulary: VocabularyOptions;
  naiveBayes: NaiveBayesOptions;
  sgd: Omit<SgdOptions, 'loss'>;
  /** Features whose every (centred) weight is smaller than this are dropped to keep the artifact small. */
  pruneBelow: number;
  /** Decimal places kept in weights: more only grows the artifact, not accuracy. */
  decimals: number;
}

/** Figures from an evaluation, stored with the model so an operator can see how good it is. */
export interface ModelMetrics {
  n: number;
  accuracy: number;
  macroF1: number;
  /** Free text: which data the figures come from, e.g. "20% stratified hold-out, seed 42". */
  evaluatedOn?: string;
}

export interface CategoryModel {
  labels: string[];
  createdAt: string;
  trainingSize: number;
  metrics: ModelMetrics | null;
  options: TrainOptions;
  space: VectorSpace;
  linear: LinearWeights;
  /** Multiplier on scores before softmax (1 for naive Bayes and logistic regression). */
  probabilityScale: number;
  /** Runtime only: rebuilt from options.features.segmenter when a model is loaded. */
  segmenter: Segmenter;
}
