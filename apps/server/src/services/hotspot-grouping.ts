// The month's grouping spread over the machine's cores: texts only ever join groups of their own
// block (level-1 category), so the blocks are grouped independently — some in worker threads,
// the rest in this thread at the same time — and the result is the same as one pass over all
// texts (groupEncodedTexts), whatever the number of threads.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  type BlockGrouping,
  combineBlockGroupings,
  type EncodedGrouping,
  type EncodedTexts,
  groupEncodedTexts,
  groupTextBlock,
  splitByBlock,
  type TextBlock,
  type TextGroupingOptions,
} from '@jiesu/core';

/** Below this many texts a thread costs more to start than it saves. */
const MIN_TEXTS_FOR_THREADS = 50_000;

export interface GroupingThreads {
  /** Threads in all (this one included); default the machine's cores, at most 4. */
  threads?: number;
  /** Group in threads from this many texts (default 50,000). */
  minTexts?: number;
}

export function defaultGroupingThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export async function groupTextsInThreads(
  texts: EncodedTexts,
  opts: TextGroupingOptions,
  idf: Float64Array,
  docCount: number,
  how: GroupingThreads = {},
): Promise<EncodedGrouping> {
  const threads = how.threads ?? defaultGroupingThreads();
  const n = texts.starts.length - 1;
  if (threads <= 1 || n < (how.minTexts ?? MIN_TEXTS_FOR_THREADS)) return groupEncodedTexts(texts, opts, idf, docCount);
  const blocks = splitByBlock(texts);
  const bins = binsBySize(blocks, Math.min(threads, blocks.length));
  const words = [...texts.words];
  const results: (BlockGrouping | undefined)[] = new Array<BlockGrouping | undefined>(blocks.length);
  // Bins 1… go to workers (started first, so they run while this thread groups bin 0).
  const pending = bins.slice(1).map((bin) =>
    runWorker({ words, idf, opts, blocks: bin.map((j) => blocks[j] as TextBlock) }).then((rs) => {
      bin.forEach((j, x) => (results[j] = rs[x]));
    }),
  );
  const failed = Promise.allSettled(pending);
  try {
    for (const j of bins[0] ?? []) results[j] = groupTextBlock(words, blocks[j] as TextBlock, idf, opts);
  } finally {
    await failed;
  }
  await Promise.all(pending);
  return combineBlockGroupings(texts, blocks, results as BlockGrouping[], idf, docCount);
}

/** Block indices per bin, the biggest blocks first onto the emptiest bin (work ~ texts). */
function binsBySize(blocks: readonly TextBlock[], k: number): number[][] {
  const bins = Array.from({ length: k }, () => ({ load: 0, items: [] as number[] }));
  const order = blocks.map((b, j) => ({ j, n: b.texts.length })).sort((a, b) => b.n - a.n || a.j - b.j);
  for (const { j, n } of order) {
    const bin = bins.reduce((a, b) => (b.load < a.load ? b : a));
    bin.items.push(j);
    bin.load += n;
  }
  return bins.map((b) => b.items.sort((a, b) => a - b));
}

interface Job {
  words: string[];
  idf: Float64Array;
  opts: TextGroupingOptions;
  blocks: TextBlock[];
}

function runWorker(job: Job): Promise<BlockGrouping[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./hotspot-grouping-worker.mjs', import.meta.url));
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: { results?: BlockGrouping[]; error?: string }) =>
      finish(() => (m.results !== undefined ? resolve(m.results) : reject(new Error(`hotspot grouping worker: ${m.error ?? 'no result'}`)))),
    );
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) => finish(() => reject(new Error(`hotspot grouping worker exited (${code}) without a result`))));
    // The blocks' word arrays are copied (the caller's batch keeps its own); the vocabulary is cloned.
    worker.postMessage(job);
  });
}
