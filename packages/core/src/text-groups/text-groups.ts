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

/**
 * Texts as word ids — a vocabulary and every text's ids one after another (text i's words are
 * `ids[starts[i]] … ids[starts[i + 1] - 1]`) — with each text's block. How a month of a big city is
 * held: a few bytes per word instead of a string array and a vector object per text.
 */
export interface EncodedTexts {
  /** id → word; ties between equally weighted words are broken by the word, as with strings. */
  words: readonly string[];
  starts: Int32Array;
  ids: Int32Array;
  /** Index into blockNames per text. */
  blocks: Int32Array;
  /** null and '' are the same block (no block). */
  blockNames: readonly (string | null)[];
}

/** Encodes string texts (the small-corpus path: tests, duplicates, the messages evaluation). */
export function encodeTexts(docs: readonly Pick<TextDoc, 'tokens' | 'block'>[]): EncodedTexts {
  const words: string[] = [];
  const idOf = new Map<string, number>();
  const blockNames: (string | null)[] = [];
  const blockOf = new Map<string, number>();
  let total = 0;
  for (const d of docs) total += d.tokens.length;
  const starts = new Int32Array(docs.length + 1);
  const ids = new Int32Array(total);
  const blocks = new Int32Array(docs.length);
  let at = 0;
  docs.forEach((d, i) => {
    starts[i] = at;
    for (const t of d.tokens) {
      let id = idOf.get(t);
      if (id === undefined) {
        id = words.length;
        words.push(t);
        idOf.set(t, id);
      }
      ids[at++] = id;
    }
    const b = d.block ?? '';
    let bi = blockOf.get(b);
    if (bi === undefined) {
      bi = blockNames.length;
      blockNames.push(d.block ?? null);
      blockOf.set(b, bi);
    }
    blocks[i] = bi;
  });
  starts[docs.length] = at;
  return { words, starts, ids, blocks, blockNames };
}

/** Term weights by word id (0 = the word links nothing), fitted like fitTermWeights. */
export function fitEncodedTermWeights(
  texts: Pick<EncodedTexts, 'words' | 'starts' | 'ids'>,
  opts: Pick<TextGroupingOptions, 'minDf' | 'maxDfShare'> = DEFAULT_TEXT_GROUPING,
  exclude: ReadonlySet<string> = new Set(),
): Float64Array {
  const df = new Int32Array(texts.words.length);
  const n = texts.starts.length - 1;
  const end = texts.starts[n] as number;
  for (let i = 0; i < end; i++) (df[texts.ids[i] as number] as number)++;
  const maxDf = Math.max(opts.minDf, Math.floor(opts.maxDfShare * n));
  const idf = new Float64Array(texts.words.length);
  for (let id = 0; id < df.length; id++) {
    const c = df[id] as number;
    if (c >= opts.minDf && c <= maxDf && !exclude.has(texts.words[id] as string)) idf[id] = Math.log(n / c);
  }
  return idf;
}

/** The Map form of encoded weights (what is stored with a run and weighs a new case at intake). */
export function decodeTermWeights(words: readonly string[], idf: Float64Array, docCount: number): TermWeights {
  const m = new Map<string, number>();
  for (let id = 0; id < idf.length; id++) if ((idf[id] as number) > 0) m.set(words[id] as string, idf[id] as number);
  return { idf: m, docCount };
}

/**
 * Vectorises texts given as word ids into reused buffers (no allocation per text): the same
 * words, order and weights as vectorizeText.
 */
class Vectorizer {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  length = 0;
  private seen: Int32Array;
  private stamp = 0;
  private candIds: Int32Array;
  private candW: Float64Array;

  /** Each linking word's place in the order "weight descending, then the word" (see rankOfWords). */
  private readonly rank: Int32Array;

  constructor(
    private readonly words: readonly string[],
    private readonly idf: Float64Array,
    private readonly maxTerms: number,
  ) {
    this.ids = new Int32Array(maxTerms);
    this.weights = new Float64Array(maxTerms);
    this.seen = new Int32Array(words.length);
    this.candIds = new Int32Array(64);
    this.candW = new Float64Array(64);
    this.rank = rankOfWords(words, idf);
  }

