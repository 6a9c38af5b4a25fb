// Timing of the location resolver on Beijing's real tree: gazetteer build time, then per-address
// mean and p99. Also a synthetic sweep over every community (official names, then short forms
// without 区/街道/社区) as a coverage check. Run: npx tsx packages/core/scripts/bench-location.ts
// (A script, not a test: timings depend on the machine. It reads Beijing's tree from
// @jiesu/reference, which the core library itself must never import.)
import { divisionUnits, loadDivisions } from '@jiesu/reference';
import { buildGazetteer, resolveLocation, type Unit } from '../src';

const units = divisionUnits(loadDivisions());
const byCode = new Map(units.map((u) => [u.code, u]));

const tFirst = performance.now();
let gazetteer = buildGazetteer(units);
const firstBuild = performance.now() - tFirst;
const builds: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  gazetteer = buildGazetteer(units, [{ alias: '望京SOHO', kind: 'landmark', unitCode: '110105026' }]);
  builds.push(performance.now() - t0);
}
builds.sort((a, b) => a - b);

const communities = units.filter((u) => u.class === 'community');
const streetOf = (c: Unit): Unit | undefined => (c.parentCode ? byCode.get(c.parentCode) : undefined);
const districtOf = (s: Unit | undefined): Unit | undefined => (s?.parentCode ? byCode.get(s.parentCode) : undefined);
const stem = (name: string, suffix: RegExp): string => name.replace(suffix, '');

const fullAddresses: Array<{ text: string; street: string; community: string }> = [];
const shortAddresses: Array<{ text: string; street: string }> = [];
for (const c of communities) {
  const s = streetOf(c);
  const d = districtOf(s);
  if (!s || !d) continue;
  fullAddresses.push({ text: `北京市${d.name}${s.name}${c.name}5号楼2单元`, street: s.code, community: c.code });
  shortAddresses.push({
    text: `${stem(d.name, /区$/)}${stem(s.name, /(街道|地区|镇|乡)$/)}${stem(c.name, /社区$/)}3号`,
    street: s.code,
  });
}

const times: number[] = [];
let rightFull = 0;
let rightCommunity = 0;
for (const a of fullAddresses) {
  const t0 = performance.now();
  const r = resolveLocation(a.text, gazetteer);
  times.push(performance.now() - t0);
  if (r.streetCode === a.street) rightFull++;
  if (r.communityCode === a.community) rightCommunity++;
  else if (process.env.SHOW_MISSES) console.log('miss', a.text, r.level, r.communityCode);
}
let rightShort = 0;
for (const a of shortAddresses) {
  const t0 = performance.now();
  const r = resolveLocation(a.text, gazetteer);
  times.push(performance.now() - t0);
  if (r.streetCode === a.street) rightShort++;
  else if (process.env.SHOW_MISSES) console.log('miss', a.text, r.level, r.streetCode, r.explanation);
}
// A second, warm pass: the figure that matters for a long-running server.
const warm: number[] = [];
for (const a of [...fullAddresses, ...shortAddresses]) {
  const t0 = performance.now();
  resolveLocation(a.text, gazetteer);
  warm.push(performance.now() - t0);
}

const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const ms = (x: number): string => `${x.toFixed(3)} ms`;
const share = (n: number, d: number): string => `${n}/${d} = ${((100 * n) / d).toFixed(1)}%`;

console.log(`units: ${units.length}; gazetteer places: ${gazetteer.places.size}, spellings: ${gazetteer.formCount}`);
console.log(`build: first (cold) ${ms(firstBuild)}; next 5: best ${ms(builds[0] ?? NaN)}, median ${ms(builds[2] ?? NaN)}, worst ${ms(builds[4] ?? NaN)}`);
console.log(`resolve (cold pass, ${times.length} addresses): mean ${ms(mean(times))}, p99 ${ms(pct(times, 0.99))}, max ${ms(pct(times, 1))}`);
console.log(`resolve (warm pass, ${warm.length} addresses): mean ${ms(mean(warm))}, p99 ${ms(pct(warm, 0.99))}, max ${ms(pct(warm, 1))}`);
console.log(`synthetic full addresses: right street ${share(rightFull, fullAddresses.length)}, right community ${share(rightCommunity, fullAddresses.length)}`);
console.log(`synthetic short forms (朝阳望京花家地西里3号 style): right street ${share(rightShort, shortAddresses.length)}`);
