// Evaluates the category classifier on a fixed-seed stratified 80/20 split of the shared
// labelled file (../shared/data/messages-train.jsonl by default) and prints the figures as JSON.
//   npx tsx packages/nlp/scripts/eval-shared.ts [path] [--compare] [--save model.json]
// --compare also trains the variants behind the default choice (segmenters, features, models).
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, predict, readLabelledFile, serializeModel, stratifiedSplit, trainCategoryModel, withMetrics } from '../src/index';
import type { LabelledExample, TrainOverrides } from '../src/index';

const SEED = 42;
const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');
const args = process.argv.slice(2);
const isCompare = args.includes('--compare');
const saveIndex = args.indexOf('--save');
const savePath = saveIndex >= 0 ? args[saveIndex + 1] : undefined;
const positional = args.filter((a, i) => !a.startsWith('--') && (saveIndex < 0 || i !== saveIndex + 1));
const path = resolve(positional[0] ?? resolve(repoRoot, '../shared/data/messages-train.jsonl'));

if (!existsSync(path)) {
  console.error(`No labelled file at ${path}; pass a JSONL/CSV path with subject, detail, label.`);
  process.exit(0);
}

const round = (v: number, d = 4) => Math.round(v * 10 ** d) / 10 ** d;

function run(train: LabelledExample[], test: LabelledExample[], overrides: TrainOverrides) {
  const started = performance.now();
  const model = trainCategoryModel(train, { createdAt: new Date(0), ...overrides });
  const trainSeconds = (performance.now() - started) / 1000;
  const report = evaluate(model, test);
  return { model, report, trainSeconds };
}

const { examples, skipped } = await readLabelledFile(path);
const { train, test } = stratifiedSplit(examples, { testShare: 0.2, seed: SEED });
console.error(`${examples.length} examples (${skipped} skipped): ${train.length} train, ${test.length} test`);

if (isCompare) {
  // Each variant changes one or two things from the default so its effect can be read off directly.
  const variants: [string, TrainOverrides][] = [
    ['naive Bayes, char bigrams (the floor)', { model: 'naive-bayes', features: { wordUnigrams: false, charNgrams: [2], subjectWeight: 1 } }],
    ['naive Bayes, jieba search-mode words', { model: 'naive-bayes' }],
    ['naive Bayes, intl words', { model: 'naive-bayes', features: { segmenter: 'intl' } }],
    ['naive Bayes, jieba words', { model: 'naive-bayes', features: { segmenter: 'jieba' } }],
    ['logistic, jieba search-mode words (default)', {}],
    ['logistic, intl words', { features: { segmenter: 'intl' } }],
    ['logistic, jieba words', { features: { segmenter: 'jieba' } }],
    ['logistic, intl words + word bigrams', { features: { segmenter: 'intl', wordBigrams: true } }],
    ['logistic, jieba words + word bigrams', { features: { segmenter: 'jieba', wordBigrams: true } }],
    ['logistic, search words + char bigrams', { features: { charNgrams: [2] } }],
    ['logistic, jieba words + char unigrams', { features: { segmenter: 'jieba', charNgrams: [1] } }],
    ['logistic, char 1-3-grams only', { features: { wordUnigrams: false, charNgrams: [1, 2, 3] } }],
    ['logistic, search words, subject weight 1', { features: { subjectWeight: 1 } }],
    ['logistic, search words, no class balancing', { sgd: { balanced: false } }],
    ['logistic, search words, no idf', { weighting: { idf: false } }],
    ['linear SVM (hinge), search words', { model: 'svm' }],
  ];
  const rows = [];
  for (const [name, overrides] of variants) {
    const { model, report, trainSeconds } = run(train, test, overrides);
    const bytes = Buffer.byteLength(JSON.stringify(serializeModel(model)));
    const row = { variant: name, accuracy: round(report.accuracy), macroF1: round(report.macroF1), terms: model.space.terms.length, bytes, trainSeconds: round(trainSeconds, 1) };
    console.error(JSON.stringify(row));
    rows.push(row);
  }
  console.log(JSON.stringify({ compare: rows }, null, 2));
} else {
  const { model, report, trainSeconds } = run(train, test, {});
  // Latency of the whole public predict() (normalise, segment, features, scores, drivers), on the
  // test messages as they are and on those of 200+ characters cut to exactly 200 (the benchmark's size).
  const latency = (messages: LabelledExample[]) => {
    for (const e of messages.slice(0, 100)) predict(model, e); // warm-up
    const times: number[] = [];
    for (const e of messages) {
      const t0 = performance.now();
      predict(model, e);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const chars = messages.reduce((a, e) => a + e.detail.length + (e.subject?.length ?? 0), 0) / messages.length;
    return {
      meanMs: round(times.reduce((a, b) => a + b, 0) / times.length),
      p99Ms: round(times[Math.floor(times.length * 0.99)] ?? 0),
      meanChars: Math.round(chars),
    };
  };
  const asIs = latency(test);
  const at200 = latency(test.filter((e) => e.detail.length >= 200).map((e) => ({ ...e, subject: null, detail: e.detail.slice(0, 200) })));
  const artifact = serializeModel(
    withMetrics(model, { n: report.n, accuracy: report.accuracy, macroF1: report.macroF1, evaluatedOn: `20% stratified split of ${test.length + train.length}, seed ${SEED}` }),
  );
  const json = JSON.stringify(artifact);
  if (savePath) writeFileSync(savePath, json);
  const perLabel = Object.fromEntries(
    Object.entries(report.perLabel).map(([l, s]) => [l, { precision: round(s.precision), recall: round(s.recall), f1: round(s.f1), support: s.support }]),
  );
  console.log(
    JSON.stringify(
      {
        data: { path, examples: examples.length, skipped, train: train.length, test: test.length, seed: SEED },
        model: {
          kind: model.options.model,
          segmenter: model.options.features.segmenter,
          terms: model.space.terms.length,
          trainSeconds: round(trainSeconds, 2),
          bytes: Buffer.byteLength(json),
        },
        accuracy: round(report.accuracy),
        macroF1: round(report.macroF1),
        perLabel,
        confusion: report.confusion,
        latency: { asIs, at200 },
      },
      null,
      2,
    ),
  );
}