  /** Vectorises src[from, to); returns the number of kept words (in this.ids / this.weights). */
  run(src: Int32Array, from: number, to: number): number {
    if (++this.stamp === 0x7fffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    if (this.seen.length < this.words.length) {
      const s = new Int32Array(Math.max(this.words.length, this.seen.length * 2));
      s.set(this.seen);
      this.seen = s;
    }
    const stamp = this.stamp;
    const rank = this.rank;
    let k = 0;
    for (let i = from; i < to; i++) {
      const id = src[i] as number;
      if (this.seen[id] === stamp) continue;
      this.seen[id] = stamp;
      const w = id < this.idf.length ? (this.idf[id] as number) : 0;
      if (!(w > 0)) continue;
      if (k === this.candIds.length) this.growCandidates();
      // Insertion sort: weight descending, then the word (a text has a few dozen words) — one
      // integer comparison by rank, not a string comparison for every tie of weights.
      const r = rank[id] as number;
      let j = k++;
      while (j > 0 && r < (rank[this.candIds[j - 1] as number] as number)) {
        this.candIds[j] = this.candIds[j - 1] as number;
        this.candW[j] = this.candW[j - 1] as number;
        j--;
      }
      this.candIds[j] = id;
      this.candW[j] = w;
    }
    const n = Math.min(k, this.maxTerms);
    let norm = 0;
    for (let i = 0; i < n; i++) norm += (this.candW[i] as number) * (this.candW[i] as number);
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) {
      this.ids[i] = this.candIds[i] as number;
      this.weights[i] = (this.candW[i] as number) / norm;
    }
    this.length = n;
    return n;
  }

  private growCandidates(): void {
    const ids = new Int32Array(this.candIds.length * 2);
    ids.set(this.candIds);
    const w = new Float64Array(this.candW.length * 2);
    w.set(this.candW);
    this.candIds = ids;
    this.candW = w;
  }
}

/** Ranks computed per weights array (one sort per thread, shared by the blocks it groups). */
const ranks = new WeakMap<Float64Array, { words: readonly string[]; rank: Int32Array }>();

/**
 * For every word id with a weight, its position in the order weight descending then the word
 * (code-unit order, as `<` compares strings): the order Vectorizer keeps a text's words in.
 */
function rankOfWords(words: readonly string[], idf: Float64Array): Int32Array {
  const known = ranks.get(idf);
  if (known !== undefined && known.words === words) return known.rank;
  const linking: number[] = [];
  for (let id = 0; id < idf.length; id++) if ((idf[id] as number) > 0) linking.push(id);
  linking.sort((a, b) => {
    const wa = idf[a] as number;
    const wb = idf[b] as number;
    if (wa !== wb) return wa > wb ? -1 : 1;
    const ta = words[a] as string;
    const tb = words[b] as string;
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  });
  const rank = new Int32Array(idf.length);
  linking.forEach((id, r) => (rank[id] = r));
  ranks.set(idf, { words, rank });
  return rank;
}

/**
 * A group's word id → summed weight, as a Map<number, number> holds it (insertion order kept, so
 * sums and norms add up in the same order), in typed arrays with an open-addressing index: the
 * exact cosine looks up every word of a text in a few candidates' sums, the grouping's hottest path.
 */
class TermSums {
  /** Words in insertion order, and their sums. */
  keys: Int32Array;
  vals: Float64Array;
  size = 0;
  /** Open addressing, linear probing: position + 1 of the word, 0 empty. */
  private slots: Int32Array;
  private mask: number;
  private shift: number;

  constructor(capacity = 8) {
    let bits = 4;
    while (1 << bits < capacity * 2) bits++;
    this.slots = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
    this.keys = new Int32Array(capacity);
    this.vals = new Float64Array(capacity);
  }

  /** Position of word t in keys / vals, or -1. */
  indexOf(t: number): number {
    let h = Math.imul(t, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const at = this.slots[h] as number;
      if (at === 0) return -1;
      if (this.keys[at - 1] === t) return at - 1;
      h = (h + 1) & this.mask;
    }
  }

  /** Map.set: replaces a word's sum, or appends the word. */
  set(t: number, v: number): void {
    const at = this.indexOf(t);
    if (at >= 0) this.vals[at] = v;
    else this.append(t, v);
  }

  /** sum += w for word t (0 when new); returns the sum before. */
  addTo(t: number, w: number): number {
    const at = this.indexOf(t);
    if (at >= 0) {
      const old = this.vals[at] as number;
      this.vals[at] = old + w;
      return old;
    }
    this.append(t, w);
    return 0;
  }

  private append(t: number, v: number): void {
    if (this.size === this.keys.length) {
      const keys = new Int32Array(this.keys.length * 2);
      keys.set(this.keys);
      const vals = new Float64Array(this.vals.length * 2);
      vals.set(this.vals);
      this.keys = keys;
      this.vals = vals;
    }
    this.keys[this.size] = t;
    this.vals[this.size] = v;
    this.size++;
    if (this.size * 2 > this.slots.length) this.rehash();
    else this.place(t, this.size);
  }

