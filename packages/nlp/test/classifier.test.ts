import { describe, expect, it } from 'vitest';
import { evaluate, loadModel, predict, serializeModel, trainCategoryModel, withMetrics } from '../src/index';
import type { LabelledExample } from '../src/index';
import { FIXTURES } from './fixtures';

// Messages the model never sees in training, one per category.
const HELD_BACK: LabelledExample[] = [
  { subject: '公交站点', detail: '希望在我们小区门口增设一个公交车站，坐公交车太不方便。', label: '交通运输' },
  { subject: null, detail: '学校要求家长交补课费，教育局能不能管一管学校乱收费。', label: '教育文体' },
  { subject: '噪音扰民', detail: '工厂排放污水，晚上还有噪音，污染环境。', label: '环境保护' },
  { subject: '看病难', detail: '医院看病排队太久，医生也不够，医保报销还很慢。', label: '卫生计生' },
];

const CREATED_AT = new Date('2025-01-01T00:00:00Z');

describe.each(['logistic', 'naive-bayes', 'svm'] as const)('%s category model', (kind) => {
  const model = trainCategoryModel(FIXTURES, { model: kind, createdAt: CREATED_AT });

  it('predicts held-back messages correctly', () => {
    for (const message of HELD_BACK) {
      expect(predict(model, message).labels[0]?.label, message.detail).toBe(message.label);
    }
  });

  it('returns the top labels by probability and the words behind the first', () => {
    const prediction = predict(model, HELD_BACK[0] as LabelledExample, { top: 2 });
    expect(prediction.labels).toHaveLength(2);
    const [first, second] = prediction.labels;
    expect(first?.probability).toBeGreaterThanOrEqual(second?.probability ?? 1);
    expect(first?.probability).toBeLessThanOrEqual(1);
    expect(prediction.drivers.length).toBeGreaterThan(0);
    for (const driver of prediction.drivers) {
      expect(driver.label).toBe(first?.label);
      expect(driver.weight).toBeGreaterThan(0);
    }
    const text = `${HELD_BACK[0]?.subject} ${HELD_BACK[0]?.detail}`;
    for (const { term } of prediction.drivers) expect(text).toContain(term);
  });

  it('gives the same predictions after serialise → JSON → load', () => {
    const loaded = loadModel(JSON.parse(JSON.stringify(serializeModel(model))));
    for (const message of [...HELD_BACK, ...FIXTURES.slice(0, 5)]) {
      expect(predict(loaded, message)).toEqual(predict(model, message));
    }
  });
});

describe('training', () => {
  it('is deterministic: the same data and seed give the same artifact', () => {
    const a = serializeModel(trainCategoryModel(FIXTURES, { createdAt: CREATED_AT }));
    const b = serializeModel(trainCategoryModel(FIXTURES, { createdAt: CREATED_AT }));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const reseeded = serializeModel(trainCategoryModel(FIXTURES, { createdAt: CREATED_AT, sgd: { seed: 7 } }));
    expect(JSON.stringify(reseeded)).not.toBe(JSON.stringify(a));
  });

  it('refuses data with fewer than two labels', () => {
    expect(() => trainCategoryModel(FIXTURES.filter((e) => e.label === '教育文体'))).toThrow(/two labels/);
    expect(() => trainCategoryModel([])).toThrow(/zero examples/);
  });

  it('evaluates on its own training data with a confusion matrix over its labels', () => {
    const model = trainCategoryModel(FIXTURES);
    const report = evaluate(model, FIXTURES);
    expect(report.n).toBe(FIXTURES.length);
    expect(report.accuracy).toBe(1);
    expect(report.confusion.labels).toEqual(model.labels);
    expect(report.confusion.matrix.flat().reduce((a, b) => a + b, 0)).toBe(FIXTURES.length);
  });
});

describe('model artifact', () => {
  const model = withMetrics(trainCategoryModel(FIXTURES, { createdAt: CREATED_AT }), { n: 4, accuracy: 1, macroF1: 1 });
  const artifact = serializeModel(model);

  it('records format, version, labels, creation time, training size and metrics', () => {
    expect(artifact).toMatchObject({
      format: 'jiesu.category-model',
      version: 1,
      labels: ['交通运输', '卫生计生', '教育文体', '环境保护'],
      createdAt: '2025-01-01T00:00:00.000Z',
      trainingSize: FIXTURES.length,
      metrics: { n: 4, accuracy: 1, macroF1: 1 },
    });
  });

  const corrupt = (patch: Record<string, unknown>) => ({ ...JSON.parse(JSON.stringify(artifact)), ...patch });

  it.each([
    ['not an object', 'model.bin', /expected a JSON object/],
    ['another format', corrupt({ format: 'something-else' }), /format is "something-else"/],
    ['a future version', corrupt({ version: 2 }), /version 2 is not supported/],
    ['a weight row of the wrong length', corrupt({ weights: artifact.weights.map((row, j) => (j === 3 ? row.slice(1) : row)) }), /weight row 3/],
    ['fewer rows than terms', corrupt({ weights: artifact.weights.slice(1) }), /rows for/],
    ['a non-numeric weight', corrupt({ bias: artifact.bias.map(() => 'x') }), /"bias"/],
    ['an unknown segmenter', corrupt({ options: { ...artifact.options, features: { ...artifact.options.features, segmenter: 'hanlp' } } }), /segmenter/],
  ])('refuses %s with a clear error', (_, value, message) => {
    expect(() => loadModel(value)).toThrow(message);
  });
});
