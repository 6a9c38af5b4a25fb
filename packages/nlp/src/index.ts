// Public API of @jiesu/nlp: Chinese text normalisation and segmentation, and the category
// classifier (train, predict with explanations, evaluate, save/load). No database, no HTTP.
export { normalizeText } from './normalize';
export { createSegmenter, intlSegmenter, jiebaSegmenter, DEFAULT_SEGMENTER, SEGMENTER_NAMES } from './segment';
export type { Segmenter, SegmenterName } from './segment';
export { DEFAULT_FEATURES, displayTerm, extractTerms } from './features';
export type { FeatureOptions } from './features';
export type { VocabularyOptions, Weighting } from './vector-space';
export type { LabelledExample, MessageText } from './types';
export { MODEL_KINDS } from './model';
export type { CategoryModel, ModelKind, ModelMetrics, TrainOptions } from './model';
export { defaultTrainOptions, resolveTrainOptions, trainCategoryModel } from './train';
export type { TrainOverrides } from './train';
export { predict } from './predict';
export type { Driver, LabelProbability, Prediction, PredictOptions } from './predict';
export { evaluate, scorePredictions } from './evaluate';
export type { EvaluationReport, LabelPair, LabelScores } from './evaluate';
export { MODEL_FORMAT, MODEL_VERSION, loadModel, serializeModel, withMetrics } from './artifact';
export type { SerializedModel } from './artifact';
export { parseLabelledCsv, parseLabelledJsonl, readLabelledFile } from './read-labelled-file';
export type { LabelledData } from './read-labelled-file';
export { stratifiedSplit } from './split';
export type { SplitOptions } from './split';
export { seededRandom } from './rng';