  private place(t: number, position1: number): void {
    let h = Math.imul(t, 0x9e3779b1) >>> this.shift;
    while (this.slots[h] !== 0) h = (h + 1) & this.mask;
    this.slots[h] = position1;
  }

  private rehash(): void {
    const bits = 32 - this.shift + 1;
    this.slots = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
    for (let i = 0; i < this.size; i++) this.place(this.keys[i] as number, i + 1);
  }
}

interface LiveGroup {
  key: number;
  block: number;
  /** Word id → summed weight; null while the group is one text (its vector, in the pool, stands in). */
  sum: TermSums | null;
  /** The founding text's vector in the pool (used while sum is null). */
  vecAt: number;
  vecLen: number;
  norm2: number;
  size: number;
  indexed: number[];
  indexedAtSize: number;
}

/** One word's posting list, strongest impact first, in fixed arrays (one slot spare for the insert before a drop). */
interface Postings {
  n: number;
  keys: Int32Array;
  /** The word's weight in each group's unit centroid when indexed. */
  weights: Float64Array;
  /** weight × (1 + ln size): who keeps a place in a full list. */
  impacts: Float64Array;
}

export interface GroupMatch {
  key: number;
  similarity: number;
}

/**
 * The inverted index over group signatures, and the centroids behind them. Used both to build
 * groups (add texts one at a time) and, loaded from stored signatures, to attach a new case.
 * Words are integer ids into a vocabulary shared with the encoded texts; a group of one text keeps
 * its vector in a shared pool rather than in a map of its own (most groups of a month are one text).
 */
export class TextGroupIndex {
  private readonly groups: LiveGroup[] = [];
  /**
   * Per block, word id → the block's groups indexed under it, strongest impact first, at most
   * maxPostings. Per block because texts only join groups of their own block: a common word's list
   * then holds that block's groups, not other blocks' ones a text could never join.
   */
  private readonly postings: (Postings | undefined)[][] = [];
  /** Scratch for partial scores, indexed by group key (zero between calls). */
  private scores = new Float64Array(1024);
  private touched = new Int32Array(1024);
  private top = new Int32Array(4);
  /** Each group's size by key (what the candidate loop filters on, without opening the group). */
  private sizes = new Int32Array(1024);
  private poolIds = new Int32Array(4096);
  private poolW = new Float64Array(4096);
  private poolLen = 0;
  private readonly blockIds = new Map<string, number>();
  private idOf: Map<string, number> | null = null;

  /**
   * `words`: the vocabulary (id → word) of the texts added; the index appends the words of
   * signatures and string vectors it is given.
   */
  constructor(
    private readonly opts: TextGroupingOptions = DEFAULT_TEXT_GROUPING,
    private readonly words: string[] = [],
  ) {}

  get size(): number {
    return this.groups.length;
  }

  /** The block id of a block name (null and '' are one block). */
  blockId(block: string | null | undefined): number {
    const b = block ?? '';
    let id = this.blockIds.get(b);
    if (id === undefined) this.blockIds.set(b, (id = this.blockIds.size));
    return id;
  }

  /** A word's id, appending it to the vocabulary when new (create) or -1. */
  wordId(word: string, create: boolean): number {
    if (this.idOf === null) this.idOf = new Map(this.words.map((w, i) => [w, i]));
    let id = this.idOf.get(word);
    if (id === undefined) {
      if (!create) return -1;
      id = this.words.length;
      this.words.push(word);
      this.idOf.set(word, id);
    }
    return id;
  }

  /** A group known only by its stored signature (incremental attach after a computation). */
  addSignature(block: string | null, sig: GroupSignature, size: number): number {
    const sum = new TermSums(sig.terms.length);
    let norm2 = 0;
    sig.terms.forEach((t, i) => {
      const w = (sig.weights[i] ?? 0) * size;
      sum.set(this.wordId(t, true), w);
      norm2 += w * w;
    });
    return this.create(this.blockId(block), sum, -1, 0, norm2, size);
  }

  /** The most similar group of the same block at or above the threshold, or null. */
  match(v: TermVector, block: string | null | undefined): GroupMatch | null {
    const e = this.encode(v, false);
    return this.matchIds(e.ids, e.weights, e.ids.length, this.blockId(block));
  }

  /** Like match, on a vector of word ids (the first n entries of ids / weights). */
  matchIds(ids: Int32Array, weights: Float64Array, n: number, block: number): GroupMatch | null {
    return this.best(ids, weights, n, block, -1, false);
  }

  /** Like match, but never group `self`, only groups of two or more, and at any similarity. */
  matchOther(v: TermVector, block: string | null | undefined, self: number): GroupMatch | null {
    const e = this.encode(v, false);
    return this.best(e.ids, e.weights, e.ids.length, this.blockId(block), self, true);
  }

