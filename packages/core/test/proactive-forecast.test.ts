// Early warning: the upper bound, the assessment of a series, and the backtest on simulated history.
import { describe, expect, it } from 'vitest';
import { assessSeries, countUpperBound, DEFAULT_BACKTEST, DEFAULT_WARNING_SETTINGS, evidenceSeries, parseWarningSettings, prefixSums, runBacktest } from '../src/index';

describe('countUpperBound', () => {
  it('is the Poisson quantile when dispersion is Infinity', () => {
    // Poisson(2): P(≤4) = e^-2 (1 + 2 + 2 + 4/3 + 2/3) = 7e^-2 = 0.947, P(≤5) = 0.983 → the 0.95 quantile is 5.
    expect(countUpperBound(2, Number.POSITIVE_INFINITY, 0.95)).toBe(5);
    expect(countUpperBound(2, Number.POSITIVE_INFINITY, 0.94)).toBe(4);
  });
  it('is the negative binomial quantile otherwise', () => {
    // Size 1, mean 1 is geometric with p = 1/2: P(≤n) = 1 − 2^−(n+1); 0.9 needs n = 3 (0.9375; n = 2 gives 0.875).
    expect(countUpperBound(1, 1, 0.9)).toBe(3);
    expect(countUpperBound(0, 10, 0.99)).toBe(0);
  });
});

describe('assessSeries', () => {
  const days = 4 * 364;
  const flat = new Array<number>(days).fill(1);
  it('expects the level of a flat series and warns of nothing', () => {
    const a = assessSeries(prefixSums(flat), days - 1);
    // Level: 6 weeks × 7 + 4 pseudo-weeks at the year's 7 a week + 1 = 71 over 10 weeks = 7.1.
    expect(a?.recentLevel).toBeCloseTo(7.1, 6);
    expect(a?.expectedWeek).toBeCloseTo(7.1, 6);
    expect(a?.warning).toBeNull();
  });
  it('warns of a surge in the last week', () => {
    const s = [...flat];
    for (let d = days - 7; d < days; d++) s[d] = 5;
    const a = assessSeries(prefixSums(s), days - 1);
    expect(a?.warning?.kind).toBe('surge');
    expect(a?.observedWeek).toBe(35);
  });
  it('warns ahead of a rise that came in the same weeks of the previous years', () => {
    const s = [...flat];
    const asOf = days - 30;
    // In each of the three previous years, weeks 2–3 after asOf ran at 6 a day.
    for (let k = 1; k <= 3; k++) for (let d = asOf + 8 - 364 * k; d < asOf + 22 - 364 * k; d++) s[d] = 6;
    const a = assessSeries(prefixSums(s), asOf);
    expect(a?.warning?.kind).toBe('seasonal');
    expect(a?.forecast[1]?.expected ?? 0).toBeGreaterThan(2 * (a?.recentLevel ?? 0));
    // No second year showing it: no seasonal warning from one year's accident.
    const once = [...flat];
    for (let d = asOf + 8 - 364; d < asOf + 22 - 364; d++) once[d] = 6;
    expect(assessSeries(prefixSums(once), asOf)?.warning).toBeNull();
  });
  it('returns null without enough history, and gives chart points with the forecast', () => {
    expect(assessSeries(prefixSums(flat.slice(0, 30)), 29)).toBeNull();
    const pts = evidenceSeries(prefixSums(flat), days - 1, 8);
    expect(pts).toHaveLength(8 + DEFAULT_WARNING_SETTINGS.horizonWeeks);
    expect(pts.at(-1)?.observed).toBeNull();
    expect(pts[0]?.lastYear).toBe(7);
  });
});

describe('parseWarningSettings', () => {
  it('fills defaults and refuses bad or unknown keys by name', () => {
    expect(parseWarningSettings(undefined)).toEqual(DEFAULT_WARNING_SETTINGS);
    expect(parseWarningSettings({ minCount: 8 }).minCount).toBe(8);
    expect(() => parseWarningSettings({ minCount: 0.5 })).toThrow(/minCount/);
    expect(() => parseWarningSettings({ quantile: 2 })).toThrow(/quantile/);
    expect(() => parseWarningSettings({ nope: 1 })).toThrow(/nope/);
  });
});

describe('backtest on simulated history (seeded; scripts/backtest-warnings.ts runs it larger)', () => {
  it('meets the goals: recall ≥ 0.8, precision ≥ 0.7, most warnings ≥ 3 days ahead, ≤ 1 false alarm per street-month when quiet', () => {
    const r = runBacktest({ ...DEFAULT_BACKTEST, seed: 2, streets: 6 });
    expect(r.planted).toBeGreaterThan(30);
    expect(r.recall).toBeGreaterThanOrEqual(0.8);
    expect(r.precision).toBeGreaterThanOrEqual(0.7);
    expect(r.shareLeadAtLeast3).toBeGreaterThan(0.5);
    const quiet = runBacktest({ ...DEFAULT_BACKTEST, seed: 102, streets: 6, seasonalShare: 0, suddenShare: 0, historySuddenShare: 0 });
    expect(quiet.planted).toBe(0);
    expect(quiet.falseAlarmsPerStreetMonth).toBeLessThanOrEqual(1);
  }, 60_000); // two simulated years of 1,056 series judged day by day: seconds, more on a loaded machine
});
