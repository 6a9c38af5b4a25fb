import { describe, expect, it } from 'vitest';
import { scorePredictions } from '../src/index';

describe('scorePredictions', () => {
  // Six hand-made predictions over labels A, B, C (D is known but never occurs):
  //   actual A → predicted A, A, B     actual B → predicted B, A     actual C → predicted C
  // Correct: 4 of 6 → accuracy 2/3.
  // A: tp 2, predicted A 3 times (2 from A, 1 from B), 3 actual → precision 2/3, recall 2/3, F1 2/3.
  // B: tp 1, predicted B 2 times (1 from A, 1 from B), 2 actual → precision 1/2, recall 1/2, F1 1/2.
  // C: tp 1, predicted once, 1 actual → precision 1, recall 1, F1 1.
  // D: never actual nor predicted → left out of the average.
  // Macro-F1 = (2/3 + 1/2 + 1) / 3 = 13/18 ≈ 0.7222.
  const pairs = [
    { actual: 'A', predicted: 'A' },
    { actual: 'A', predicted: 'A' },
    { actual: 'A', predicted: 'B' },
    { actual: 'B', predicted: 'B' },
    { actual: 'B', predicted: 'A' },
    { actual: 'C', predicted: 'C' },
  ];
  const report = scorePredictions(pairs, ['A', 'B', 'C', 'D']);

  it('computes accuracy and macro-F1', () => {
    expect(report.n).toBe(6);
    expect(report.accuracy).toBeCloseTo(2 / 3, 10);
    expect(report.macroF1).toBeCloseTo(13 / 18, 10);
  });

  it('computes precision, recall, F1 and support per label', () => {
    expect(report.perLabel.A?.precision).toBeCloseTo(2 / 3, 10);
    expect(report.perLabel.A?.recall).toBeCloseTo(2 / 3, 10);
    expect(report.perLabel.A?.f1).toBeCloseTo(2 / 3, 10);
    expect(report.perLabel.B).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(report.perLabel.C).toEqual({ precision: 1, recall: 1, f1: 1, support: 1 });
    expect(report.perLabel.D).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
  });

  it('builds the confusion matrix with actual labels as rows', () => {
    expect(report.confusion).toEqual({
      labels: ['A', 'B', 'C', 'D'],
      matrix: [
        [2, 1, 0, 0],
        [1, 1, 0, 0],
        [0, 0, 1, 0],
        [0, 0, 0, 0],
      ],
    });
  });

  it('adds labels it was not told about and scores an empty set as zero', () => {
    expect(scorePredictions([{ actual: 'X', predicted: 'Y' }]).confusion.labels).toEqual(['X', 'Y']);
    expect(scorePredictions([])).toMatchObject({ n: 0, accuracy: 0, macroF1: 0 });
  });
});