  /**
   * Candidates by partial dot product over the postings (each posting holds the word's weight in
   * the group's centroid when it was indexed), then the exact cosine for the best few.
   */
  private best(ids: Int32Array, weights: Float64Array, n: number, b: number, self: number, isMerge: boolean): GroupMatch | null {
    const lists = this.postings[b];
    if (n === 0 || lists === undefined) return null;
    if (this.scores.length < this.groups.length) this.scores = new Float64Array(Math.max(this.groups.length, this.scores.length * 2));
    const scores = this.scores;
    let touchedN = 0;
    for (let i = 0; i < n; i++) {
      const t = ids[i] as number;
      const p = t < lists.length ? lists[t] : undefined;
      if (p === undefined) continue;
      const w = weights[i] as number;
      const pn = p.n;
      if (this.touched.length < touchedN + pn) {
        const t = new Int32Array(Math.max(this.touched.length * 2, touchedN + pn));
        t.set(this.touched);
        this.touched = t;
      }
      const keys = p.keys;
      const pw = p.weights;
      for (let j = 0; j < pn; j++) {
        const key = keys[j] as number;
        if (key === self) continue;
        if (scores[key] === 0) this.touched[touchedN++] = key;
        scores[key] = (scores[key] as number) + w * (pw[j] as number);
      }
    }
    // The best few by partial score, best first; a later candidate goes after equal ones.
    const cap = this.opts.exactChecks;
    if (this.top.length < cap) this.top = new Int32Array(cap);
    const top = this.top;
    let topN = 0;
    for (let x = 0; x < touchedN; x++) {
      const k = this.touched[x] as number;
      const size = this.sizes[k] as number;
      if (size === 0 || (isMerge && size < 2)) continue;
      const sk = scores[k] as number;
      let j: number;
      if (topN < cap) j = topN++;
      else if (sk > (scores[top[topN - 1] as number] as number)) j = topN - 1;
      else continue;
      while (j > 0 && (scores[top[j - 1] as number] as number) < sk) {
        top[j] = top[j - 1] as number;
        j--;
      }
      top[j] = k;
    }
    for (let x = 0; x < touchedN; x++) scores[this.touched[x] as number] = 0;
    let best: GroupMatch | null = null;
    for (let x = 0; x < topN; x++) {
      const k = top[x] as number;
      const sim = this.cosine(ids, weights, n, this.groups[k] as LiveGroup);
      if ((isMerge || sim >= this.opts.threshold) && (best === null || sim > best.similarity)) best = { key: k, similarity: sim };
    }
    return best;
  }

  /** Joins `v` to group `key` (or starts a group when key is null); returns the group's key. */
  add(v: TermVector, block: string | null | undefined, key: number | null): number {
    const e = this.encode(v, true);
    return this.addIds(e.ids, e.weights, e.ids.length, this.blockId(block), key);
  }

  /** Like add, on a vector of word ids (copied: the buffers may be reused). */
  addIds(ids: Int32Array, weights: Float64Array, n: number, block: number, key: number | null): number {
    if (key === null) {
      if (this.poolLen + n > this.poolIds.length) {
        const size = Math.max(this.poolIds.length * 2, this.poolLen + n);
        const pi = new Int32Array(size);
        pi.set(this.poolIds);
        const pw = new Float64Array(size);
        pw.set(this.poolW);
        this.poolIds = pi;
        this.poolW = pw;
      }
      const at = this.poolLen;
      for (let i = 0; i < n; i++) {
        this.poolIds[at + i] = ids[i] as number;
        this.poolW[at + i] = weights[i] as number;
      }
      this.poolLen += n;
      return this.create(block, null, at, n, 1, 1);
    }
    const g = this.groups[key] as LiveGroup;
    const sum = this.sumOf(g);
    for (let i = 0; i < n; i++) {
      const w = weights[i] as number;
      const old = sum.addTo(ids[i] as number, w);
      g.norm2 += (old + w) * (old + w) - old * old;
    }
    g.size++;
    this.sizes[key] = g.size;
    // Re-index when the group has grown by half since: its strongest words settle as it grows.
    if (g.size >= g.indexedAtSize * 1.5 + 1) this.reindex(g);
    return key;
  }

