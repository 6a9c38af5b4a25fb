// The model as a versioned, JSON-able artifact — to store in the database (jsonb) or a file —
// and its strict loader: a model from another format or version is refused, never guessed at.
import { MODEL_KINDS } from './model';
import type { CategoryModel, ModelMetrics, TrainOptions } from './model';
import { SEGMENTER_NAMES, createSegmenter } from './segment';
import type { SegmenterName } from './segment';
import { createVectorSpace } from './vector-space';

export const MODEL_FORMAT = 'jiesu.category-model';
export const MODEL_VERSION = 1;

export interface SerializedModel {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  labels: string[];
  createdAt: string;
  trainingSize: number;
  metrics: ModelMetrics | null;
  options: TrainOptions;
  probabilityScale: number;
  bias: number[];
  terms: string[];
  /** Omitted when the model does not weight by IDF. */
  idf?: number[];
  /** One row per term: the term's weight for each label, in `labels` order. */
  weights: number[][];
}

export function serializeModel(model: CategoryModel): SerializedModel {
  const K = model.labels.length;
  const weights = model.space.terms.map((_, j) => Array.from(model.linear.weights.subarray(j * K, (j + 1) * K)));
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    labels: [...model.labels],
    createdAt: model.createdAt,
    trainingSize: model.trainingSize,
    metrics: model.metrics,
    options: model.options,
    probabilityScale: model.probabilityScale,
    bias: Array.from(model.linear.bias),
    terms: [...model.space.terms],
    ...(model.options.weighting.idf ? { idf: Array.from(model.space.idf) } : {}),
    weights,
  };
}

/** Attaches evaluation figures so they travel with the artifact. */
export function withMetrics(model: CategoryModel, metrics: ModelMetrics): CategoryModel {
  return { ...model, metrics };
}

class ArtifactError extends Error {
  constructor(problem: string) {
    super(`Not a usable jiesu category model: ${problem}. Retrain the model or load a file written by serializeModel().`);
    this.name = 'ArtifactError';
  }
}

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isNumberArray = (v: unknown): v is number[] => Array.isArray(v) && v.every(isFiniteNumber);

function field<T>(obj: Json, key: string, check: (v: unknown) => v is T, what: string): T {
  const value = obj[key];
  if (!check(value)) throw new ArtifactError(`"${key}" must be ${what}`);
  return value;
}

export function loadModel(artifact: unknown): CategoryModel {
  if (!isRecord(artifact)) throw new ArtifactError('expected a JSON object');
  if (artifact.format !== MODEL_FORMAT) {
    throw new ArtifactError(`format is ${JSON.stringify(artifact.format)}, expected "${MODEL_FORMAT}"`);
  }
  if (artifact.version !== MODEL_VERSION) {
    throw new ArtifactError(`version ${JSON.stringify(artifact.version)} is not supported (this build reads ${MODEL_VERSION})`);
  }
  const labels = field(artifact, 'labels', isStringArray, 'an array of label strings');
  if (labels.length < 2 || new Set(labels).size !== labels.length) throw new ArtifactError('"labels" must be two or more distinct labels');
  const K = labels.length;
  const createdAt = field(artifact, 'createdAt', (v): v is string => typeof v === 'string', 'an ISO date string');
  const trainingSize = field(artifact, 'trainingSize', isFiniteNumber, 'a number');
  const probabilityScale = field(artifact, 'probabilityScale', isFiniteNumber, 'a number');
  const options = readOptions(artifact.options);
  const metrics = artifact.metrics === null || artifact.metrics === undefined ? null : readMetrics(artifact.metrics);
  const bias = field(artifact, 'bias', isNumberArray, 'an array of numbers');
  if (bias.length !== K) throw new ArtifactError(`"bias" has ${bias.length} entries for ${K} labels`);
  const terms = field(artifact, 'terms', isStringArray, 'an array of strings');
  const rows = field(artifact, 'weights', Array.isArray, 'an array of weight rows');
  if (rows.length !== terms.length) throw new ArtifactError(`"weights" has ${rows.length} rows for ${terms.length} terms`);
  const weights = new Float64Array(terms.length * K);
  rows.forEach((row: unknown, j) => {
    if (!isNumberArray(row) || row.length !== K) throw new ArtifactError(`weight row ${j} must hold ${K} numbers`);
    weights.set(row, j * K);
  });
  let idf = new Float64Array(terms.length).fill(1);
  if (options.weighting.idf) {
    const values = field(artifact, 'idf', isNumberArray, 'an array of numbers');
    if (values.length !== terms.length) throw new ArtifactError(`"idf" has ${values.length} entries for ${terms.length} terms`);
    idf = Float64Array.from(values);
  }
  return {
    labels,
    createdAt,
    trainingSize,
    metrics,
    options,
    space: createVectorSpace(terms, idf, options.weighting),
    linear: { weights, bias: Float64Array.from(bias), labelCount: K },
    probabilityScale,
    segmenter: createSegmenter(options.features.segmenter),
  };
}

function readMetrics(value: unknown): ModelMetrics {
  if (!isRecord(value)) throw new ArtifactError('"metrics" must be an object or null');
  const metrics: ModelMetrics = {
    n: field(value, 'n', isFiniteNumber, 'a number'),
    accuracy: field(value, 'accuracy', isFiniteNumber, 'a number'),
    macroF1: field(value, 'macroF1', isFiniteNumber, 'a number'),
  };
  if (typeof value.evaluatedOn === 'string') metrics.evaluatedOn = value.evaluatedOn;
  return metrics;
}

// Only the fields prediction depends on are checked deeply; training hyper-parameters are kept
// for the record as they were written.
function readOptions(value: unknown): TrainOptions {
  if (!isRecord(value)) throw new ArtifactError('"options" must be an object');
  const model = value.model;
  if (typeof model !== 'string' || !(MODEL_KINDS as readonly string[]).includes(model)) {
    throw new ArtifactError(`"options.model" must be one of ${MODEL_KINDS.join(', ')}`);
  }
  const features = value.features;
  if (!isRecord(features)) throw new ArtifactError('"options.features" must be an object');
  const segmenter = features.segmenter;
  if (typeof segmenter !== 'string' || !(SEGMENTER_NAMES as readonly string[]).includes(segmenter)) {
    throw new ArtifactError(`"options.features.segmenter" must be one of ${SEGMENTER_NAMES.join(', ')}`);
  }
  const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
  const charNgrams = field(features, 'charNgrams', isNumberArray, 'an array of n-gram lengths');
  if (!charNgrams.every((n) => Number.isInteger(n) && n >= 1)) throw new ArtifactError('"options.features.charNgrams" must be positive integers');
  const weighting = value.weighting;
  if (!isRecord(weighting)) throw new ArtifactError('"options.weighting" must be an object');
  const tf = weighting.tf;
  if (tf !== 'raw' && tf !== 'log') throw new ArtifactError('"options.weighting.tf" must be "raw" or "log"');
  return {
    ...(value as unknown as TrainOptions),
    features: {
      segmenter: segmenter as SegmenterName,
      wordUnigrams: field(features, 'wordUnigrams', isBool, 'a boolean'),
      wordBigrams: field(features, 'wordBigrams', isBool, 'a boolean'),
      charNgrams,
      subjectWeight: field(features, 'subjectWeight', isFiniteNumber, 'a number'),
    },
    weighting: { tf, idf: field(weighting, 'idf', isBool, 'a boolean'), l2: field(weighting, 'l2', isBool, 'a boolean') },
  };
}
