// Text grouping (DESIGN §7: one mechanism for hotspots, duplicates and warnings): requests about the
// same problem, found from their words. Each text is an IDF-weighted, L2-normalised bag of its
// (already segmented, deduplicated) words; a group is the running sum of its members' vectors
// (its centroid). Texts are taken one at a time: each joins the most similar group (cosine against
// the centroid) when the similarity reaches a threshold, else it starts a group. Candidate groups
// come from an inverted index over each group's strongest words, so a text is compared with a few
// dozen groups, not all of them — the same index attaches a new case to its group at intake.
// Pure: no I/O, no clock.

export interface TextGroupingOptions {
  /** Cosine similarity (0–1) from which a text joins a group. */
  threshold: number;
  /** Words of a text kept for matching: its rarest words that occur in at least `minDf` texts. */
  maxTermsPerText: number;
  /** Words a group is found by (its signature): the strongest of its centroid. */
  signatureTerms: number;
  /** A word seen in fewer texts cannot link two texts. */
  minDf: number;
  /** A word in more than this share of texts says nothing about the subject (小区, 居民 …). */
  maxDfShare: number;
  /**
   * Groups reachable through one word: the ones where it weighs most (weight × (1 + ln size), so a
   * big group keeps its words against the singletons that share them). Bounds the work per text.
   */
  maxPostings: number;
  /** Candidates (best partial scores from the postings) checked with the exact cosine. */
  exactChecks: number;
}

export const DEFAULT_TEXT_GROUPING: TextGroupingOptions = {
  threshold: 0.2,
  maxTermsPerText: 24,
  signatureTerms: 16,
  minDf: 2,
  maxDfShare: 0.5,
  maxPostings: 32,
  exactChecks: 4,
};

export interface TextDoc {
  id: string;
  tokens: readonly string[];
  /** Only texts in the same block are grouped together (e.g. the case's level-1 category); null = one block. */
  block?: string | null;
}

/** Term weights: inverse document frequency, fitted on the texts being grouped. */
export interface TermWeights {
  /** ln(N / df) for the words that can link texts; words absent here are ignored. */
  idf: ReadonlyMap<string, number>;
  docCount: number;
}

/**
 * `exclude`: words that must not link texts — place names, so that one problem reported from many
 * streets is one group and not one group per street (the spread is measured from the case's place).
 */
