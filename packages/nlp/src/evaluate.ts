// Accuracy, per-label precision/recall/F1, macro-F1 and the confusion matrix. Macro-F1 is the
// headline figure because categories are unbalanced (城乡建设 ≈ 22 %, 交通运输 ≈ 7 %).
import type { CategoryModel } from './model';
import { labelProbabilities, messageVector } from './predict';
import type { LabelledExample } from './types';

export interface LabelScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvaluationReport {
  n: number;
  accuracy: number;
  macroF1: number;
  perLabel: Record<string, LabelScores>;
  /** matrix[i][j] = examples whose true label is labels[i] and predicted label labels[j]. */
  confusion: { labels: string[]; matrix: number[][] };
}

export interface LabelPair {
  actual: string;
  predicted: string;
}

/**
 * Scores (actual, predicted) pairs. Labels are those of `labels` plus any others seen; macro-F1
 * averages over labels that occur as actual or predicted (as scikit-learn does), with F1 = 0 for
 * a label whose precision and recall are both undefined or zero.
 */
export function scorePredictions(pairs: readonly LabelPair[], labels: readonly string[] = []): EvaluationReport {
  const all = [...labels];
  for (const p of pairs) {
    if (!all.includes(p.actual)) all.push(p.actual);
    if (!all.includes(p.predicted)) all.push(p.predicted);
  }
  const index = new Map(all.map((l, i) => [l, i]));
  const matrix = all.map(() => all.map(() => 0));
  let correct = 0;
  for (const p of pairs) {
    const row = matrix[index.get(p.actual) ?? 0] as number[];
    const col = index.get(p.predicted) ?? 0;
    row[col] = (row[col] as number) + 1;
    if (p.actual === p.predicted) correct++;
  }
  const perLabel: Record<string, LabelScores> = {};
  let f1Sum = 0;
  let averaged = 0;
  all.forEach((label, i) => {
    const tp = matrix[i]?.[i] ?? 0;
    const support = (matrix[i] ?? []).reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((a, row) => a + (row[i] ?? 0), 0);
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perLabel[label] = { precision, recall, f1, support };
    if (support > 0 || predicted > 0) {
      f1Sum += f1;
      averaged++;
    }
  });
  return {
    n: pairs.length,
    accuracy: pairs.length > 0 ? correct / pairs.length : 0,
    macroF1: averaged > 0 ? f1Sum / averaged : 0,
    perLabel,
    confusion: { labels: all, matrix },
  };
}

/** The model's top label for each example, scored against the example's own label. */
export function evaluate(model: CategoryModel, examples: readonly LabelledExample[]): EvaluationReport {
  const pairs = examples.map((e) => {
    const p = labelProbabilities(model, messageVector(model, e));
    let best = 0;
    for (let k = 1; k < p.length; k++) if ((p[k] as number) > (p[best] as number)) best = k;
    return { actual: e.label, predicted: model.labels[best] as string };
  });
  return scorePredictions(pairs, model.labels);
}
