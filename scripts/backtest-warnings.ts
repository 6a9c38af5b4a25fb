// Backtest of the early warning (预警) on simulated history (packages/core/src/proactive/backtest.ts):
// planted seasonal and sudden rises → precision, recall, days ahead of the peak; a quiet history
// with nothing planted → false alarms per street per month. Prints the figures of several seeds.
//   npx tsx scripts/backtest-warnings.ts            (BACKTEST_STREETS=20 BACKTEST_SEEDS=1,2,3)
import { performance } from 'node:perf_hooks';
import { DEFAULT_BACKTEST, DEFAULT_WARNING_SETTINGS, runBacktest } from '@jiesu/core';

const streets = Number(process.env.BACKTEST_STREETS ?? 20);
const seeds = (process.env.BACKTEST_SEEDS ?? '1,2,3').split(',').map(Number);
const ramp = (process.env.BACKTEST_RAMP ?? '10,21').split(',').map(Number) as [number, number];
const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);

console.log(`settings: ${JSON.stringify(DEFAULT_WARNING_SETTINGS)}`);
console.log(
  `simulation: ${streets} streets × ${DEFAULT_BACKTEST.communitiesPerStreet} communities × ${DEFAULT_BACKTEST.categories} categories, ${DEFAULT_BACKTEST.historyYears} years of history + 1 judged year; sudden rises build over ${ramp[0]}–${ramp[1]} days`,
);
console.log(
  'seed | rises (seasonal/sudden) | warnings | precision | recall (seasonal/sudden) | median lead | lead ≥ 3 d | false alarms /street/month | quiet: false alarms /street/month | time',
);
const all = { tp: 0, warnings: 0, found: 0, planted: 0, leads: [] as number[], fa: 0, quietFa: 0, months: 0 };
for (const seed of seeds) {
  const t0 = performance.now();
  const r = runBacktest({ ...DEFAULT_BACKTEST, seed, streets, suddenRampDays: ramp });
  const q = runBacktest({ ...DEFAULT_BACKTEST, seed: seed + 1000, streets, seasonalShare: 0, suddenShare: 0, historySuddenShare: 0 });
  const ms = performance.now() - t0;
  all.tp += r.truePositives;
  all.warnings += r.warnings;
  all.planted += r.planted;
  all.found += Math.round((r.recall ?? 0) * r.planted);
  all.leads.push(...r.leadDays);
  all.fa += r.falseAlarms;
  all.quietFa += q.warnings;
  all.months += streets * 12;
  console.log(
    `${seed} | ${r.planted} (${r.plantedByKind.seasonal}/${r.plantedByKind.sudden}) | ${r.warnings} | ${pct(r.precision)} | ${pct(r.recall)} (${pct(r.recallByKind.seasonal)}/${pct(r.recallByKind.sudden)}) | ${r.medianLeadDays} d | ${pct(r.shareLeadAtLeast3)} | ${r.falseAlarmsPerStreetMonth.toFixed(2)} | ${q.falseAlarmsPerStreetMonth.toFixed(2)} | ${(ms / 1000).toFixed(1)} s`,
  );
}
const leads = all.leads.sort((a, b) => a - b);
console.log(
  `all | ${all.planted} | ${all.warnings} | ${pct(all.tp / all.warnings)} | ${pct(all.found / all.planted)} | ${leads[Math.floor((leads.length - 1) / 2)]} d | ${pct(leads.filter((d) => d >= 3).length / leads.length)} | ${(all.fa / all.months).toFixed(2)} | ${(all.quietFa / all.months).toFixed(2)} |`,
);