export function fitTermWeights(
  docs: Iterable<{ tokens: readonly string[] }>,
  opts: Pick<TextGroupingOptions, 'minDf' | 'maxDfShare'> = DEFAULT_TEXT_GROUPING,
  exclude: ReadonlySet<string> = new Set(),
): TermWeights {
  const df = new Map<string, number>();
  let n = 0;
  for (const d of docs) {
    n++;
    for (const t of d.tokens) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const maxDf = Math.max(opts.minDf, Math.floor(opts.maxDfShare * n));
  const idf = new Map<string, number>();
  for (const [t, c] of df) if (c >= opts.minDf && c <= maxDf && !exclude.has(t)) idf.set(t, Math.log(n / c));
  return { idf, docCount: n };
}

/** A text as a sparse unit vector over its kept words (strongest first). */
export interface TermVector {
  terms: string[];
  weights: number[];
}

export function vectorizeText(tokens: readonly string[], weights: TermWeights, maxTerms: number): TermVector {
  const kept: [string, number][] = [];
  const seen = new Set<string>();
  for (const t of tokens) {
    if (seen.has(t)) continue;
    seen.add(t);
    const w = weights.idf.get(t);
    if (w !== undefined && w > 0) kept.push([t, w]);
  }
  kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (kept.length > maxTerms) kept.length = maxTerms;
  let norm = 0;
  for (const [, w] of kept) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return { terms: kept.map(([t]) => t), weights: kept.map(([, w]) => w / norm) };
}

/** A group's words with their centroid weights (unit length), strongest first: how it is found again. */
export interface GroupSignature {
  terms: string[];
  weights: number[];
}

interface LiveGroup {
  key: number;
  block: string;
  sum: Map<string, number>;
  norm2: number;
  size: number;
  indexed: string[];
  indexedAtSize: number;
}

export interface GroupMatch {
  key: number;
  similarity: number;
}

/**
 * The inverted index over group signatures, and the centroids behind them. Used both to build
 * groups (add texts one at a time) and, loaded from stored signatures, to attach a new case.
 */
export class TextGroupIndex {
  private readonly groups: LiveGroup[] = [];
  /** word → the groups indexed under it, strongest impact first, at most maxPostings. */
  private readonly postings = new Map<string, Posting[]>();
  /** Scratch for partial scores, indexed by group key (zero between calls). */
  private scores = new Float64Array(1024);

  constructor(private readonly opts: TextGroupingOptions = DEFAULT_TEXT_GROUPING) {}

  get size(): number {
    return this.groups.length;
  }

  /** A group known only by its stored signature (incremental attach after a computation). */
  addSignature(block: string | null, sig: GroupSignature, size: number): number {
    const sum = new Map<string, number>();
    let norm2 = 0;
    sig.terms.forEach((t, i) => {
      const w = (sig.weights[i] ?? 0) * size;
      sum.set(t, w);
      norm2 += w * w;
    });
    return this.create(block ?? '', sum, norm2, size);
  }

  /** The most similar group of the same block at or above the threshold, or null. */
  match(v: TermVector, block: string | null | undefined): GroupMatch | null {
    return this.best(v, block ?? '', -1, false);
  }

  /** Like match, but never group `self`, only groups of two or more, and at any similarity. */
  matchOther(v: TermVector, block: string | null | undefined, self: number): GroupMatch | null {
    return this.best(v, block ?? '', self, true);
  }

  /**
   * Candidates by partial dot product over the postings (each posting holds the word's weight in
   * the group's centroid when it was indexed), then the exact cosine for the best few.
   */
  private best(v: TermVector, b: string, self: number, isMerge: boolean): GroupMatch | null {
    if (v.terms.length === 0) return null;
    if (this.scores.length < this.groups.length) this.scores = new Float64Array(Math.max(this.groups.length, this.scores.length * 2));
    const scores = this.scores;
    const touched: number[] = [];
    for (let i = 0; i < v.terms.length; i++) {
      const p = this.postings.get(v.terms[i] as string);
      if (p === undefined) continue;
      const w = v.weights[i] as number;
      for (const e of p) {
        if (e.key === self) continue;
        if (scores[e.key] === 0) touched.push(e.key);
        scores[e.key] = (scores[e.key] as number) + w * e.weight;
      }
    }
    const top: number[] = [];
    const at = (k: number) => scores[k] as number;
    for (const k of touched) {
      const g = this.groups[k] as LiveGroup;
      if (g.block !== b || g.size === 0 || (isMerge && g.size < 2)) continue;
      if (top.length < this.opts.exactChecks) top.push(k);
      else if (at(k) > at(top[top.length - 1] as number)) top[top.length - 1] = k;
      else continue;
      top.sort((x, y) => at(y) - at(x));
    }
    for (const k of touched) scores[k] = 0;
    let best: GroupMatch | null = null;
    for (const k of top) {
      const sim = this.cosine(v, this.groups[k] as LiveGroup);
      if ((isMerge || sim >= this.opts.threshold) && (best === null || sim > best.similarity)) best = { key: k, similarity: sim };
    }
    return best;
  }

  /** Joins `v` to group `key` (or starts a group when key is null); returns the group's key. */
  add(v: TermVector, block: string | null | undefined, key: number | null): number {
    if (key === null) {
      const sum = new Map<string, number>();
      v.terms.forEach((t, i) => sum.set(t, v.weights[i] ?? 0));
      return this.create(block ?? '', sum, 1, 1);
    }
    const g = this.groups[key] as LiveGroup;
    v.terms.forEach((t, i) => {
      const w = v.weights[i] ?? 0;
      const old = g.sum.get(t) ?? 0;
      g.sum.set(t, old + w);
      g.norm2 += (old + w) * (old + w) - old * old;
    });
    g.size++;
    // Re-index when the group has grown by half since: its strongest words settle as it grows.
    if (g.size >= g.indexedAtSize * 1.5 + 1) this.reindex(g);
    return key;
  }

  /** Merges group `from` into `into` (centroid sums add); `from` is emptied and unindexed. */
  merge(into: number, from: number): void {
    const a = this.groups[into] as LiveGroup;
    const b = this.groups[from] as LiveGroup;
    for (const [t, w] of b.sum) {
      const old = a.sum.get(t) ?? 0;
      a.sum.set(t, old + w);
      a.norm2 += (old + w) * (old + w) - old * old;
    }
    a.size += b.size;
    this.unindex(b);
    b.sum = new Map();
    b.norm2 = 0;
    b.size = 0;
    this.reindex(a);
  }

  /** A group's centroid as a unit vector over its strongest words. */
  centroid(key: number, terms = this.opts.maxTermsPerText): TermVector {
    const s = this.signature(key, terms);
    let n = 0;
    for (const w of s.weights) n += w * w;
    n = Math.sqrt(n) || 1;
    return { terms: s.terms, weights: s.weights.map((w) => w / n) };
  }

  /** Cosine of a text with a group's centroid. */
  similarity(v: TermVector, key: number): number {
    return this.cosine(v, this.groups[key] as LiveGroup);
  }

  signature(key: number, terms = this.opts.signatureTerms): GroupSignature {
    const g = this.groups[key] as LiveGroup;
    const top = topTerms(g.sum, terms);
    const norm = Math.sqrt(g.norm2) || 1;
    return { terms: top.map(([t]) => t), weights: top.map(([, w]) => round4(w / norm)) };
  }

  groupSize(key: number): number {
    return (this.groups[key] as LiveGroup).size;
  }

  private cosine(v: TermVector, g: LiveGroup): number {
    let dot = 0;
    for (let i = 0; i < v.terms.length; i++) {
      const c = g.sum.get(v.terms[i] as string);
      if (c !== undefined) dot += c * (v.weights[i] as number);
    }
    return g.norm2 > 0 ? dot / Math.sqrt(g.norm2) : 0;
  }

  private create(block: string, sum: Map<string, number>, norm2: number, size: number): number {
    const g: LiveGroup = { key: this.groups.length, block, sum, norm2, size, indexed: [], indexedAtSize: size };
    this.groups.push(g);
    this.reindex(g);
    return g.key;
  }

  private unindex(g: LiveGroup): void {
    for (const t of g.indexed) {
      const p = this.postings.get(t);
      if (p === undefined) continue;
      const i = p.findIndex((e) => e.key === g.key);
      if (i >= 0) p.splice(i, 1);
    }
    g.indexed = [];
  }

  private reindex(g: LiveGroup): void {
    this.unindex(g);
    const norm = Math.sqrt(g.norm2) || 1;
    const boost = 1 + Math.log(Math.max(1, g.size));
    const cap = this.opts.maxPostings;
    for (const [t, sum] of topTerms(g.sum, this.opts.signatureTerms)) {
      const weight = sum / norm;
      const impact = weight * boost;
      let p = this.postings.get(t);
      if (p === undefined) this.postings.set(t, (p = []));
      if (p.length >= cap && (p[p.length - 1] as Posting).impact >= impact) continue;
      let i = p.length;
      while (i > 0 && (p[i - 1] as Posting).impact < impact) i--;
      p.splice(i, 0, { key: g.key, weight, impact });
      if (p.length > cap) {
        const dropped = p.pop() as Posting;
        const d = this.groups[dropped.key] as LiveGroup;
        d.indexed = d.indexed.filter((x) => x !== t);
      }
      g.indexed.push(t);
    }
    g.indexedAtSize = g.size;
  }
}

interface Posting {
  key: number;
  /** The word's weight in the group's unit centroid when indexed. */
  weight: number;
  /** weight × (1 + ln size): who keeps a place in a full list. */
  impact: number;
}

export interface TextGroup {
  /** Member ids, in the order they were taken. */
  memberIds: string[];
  block: string | null;
  signature: GroupSignature;
}

export interface TextGrouping {
  groups: TextGroup[];
  /** Each text's group (index into groups) and its similarity to the final centroid. */
  assignment: Map<string, { group: number; similarity: number }>;
  weights: TermWeights;
}

/**
 * Groups texts in one pass (give them in time order: a group then grows as the problem did), then
 * scores every member against its group's final centroid. Texts with no linking word form no group.
 */
export function groupTexts(docs: readonly TextDoc[], opts: TextGroupingOptions = DEFAULT_TEXT_GROUPING, weights = fitTermWeights(docs, opts)): TextGrouping {
  const index = new TextGroupIndex(opts);
  const keyOf: number[] = new Array<number>(docs.length).fill(-1);
  const vectors: (TermVector | null)[] = new Array<TermVector | null>(docs.length).fill(null);
  docs.forEach((d, i) => {
    const v = vectorizeText(d.tokens, weights, opts.maxTermsPerText);
    if (v.terms.length === 0) return;
    vectors[i] = v;
    const m = index.match(v, d.block);
    keyOf[i] = index.add(v, d.block, m?.key ?? null);
  });
  // Single-pass grouping splits a problem when its first texts differ: merge groups whose
  // centroids are as similar as a text must be to join (largest first, so small ones fold in).
  const sizes = new Map<number, number>();
  const firstDoc = new Map<number, number>();
  keyOf.forEach((k, i) => {
    if (k < 0) return;
    sizes.set(k, (sizes.get(k) ?? 0) + 1);
    if (!firstDoc.has(k)) firstDoc.set(k, i);
  });
  const order = [...sizes]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([k]) => k);
  const mergedInto = new Map<number, number>();
  for (const k of order) {
    if (index.groupSize(k) === 0) continue;
    const m = index.matchOther(index.centroid(k), docs[firstDoc.get(k) as number]?.block, k);
    if (m !== null && m.similarity >= opts.threshold) {
      index.merge(m.key, k);
      mergedInto.set(k, m.key);
    }
  }
  const finalKey = (k: number): number => {
    let x = k;
    while (mergedInto.has(x)) x = mergedInto.get(x) as number;
    return x;
  };
  const members = new Map<number, number[]>();
  keyOf.forEach((k0, i) => {
    if (k0 < 0) return;
    const k = finalKey(k0);
    let list = members.get(k);
    if (list === undefined) members.set(k, (list = []));
    list.push(i);
  });
  const groups: TextGroup[] = [];
  const assignment = new Map<string, { group: number; similarity: number }>();
  for (const [k, list] of members) {
    const gi = groups.length;
    groups.push({ memberIds: list.map((i) => (docs[i] as TextDoc).id), block: (docs[list[0] as number] as TextDoc).block ?? null, signature: index.signature(k) });
    for (const i of list) assignment.set((docs[i] as TextDoc).id, { group: gi, similarity: round4(index.similarity(vectors[i] as TermVector, k)) });
  }
  return { groups, assignment, weights };
}

