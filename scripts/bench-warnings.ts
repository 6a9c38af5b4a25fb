// Benchmark: the daily early-warning scan (预警) for all of Beijing — every community of the
// reference divisions (7,535) × BENCH_CATEGORIES categories, each with 3 years + 13 weeks of daily
// counts — judged by the core (prefix sums + assessSeries, and evidenceSeries for each warning).
// Floor measured in the same run: the prefix sums alone (touching every count once).
//   npx tsx scripts/bench-warnings.ts        (BENCH_CATEGORIES=20)
import { performance } from 'node:perf_hooks';
import { assessSeries, DEFAULT_WARNING_SETTINGS, evidenceSeries, prefixSums, seededRandom } from '@jiesu/core';
import { loadDivisions } from '@jiesu/reference';

const categories = Number(process.env.BENCH_CATEGORIES ?? 20);
const s = DEFAULT_WARNING_SETTINGS;
const days = s.seasonYears * 364 + 35 + 7 * s.recentWeeks + 91;
const divisions = loadDivisions();
const byStreet = new Map<string, number>();
for (const c of divisions.communities) byStreet.set(c.streetCode, (byStreet.get(c.streetCode) ?? 0) + 1);

const rand = seededRandom(7);
/** Daily counts of one series: Poisson around a log-normal base (median 0.12 a day), by inverse transform. */
function series(): Uint16Array {
  const lambda = Math.exp(Math.log(0.12) + 0.9 * Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-12))) * Math.cos(2 * Math.PI * rand()));
  const cdf: number[] = [];
  let p = Math.exp(-lambda);
  let acc = p;
  for (let k = 0; acc < 1 - 1e-9 && k < 200; k++) {
    cdf.push(acc);
    p = (p * lambda) / (k + 1);
    acc += p;
  }
  const out = new Uint16Array(days);
  for (let d = 0; d < days; d++) {
    const u = rand();
    let k = 0;
    while (k < cdf.length && u > cdf[k]!) k++;
    out[d] = k;
  }
  return out;
}

let seriesCount = 0;
let warnings = 0;
let floorMs = 0;
let scanMs = 0;
let evidenceMs = 0;
let checksum = 0;
for (const [, n] of byStreet) {
  // One street at a time, as the job loads them.
  const batch: Uint16Array[] = [];
  for (let i = 0; i < n * categories; i++) batch.push(series());
  let t0 = performance.now();
  for (const b of batch) checksum += prefixSums(b)[days]!;
  floorMs += performance.now() - t0;
  t0 = performance.now();
  const warned: Float64Array[] = [];
  for (const b of batch) {
    const prefix = prefixSums(b);
    const a = assessSeries(prefix, days - 1, s);
    if (a?.warning) warned.push(prefix);
  }
  scanMs += performance.now() - t0;
  t0 = performance.now();
  for (const prefix of warned) checksum += evidenceSeries(prefix, days - 1, 26, s).length;
  evidenceMs += performance.now() - t0;
  seriesCount += batch.length;
  warnings += warned.length;
}
console.log(`streets ${byStreet.size}, communities ${divisions.communities.length}, categories ${categories}, series ${seriesCount}, days per series ${days}`);
console.log(`floor (prefix sums only): ${(floorMs / 1000).toFixed(2)} s`);
console.log(`scan (prefix sums + assessSeries): ${(scanMs / 1000).toFixed(2)} s  = ${(scanMs / floorMs).toFixed(1)} × floor`);
console.log(`evidence for ${warnings} warnings (evidenceSeries, 26 weeks + forecast): ${(evidenceMs / 1000).toFixed(2)} s`);
console.log(`total detection for all of Beijing: ${((scanMs + evidenceMs) / 1000).toFixed(2)} s (goal < 60 s)  [checksum ${checksum}]`);