  /** Merges group `from` into `into` (centroid sums add); `from` is emptied and unindexed. */
  merge(into: number, from: number): void {
    const a = this.groups[into] as LiveGroup;
    const b = this.groups[from] as LiveGroup;
    const sum = this.sumOf(a);
    this.forEachTerm(b, (t, w) => {
      const old = sum.addTo(t, w);
      a.norm2 += (old + w) * (old + w) - old * old;
    });
    a.size += b.size;
    this.sizes[into] = a.size;
    this.sizes[from] = 0;
    this.unindex(b);
    b.sum = new TermSums(1);
    b.vecLen = 0;
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

  /**
   * centroid() as word ids (no string round trip, no word → id map): the same words, order and
   * weights (rounded as a signature is, then normalised).
   */
  centroidIds(key: number, terms = this.opts.maxTermsPerText): { ids: Int32Array; weights: Float64Array } {
    const g = this.groups[key] as LiveGroup;
    const top = this.topTerms(g, terms);
    const norm = Math.sqrt(g.norm2) || 1;
    const weights = Float64Array.from(top.sums, (w) => round4(w / norm));
    let n = 0;
    for (const w of weights) n += w * w;
    n = Math.sqrt(n) || 1;
    for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] as number) / n;
    return { ids: Int32Array.from(top.ids), weights };
  }

  /** matchOther on a vector of word ids (the first n entries of ids / weights). */
  matchOtherIds(ids: Int32Array, weights: Float64Array, n: number, block: number, self: number): GroupMatch | null {
    return this.best(ids, weights, n, block, self, true);
  }

  /** Cosine of a text with a group's centroid. */
  similarity(v: TermVector, key: number): number {
    const e = this.encode(v, false);
    return this.cosine(e.ids, e.weights, e.ids.length, this.groups[key] as LiveGroup);
  }

  /** Like similarity, on a vector of word ids. */
  similarityIds(ids: Int32Array, weights: Float64Array, n: number, key: number): number {
    return this.cosine(ids, weights, n, this.groups[key] as LiveGroup);
  }

  signature(key: number, terms = this.opts.signatureTerms): GroupSignature {
    const g = this.groups[key] as LiveGroup;
    const top = this.topTerms(g, terms);
    const norm = Math.sqrt(g.norm2) || 1;
    return { terms: top.ids.map((id) => this.words[id] as string), weights: top.sums.map((w) => round4(w / norm)) };
  }

  groupSize(key: number): number {
    return (this.groups[key] as LiveGroup).size;
  }

  /** A string vector as ids; words the index does not know are appended (create) or dropped. */
  private encode(v: TermVector, create: boolean): { ids: Int32Array; weights: Float64Array } {
    const ids: number[] = [];
    const weights: number[] = [];
    v.terms.forEach((t, i) => {
      const id = this.wordId(t, create);
      if (id < 0) return;
      ids.push(id);
      weights.push(v.weights[i] ?? 0);
    });
    return { ids: Int32Array.from(ids), weights: Float64Array.from(weights) };
  }

  private sumOf(g: LiveGroup): TermSums {
    if (g.sum === null) {
      const sum = new TermSums(Math.max(8, g.vecLen * 2));
      for (let i = 0; i < g.vecLen; i++) sum.set(this.poolIds[g.vecAt + i] as number, this.poolW[g.vecAt + i] as number);
      g.sum = sum;
    }
    return g.sum;
  }

  private forEachTerm(g: LiveGroup, fn: (id: number, w: number) => void): void {
    if (g.sum !== null) {
      const sum = g.sum;
      for (let i = 0; i < sum.size; i++) fn(sum.keys[i] as number, sum.vals[i] as number);
    } else for (let i = 0; i < g.vecLen; i++) fn(this.poolIds[g.vecAt + i] as number, this.poolW[g.vecAt + i] as number);
  }

  private cosine(ids: Int32Array, weights: Float64Array, n: number, g: LiveGroup): number {
    let dot = 0;
    if (g.sum !== null) {
      const sum = g.sum;
      for (let i = 0; i < n; i++) {
        const at = sum.indexOf(ids[i] as number);
        if (at >= 0) dot += (sum.vals[at] as number) * (weights[i] as number);
      }
    } else {
      const end = g.vecAt + g.vecLen;
      for (let i = 0; i < n; i++) {
        const t = ids[i] as number;
        for (let j = g.vecAt; j < end; j++)
          if (this.poolIds[j] === t) {
            dot += (this.poolW[j] as number) * (weights[i] as number);
            break;
          }
      }
    }
    return g.norm2 > 0 ? dot / Math.sqrt(g.norm2) : 0;
  }

  /** A group's n strongest words (sum descending, then the word). */
  private topTerms(g: LiveGroup, n: number): { ids: number[]; sums: number[] } {
    if (g.sum === null) {
      // A one-text group's vector is already in that order (see Vectorizer).
      const len = Math.min(n, g.vecLen);
      return { ids: Array.from(this.poolIds.subarray(g.vecAt, g.vecAt + len)), sums: Array.from(this.poolW.subarray(g.vecAt, g.vecAt + len)) };
    }
    // One pass keeping the n best (sum descending, then the word): a large group's map has
    // thousands of words and is re-indexed as it grows, so no full sort.
    const words = this.words;
    const ids: number[] = [];
    const sums: number[] = [];
    if (n <= 0) return { ids, sums };
    const isBefore = (t: number, w: number, u: number, v: number) => w > v || (w === v && (words[t] as string) < (words[u] as string));
    const sum = g.sum;
    for (let k = 0; k < sum.size; k++) {
      const t = sum.keys[k] as number;
      const w = sum.vals[k] as number;
      if (ids.length === n && !isBefore(t, w, ids[n - 1] as number, sums[n - 1] as number)) continue;
      let j = ids.length < n ? ids.length : n - 1;
      if (ids.length < n) {
        ids.push(t);
        sums.push(w);
      }
      while (j > 0 && isBefore(t, w, ids[j - 1] as number, sums[j - 1] as number)) {
        ids[j] = ids[j - 1] as number;
        sums[j] = sums[j - 1] as number;
        j--;
      }
      ids[j] = t;
      sums[j] = w;
    }
    return { ids, sums };
  }

  private create(block: number, sum: TermSums | null, vecAt: number, vecLen: number, norm2: number, size: number): number {
    const g: LiveGroup = { key: this.groups.length, block, sum, vecAt, vecLen, norm2, size, indexed: [], indexedAtSize: size };
    this.groups.push(g);
    if (g.key >= this.sizes.length) {
      const sizes = new Int32Array(this.sizes.length * 2);
      sizes.set(this.sizes);
      this.sizes = sizes;
    }
    this.sizes[g.key] = size;
    this.reindex(g);
    return g.key;
  }

  private unindex(g: LiveGroup): void {
    const lists = this.postings[g.block] ?? [];
    for (const t of g.indexed) {
      const p = lists[t];
      if (p === undefined) continue;
      const i = p.keys.subarray(0, p.n).indexOf(g.key);
      if (i < 0) continue;
      p.keys.copyWithin(i, i + 1, p.n);
      p.weights.copyWithin(i, i + 1, p.n);
      p.impacts.copyWithin(i, i + 1, p.n);
      p.n--;
    }
    g.indexed = [];
  }

  private reindex(g: LiveGroup): void {
    this.unindex(g);
    const norm = Math.sqrt(g.norm2) || 1;
    const boost = 1 + Math.log(Math.max(1, g.size));
    const cap = this.opts.maxPostings;
    const top = this.topTerms(g, this.opts.signatureTerms);
    let lists = this.postings[g.block];
    if (lists === undefined) this.postings[g.block] = lists = [];
    for (let x = 0; x < top.ids.length; x++) {
      const t = top.ids[x] as number;
      const weight = (top.sums[x] as number) / norm;
      const impact = weight * boost;
      // The list array stays dense (no holes: a sparse array is a dictionary to the engine).
      while (lists.length <= t) lists.push(undefined);
      let p = lists[t];
      if (p === undefined) lists[t] = p = { n: 0, keys: new Int32Array(cap + 1), weights: new Float64Array(cap + 1), impacts: new Float64Array(cap + 1) };
      if (p.n >= cap && (p.impacts[p.n - 1] as number) >= impact) continue;
      let i = p.n;
      while (i > 0 && (p.impacts[i - 1] as number) < impact) i--;
      p.keys.copyWithin(i + 1, i, p.n);
      p.weights.copyWithin(i + 1, i, p.n);
      p.impacts.copyWithin(i + 1, i, p.n);
      p.keys[i] = g.key;
      p.weights[i] = weight;
      p.impacts[i] = impact;
      p.n++;
      if (p.n > cap) {
        p.n--;
        const d = this.groups[p.keys[p.n] as number] as LiveGroup;
        d.indexed = d.indexed.filter((y) => y !== t);
      }
      g.indexed.push(t);
    }
    g.indexedAtSize = g.size;
  }
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