/**
 * Stored groups, ready to take new texts: the index behind incremental attach. `idf` holds the
 * weights of the computation the signatures came from; a word it does not know links nothing.
 */
export class GroupAttacher<K> {
  private readonly index: TextGroupIndex;
  private readonly keys: K[] = [];

  constructor(
    private readonly weights: TermWeights,
    groups: readonly { key: K; block: string | null; signature: GroupSignature; size: number }[],
    private readonly opts: TextGroupingOptions = DEFAULT_TEXT_GROUPING,
  ) {
    this.index = new TextGroupIndex(opts);
    for (const g of groups) {
      this.index.addSignature(g.block, g.signature, Math.max(1, g.size));
      this.keys.push(g.key);
    }
  }

  /** The group a new text belongs to, or null when none is similar enough. */
  attach(tokens: readonly string[], block: string | null): { key: K; similarity: number } | null {
    const v = vectorizeText(tokens, this.weights, this.opts.maxTermsPerText);
    const m = this.index.match(v, block);
    if (m === null) return null;
    return { key: this.keys[m.key] as K, similarity: round4(m.similarity) };
  }
}

/** Cosine of a text with a signature, on given term weights (how a case is matched to a problem). */
export function signatureSimilarity(tokens: readonly string[], signature: GroupSignature, weights: TermWeights, maxTerms = DEFAULT_TEXT_GROUPING.maxTermsPerText): number {
  const v = vectorizeText(tokens, weights, maxTerms);
  const w = new Map(signature.terms.map((t, i) => [t, signature.weights[i] ?? 0]));
  let dot = 0;
  let norm2 = 0;
  for (const x of signature.weights) norm2 += x * x;
  v.terms.forEach((t, i) => (dot += (w.get(t) ?? 0) * (v.weights[i] ?? 0)));
  return norm2 > 0 ? round4(dot / Math.sqrt(norm2)) : 0;
}

/** |A∩B| / |A∪B| and the shared words, for two deduplicated token lists (duplicate search). */
export function jaccard(a: readonly string[], b: readonly string[]): { similarity: number; shared: string[] } {
  const set = new Set(a);
  const shared = b.filter((t) => set.has(t));
  const union = set.size + b.length - shared.length;
  return { similarity: union === 0 ? 0 : shared.length / union, shared };
}

function topTerms(sum: ReadonlyMap<string, number>, n: number): [string, number][] {
  const all = [...sum];
  all.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return all.slice(0, n);
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
