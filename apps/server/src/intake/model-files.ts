// Library behind `jiesu model train` and `jiesu model eval`: train the category classifier on a
// labelled file (JSONL or CSV) with a seeded stratified hold-out, write the artifact and the
// held-out rows, and evaluate an artifact on any labelled file. Files only — no database.
import { readFile, writeFile } from 'node:fs/promises';
import { type EvaluationReport, evaluate, type LabelledExample, loadModel, readLabelledFile, serializeModel, stratifiedSplit, trainCategoryModel, withMetrics } from '@jiesu/nlp';

export interface TrainFileOptions {
  data: string;
  out: string;
  /** Share of each label held out for evaluation; 0 trains on everything and evaluates nothing. */
  testShare: number;
  seed: number;
  /** Where to write the held-out rows (JSONL), so `model eval` can run on exactly them. */
  holdoutOut?: string;
}

// A type alias (not an interface) so it fits JSON-record response schemas.
export type EvaluationSummary = {
  n: number;
  accuracy: number;
  macroF1: number;
  perLabel: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  confusion: { labels: string[]; matrix: number[][] };
};

export interface TrainFileReport {
  data: string;
  examples: number;
  skipped: number;
  train: number;
  heldOut: number;
  labels: string[];
  model: string;
  holdout: string | null;
  seconds: number;
  evaluation: EvaluationSummary | null;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function summarize(r: EvaluationReport): EvaluationSummary {
  return {
    n: r.n,
    accuracy: round(r.accuracy),
    macroF1: round(r.macroF1),
    perLabel: Object.fromEntries(
      Object.entries(r.perLabel).map(([label, s]) => [label, { precision: round(s.precision), recall: round(s.recall), f1: round(s.f1), support: s.support }]),
    ),
    confusion: r.confusion,
  };
}

export function toJsonl(examples: readonly LabelledExample[]): string {
  return examples.map((e) => JSON.stringify({ subject: e.subject ?? '', detail: e.detail, label: e.label })).join('\n') + '\n';
}

export async function trainModelFile(opts: TrainFileOptions): Promise<TrainFileReport> {
  if (!(opts.testShare >= 0 && opts.testShare < 1)) throw new Error('--test-share must be at least 0 and below 1.');
  const started = performance.now();
  const { examples, skipped } = await readLabelledFile(opts.data);
  if (examples.length === 0) throw new Error(`${opts.data} holds no usable labelled rows (subject, detail, label).`);
  const { train, test } = opts.testShare > 0 ? stratifiedSplit(examples, { testShare: opts.testShare, seed: opts.seed }) : { train: examples, test: [] };
  let model = trainCategoryModel(train, { sgd: { seed: opts.seed } });
  let evaluation: EvaluationSummary | null = null;
  if (test.length > 0) {
    const report = evaluate(model, test);
    evaluation = summarize(report);
    model = withMetrics(model, {
      n: report.n,
      accuracy: report.accuracy,
      macroF1: report.macroF1,
      evaluatedOn: `${Math.round(opts.testShare * 100)}% stratified hold-out of ${opts.data.split('/').pop() ?? opts.data}, seed ${opts.seed}`,
    });
  }
  await writeFile(opts.out, JSON.stringify(serializeModel(model)));
  if (opts.holdoutOut) await writeFile(opts.holdoutOut, toJsonl(test));
  return {
    data: opts.data,
    examples: examples.length,
    skipped,
    train: train.length,
    heldOut: test.length,
    labels: model.labels,
    model: opts.out,
    holdout: opts.holdoutOut ?? null,
    seconds: round((performance.now() - started) / 1000),
    evaluation,
  };
}

export async function readModelFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (e) {
    throw new Error(`${path}: not a readable JSON model file (${e instanceof Error ? e.message : String(e)}).`, { cause: e });
  }
}

export async function evalModelFile(opts: { model: string; data: string }): Promise<EvaluationSummary & { model: string; data: string; skipped: number }> {
  const model = loadModel(await readModelFile(opts.model));
  const { examples, skipped } = await readLabelledFile(opts.data);
  if (examples.length === 0) throw new Error(`${opts.data} holds no usable labelled rows (subject, detail, label).`);
  return { model: opts.model, data: opts.data, skipped, ...summarize(evaluate(model, examples)) };
}