/** Groups of encoded texts: members as text indices, every text's group and similarity in arrays. */
export interface EncodedGrouping {
  groups: { members: number[]; block: string | null; signature: GroupSignature }[];
  /** Per text: its group (index into groups), or -1 when it formed none. */
  groupOf: Int32Array;
  /** Per text: similarity to its group's final centroid (rounded to 4 places). */
  similarity: Float64Array;
  weights: TermWeights;
}

/**
 * Groups texts in one pass (give them in time order: a group then grows as the problem did), then
 * scores every member against its group's final centroid. Texts with no linking word form no group.
 */
export function groupTexts(docs: readonly TextDoc[], opts: TextGroupingOptions = DEFAULT_TEXT_GROUPING, weights = fitTermWeights(docs, opts)): TextGrouping {
  const texts = encodeTexts(docs);
  const idf = new Float64Array(texts.words.length);
  texts.words.forEach((w, id) => (idf[id] = weights.idf.get(w) ?? 0));
  const g = groupEncodedTexts(texts, opts, idf, weights.docCount);
  const assignment = new Map<string, { group: number; similarity: number }>();
  docs.forEach((d, i) => {
    const k = g.groupOf[i] as number;
    if (k >= 0) assignment.set(d.id, { group: k, similarity: g.similarity[i] as number });
  });
  // Members in the order they were taken; the assignment map is filled group by group, as before.
  const ordered = new Map<string, { group: number; similarity: number }>();
  for (const grp of g.groups) for (const i of grp.members) ordered.set((docs[i] as TextDoc).id, assignment.get((docs[i] as TextDoc).id) as { group: number; similarity: number });
  return { groups: g.groups.map((x) => ({ memberIds: x.members.map((i) => (docs[i] as TextDoc).id), block: x.block, signature: x.signature })), assignment: ordered, weights };
}

