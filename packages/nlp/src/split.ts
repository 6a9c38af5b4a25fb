// Reproducible stratified train/test split: every label keeps its share in both halves, so the
// rare categories are present in the test set and macro-F1 stays meaningful.
import { seededRandom, shuffleInPlace } from './rng';

export interface SplitOptions {
  /** Fraction of each label's examples that goes to the test set, in (0, 1). */
  testShare: number;
  seed: number;
}

export function stratifiedSplit<T extends { label: string }>(examples: readonly T[], options: SplitOptions): { train: T[]; test: T[] } {
  if (!(options.testShare > 0 && options.testShare < 1)) throw new Error('testShare must be between 0 and 1.');
  const random = seededRandom(options.seed);
  const byLabel = new Map<string, T[]>();
  for (const e of examples) {
    const group = byLabel.get(e.label);
    if (group) group.push(e);
    else byLabel.set(e.label, [e]);
  }
  const train: T[] = [];
  const test: T[] = [];
  // Labels in sorted order so the random stream is consumed the same way every run.
  for (const label of [...byLabel.keys()].sort()) {
    const group = shuffleInPlace([...(byLabel.get(label) ?? [])], random);
    const testCount = Math.round(group.length * options.testShare);
    test.push(...group.slice(0, testCount));
    train.push(...group.slice(testCount));
  }
  return { train, test };
}
