// The vocabulary and term weighting fitted on a training set, and the mapping of a message's
// terms into a sparse, optionally TF-IDF-weighted and L2-normalised vector.

export interface Weighting {
  /** 'log' = 1 + ln(count): a word said ten times is not ten times the evidence. */
  tf: 'raw' | 'log';
  idf: boolean;
  l2: boolean;
}

export interface VectorSpace {
  terms: string[];
  index: Map<string, number>;
  /** Inverse document frequency per term (all 1 when weighting.idf is false). */
  idf: Float64Array;
  weighting: Weighting;
}

export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

export interface VocabularyOptions {
  /** Terms seen in fewer documents are dropped: they cannot generalise and they bloat the model. */
  minDf: number;
  /** Keep only this many terms (highest document frequency first); 0 = no cap. */
  maxTerms: number;
}

export function fitVectorSpace(docs: readonly Map<string, number>[], weighting: Weighting, options: VocabularyOptions): VectorSpace {
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  let kept = [...df].filter(([, n]) => n >= options.minDf);
  // Ties broken by the term itself so the vocabulary does not depend on Map insertion order.
  kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (options.maxTerms > 0) kept = kept.slice(0, options.maxTerms);
  const terms = kept.map(([term]) => term);
  const idf = new Float64Array(terms.length);
  kept.forEach(([, n], i) => {
    idf[i] = weighting.idf ? Math.log((1 + docs.length) / (1 + n)) + 1 : 1;
  });
  return createVectorSpace(terms, idf, weighting);
}

export function createVectorSpace(terms: string[], idf: Float64Array, weighting: Weighting): VectorSpace {
  return { terms, index: new Map(terms.map((t, i) => [t, i])), idf, weighting };
}

export function vectorize(space: VectorSpace, doc: Map<string, number>): SparseVector {
  const indices: number[] = [];
  const values: number[] = [];
  let norm = 0;
  for (const [term, count] of doc) {
    const i = space.index.get(term);
    if (i === undefined) continue;
    const tf = space.weighting.tf === 'log' ? 1 + Math.log(count) : count;
    const v = tf * (space.idf[i] ?? 1);
    indices.push(i);
    values.push(v);
    norm += v * v;
  }
  if (space.weighting.l2 && norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let k = 0; k < values.length; k++) values[k] = (values[k] as number) * inv;
  }
  return { indices: Int32Array.from(indices), values: Float64Array.from(values) };
}