/** groupTexts on encoded texts with weights by word id (fitEncodedTermWeights): the big-corpus path. */
export function groupEncodedTexts(
  texts: EncodedTexts,
  opts: TextGroupingOptions = DEFAULT_TEXT_GROUPING,
  idf = fitEncodedTermWeights(texts, opts),
  docCount = texts.starts.length - 1,
): EncodedGrouping {
  // Texts join only groups of their own block, so each block is grouped on its own (and could be
  // grouped in parallel: see groupTextBlock); the result is the same as one pass over all texts.
  const words = [...texts.words];
  const vec = new Vectorizer(words, idf, opts.maxTermsPerText);
  const blocks = splitByBlock(texts);
  return combineBlockGroupings(
    texts,
    blocks,
    blocks.map((b) => groupBlock(words, b, idf, opts, vec)),
    idf,
    docCount,
  );
}

/** One block's texts of an encoded batch, their words as ids into the batch's vocabulary. */
export interface TextBlock {
  block: string | null;
  /** Position in the batch of each of the block's texts, ascending (time order kept). */
  texts: Int32Array;
  starts: Int32Array;
  ids: Int32Array;
}

/** A block's groups; members and similarities by the text's position in its block. */
export interface BlockGrouping {
  groups: { members: number[]; signature: GroupSignature }[];
  similarity: Float64Array;
}

/** An encoded batch cut into its blocks (null and '' one block), in order of each block's first text. */
export function splitByBlock(texts: EncodedTexts): TextBlock[] {
  const n = texts.starts.length - 1;
  const slot = new Map<string, number>();
  const slotOf = new Int32Array(texts.blockNames.length);
  const names: (string | null)[] = [];
  texts.blockNames.forEach((name, b) => {
    const key = name ?? '';
    let s = slot.get(key);
    if (s === undefined) {
      slot.set(key, (s = names.length));
      names.push(name);
    }
    slotOf[b] = s;
  });
  const count = new Int32Array(names.length);
  const wordCount = new Int32Array(names.length);
  for (let i = 0; i < n; i++) {
    const s = slotOf[texts.blocks[i] as number] as number;
    count[s] = (count[s] as number) + 1;
    wordCount[s] = (wordCount[s] as number) + ((texts.starts[i + 1] as number) - (texts.starts[i] as number));
  }
  const out = names.map((block, s) => ({
    block,
    texts: new Int32Array(count[s] as number),
    starts: new Int32Array((count[s] as number) + 1),
    ids: new Int32Array(wordCount[s] as number),
    n: 0,
    used: 0,
    first: -1,
  }));
  for (let i = 0; i < n; i++) {
    const b = out[slotOf[texts.blocks[i] as number] as number] as (typeof out)[number];
    if (b.first < 0) b.first = i;
    const from = texts.starts[i] as number;
    const to = texts.starts[i + 1] as number;
    b.texts[b.n] = i;
    b.starts[b.n++] = b.used;
    b.ids.set(texts.ids.subarray(from, to), b.used);
    b.used += to - from;
  }
  return out
    .filter((b) => b.n > 0)
    .sort((a, b) => a.first - b.first)
    .map((b) => {
      b.starts[b.n] = b.used;
      return { block: b.block, texts: b.texts, starts: b.starts, ids: b.ids };
    });
}

/**
 * Groups one block's texts (see groupTexts): one pass in time order, then the merge of split
 * groups. `words` is the batch's vocabulary, `idf` its weights by word id. Pure and self-contained,
 * so a block can be grouped in a worker thread.
 */
