// Worker thread of the hotspot grouping (see hotspot-grouping.ts): groups the blocks it is sent
// with the core's groupTextBlock and answers with their groupings. Plain JavaScript that loads
// the TypeScript core through tsx, as bin/jiesu.mjs does for the CLI.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { groupTextBlock } = await import('@jiesu/core');

parentPort?.on('message', (job) => {
  try {
    const results = job.blocks.map((b) => groupTextBlock(job.words, b, job.idf, job.opts));
    parentPort?.postMessage({ results });
  } catch (e) {
    parentPort?.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
