// 预警 scan: for every community × category of the streets, the residents' requests per day over
// the seasonal years, judged by the core (assessSeries) as of the last complete local day; a
// warning is stored with its evidence (weekly chart points, the cases) unless the series was
// warned within the cooldown. Idempotent: one warning per series and day (a unique key).
import { randomUUID } from 'node:crypto';
import { addLocalDays, assessSeries, evidenceSeries, localDateOf, parseLocalDate, prefixSums, startOfLocalDay, WARNING_SETTINGS_SETTING, type WarningSettings } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { ProactiveWarning } from '../../repositories/proactive-warning.repository';

export interface ScanResult {
  asOf: string;
  streets: number;
  series: number;
  raised: ProactiveWarning[];
  elapsedMs: number;
}

function dayNumber(date: string): number {
  const parts = parseLocalDate(date);
  if (!parts) throw new Error(`not a local date: ${date}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day) / 86_400_000;
}

/** Days of history the detector reads before asOf. */
export function historyDays(s: WarningSettings): number {
  return s.seasonYears * 364 + 35 + 7 * s.recentWeeks;
}

export async function scanWarnings(ctx: AppContext, opts: { streetCodes: readonly string[]; asOf?: string }): Promise<ScanResult> {
  const started = Date.now();
  const tz = ctx.config.timeZone;
  const s = await ctx.settings.get(WARNING_SETTINGS_SETTING);
  const asOf = opts.asOf ?? addLocalDays(localDateOf(ctx.now(), tz), -1);
  const firstDay = addLocalDays(asOf, -historyDays(s));
  const base = dayNumber(firstDay);
  const length = dayNumber(asOf) - base + 1;
  const rows = await ctx.repos.proactiveWarnings.dailyCounts(opts.streetCodes, startOfLocalDay(firstDay, tz), tz);
  const series = new Map<string, { streetCode: string; communityCode: string; categoryCode: string; daily: Uint16Array }>();
  for (const r of rows) {
    const i = dayNumber(r.day) - base;
    if (i < 0 || i >= length) continue;
    const key = `${r.communityCode}|${r.categoryCode}`;
    let entry = series.get(key);
    if (!entry) {
      entry = { streetCode: r.streetCode, communityCode: r.communityCode, categoryCode: r.categoryCode, daily: new Uint16Array(length) };
      series.set(key, entry);
    }
    entry.daily[i] = Math.min(65535, (entry.daily[i] ?? 0) + r.n);
  }
  const warnedSince = await ctx.repos.proactiveWarnings.lastWarnedOn(opts.streetCodes, addLocalDays(asOf, -s.cooldownDays));
  const raised: ProactiveWarning[] = [];
  const at = length - 1;
  const dateOf = (index: number) => addLocalDays(firstDay, index);
  for (const [key, e] of series) {
    if (warnedSince.has(key)) continue;
    const prefix = prefixSums(e.daily);
    const a = assessSeries(prefix, at, s);
    if (!a?.warning) continue;
    const w = a.warning;
    // The cases behind it: the last week's for a surge; for a seasonal warning, last year's weeks it foresees.
    const evidenceEnd = w.kind === 'surge' ? at : at + 7 * (w.week ?? 1) - 364;
    const caseIds = await ctx.repos.proactiveWarnings.seriesCaseIds(
      e.communityCode,
      e.categoryCode,
      startOfLocalDay(dateOf(evidenceEnd - 6), tz),
      startOfLocalDay(dateOf(evidenceEnd + 1), tz),
      50,
    );
    const warning = {
      id: randomUUID(),
      streetCode: e.streetCode,
      communityCode: e.communityCode,
      categoryCode: e.categoryCode,
      kind: w.kind,
      detectedOn: asOf,
      observed: a.observedWeek,
      expected: Math.round(w.normal * 100) / 100,
      upperBound: w.kind === 'surge' ? a.upperWeek : Math.ceil(w.value),
      ratio: Math.round(w.ratio * 100) / 100,
      forecast: a.forecast.map((f) => ({ week: f.week, expected: Math.round(f.expected * 100) / 100, upper: f.upper })),
      series: evidenceSeries(prefix, at, 26, s).map((p) => ({ weekEnd: dateOf(p.weekEnd), observed: p.observed, lastYear: p.lastYear, expected: p.expected, upper: p.upper })),
      caseIds,
    };
    if (await ctx.repos.proactiveWarnings.insert(warning)) {
      const saved = await ctx.repos.proactiveWarnings.findById(warning.id);
      if (saved) raised.push(saved);
    }
  }
  return { asOf, streets: opts.streetCodes.length, series: series.size, raised, elapsedMs: Date.now() - started };
}