export function groupTextBlock(words: string[], block: TextBlock, idf: Float64Array, opts: TextGroupingOptions = DEFAULT_TEXT_GROUPING): BlockGrouping {
  return groupBlock(words, block, idf, opts, new Vectorizer(words, idf, opts.maxTermsPerText));
}

function groupBlock(words: string[], block: TextBlock, idf: Float64Array, opts: TextGroupingOptions, vec: Vectorizer): BlockGrouping {
  const n = block.texts.length;
  const index = new TextGroupIndex(opts, words);
  const b = index.blockId(block.block);
  const keyOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const len = vec.run(block.ids, block.starts[i] as number, block.starts[i + 1] as number);
    if (len === 0) continue;
    const m = index.matchIds(vec.ids, vec.weights, len, b);
    keyOf[i] = index.addIds(vec.ids, vec.weights, len, b, m?.key ?? null);
  }
  // Single-pass grouping splits a problem when its first texts differ: merge groups whose
  // centroids are as similar as a text must be to join (largest first, so small ones fold in).
  const sizes = new Map<number, number>();
  keyOf.forEach((k) => {
    if (k >= 0) sizes.set(k, (sizes.get(k) ?? 0) + 1);
  });
  const order = [...sizes]
    .filter(([, c]) => c >= 2)
    .sort((a, c) => c[1] - a[1] || a[0] - c[0])
    .map(([k]) => k);
  const mergedInto = new Map<number, number>();
  for (const k of order) {
    if (index.groupSize(k) === 0) continue;
    const c = index.centroidIds(k);
    const m = index.matchOtherIds(c.ids, c.weights, c.ids.length, b, k);
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
  const groups: BlockGrouping['groups'] = [];
  const similarity = new Float64Array(n);
  for (const [k, list] of members) {
    groups.push({ members: list, signature: index.signature(k) });
    for (const i of list) {
      const len = vec.run(block.ids, block.starts[i] as number, block.starts[i + 1] as number);
      similarity[i] = round4(index.similarityIds(vec.ids, vec.weights, len, k));
    }
  }
  return { groups, similarity };
}

/** The blocks' groupings as one (groups in order of their first text, as one pass would list them). */
export function combineBlockGroupings(
  texts: EncodedTexts,
  blocks: readonly TextBlock[],
  results: readonly BlockGrouping[],
  idf: Float64Array,
  docCount = texts.starts.length - 1,
): EncodedGrouping {
  const n = texts.starts.length - 1;
  const groups: EncodedGrouping['groups'] = [];
  const similarity = new Float64Array(n);
  blocks.forEach((b, j) => {
    const r = results[j] as BlockGrouping;
    for (const g of r.groups) groups.push({ members: g.members.map((i) => b.texts[i] as number), block: b.block, signature: g.signature });
    for (let i = 0; i < b.texts.length; i++) similarity[b.texts[i] as number] = r.similarity[i] as number;
  });
  groups.sort((a, c) => (a.members[0] as number) - (c.members[0] as number));
  const groupOf = new Int32Array(n).fill(-1);
  groups.forEach((g, gi) => {
    for (const i of g.members) groupOf[i] = gi;
  });
  return { groups, groupOf, similarity, weights: decodeTermWeights(texts.words, idf, docCount) };
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

  /**
   * Attaches every text of an encoded batch (the preceding periods, for growth): `fn` is called
   * with each text's index and the group it belongs to. Same result as attach text by text.
   */
  attachAll(texts: EncodedTexts, fn: (text: number, key: K, similarity: number) => void): void {
    const idf = new Float64Array(texts.words.length);
    const local = new Int32Array(texts.words.length);
    texts.words.forEach((w, id) => {
      idf[id] = this.weights.idf.get(w) ?? 0;
      local[id] = this.index.wordId(w, false);
    });
    const blocks = Int32Array.from(texts.blockNames, (b) => this.index.blockId(b));
    const vec = new Vectorizer(texts.words, idf, this.opts.maxTermsPerText);
    const ids = new Int32Array(this.opts.maxTermsPerText);
    const weights = new Float64Array(this.opts.maxTermsPerText);
    for (let i = 0; i + 1 < texts.starts.length; i++) {
      const len = vec.run(texts.ids, texts.starts[i] as number, texts.starts[i + 1] as number);
      // Words the stored groups do not know are dropped after normalising (they match nothing).
      let n = 0;
      for (let j = 0; j < len; j++) {
        const id = local[vec.ids[j] as number] as number;
        if (id < 0) continue;
        ids[n] = id;
        weights[n++] = vec.weights[j] as number;
      }
      const m = this.index.matchIds(ids, weights, n, blocks[texts.blocks[i] as number] as number);
      if (m !== null) fn(i, this.keys[m.key] as K, round4(m.similarity));
    }
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

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
