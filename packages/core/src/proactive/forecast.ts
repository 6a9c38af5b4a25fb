// Early warning (预警): for one community × category, the expected requests of the last and the
// coming weeks from the series' own history, and a warning when the last week or the forecast runs
// well above normal. Pure arithmetic over a daily count array; no dates inside (index = day).
//
// Method. The *recent level* L is the mean weekly count of the `recentWeeks` weeks before the last
// one (the last week is what is judged, so a surge does not raise its own bar). The *seasonal
// index* of a target week is, for each of up to `seasonYears` previous years (lag 364 days, so
// weekdays line up), that year's count around the same week (three weeks centred on it) over that
// year's level at the same point, shrunk towards 1 for small counts; the years' indices are
// combined by their geometric mean. Expected weekly count = L × index. The upper bound is the
// negative-binomial quantile (Poisson when dispersion is Infinity) of the expectation.
// Two warnings:
// - surge (突增): the last 7 days exceed the upper bound of their expectation, by at least
//   `minRatio` times and `minCount` requests;
// - seasonal (季节性): a coming week is forecast at least `minRatio` times the recent level in
//   every previous year (a rise that comes back, not one year's accident), above the upper bound of
//   the recent level, and at least `minCount` requests.
import { DomainError } from '../errors';

export interface WarningSettings {
  /** Previous years the seasonal index may use (1–5). */
  seasonYears: number;
  /** Weeks in the recent level (2–26). */
  recentWeeks: number;
  /** Weeks forecast ahead (1–8). */
  horizonWeeks: number;
  /** Quantile of the upper bound (0.9–0.99999). */
  quantile: number;
  /** Negative-binomial size k (variance μ + μ²/k); a large k (10⁶) is Poisson. */
  dispersion: number;
  /** Fewest requests in a week (observed or forecast) for a warning. */
  minCount: number;
  /** Observed or forecast over the expectation / recent level, at least. */
  minRatio: number;
  /** A seasonal warning's forecast week over the recent level, in every previous year used, at least. */
  seasonalMinRatio: number;
  /** Fewest requests forecast in the week for a seasonal warning. */
  seasonalMinCount: number;
  /** Seasonal warnings need this many previous years showing the rise. */
  minSeasonYears: number;
  /** Days after a warning during which the same series is not warned again. */
  cooldownDays: number;
}

/** Tuned with the backtest (scripts/backtest-warnings.ts; docs/governance-proactive.md). */
export const DEFAULT_WARNING_SETTINGS: WarningSettings = {
  seasonYears: 3,
  recentWeeks: 6,
  horizonWeeks: 3,
  quantile: 0.9995,
  dispersion: 10,
  minCount: 5,
  minRatio: 2,
  seasonalMinRatio: 1.8,
  seasonalMinCount: 3,
  minSeasonYears: 2,
  cooldownDays: 28,
};

const BOUNDS: Record<keyof WarningSettings, [number, number, boolean]> = {
  seasonYears: [1, 5, true],
  recentWeeks: [2, 26, true],
  horizonWeeks: [1, 8, true],
  quantile: [0.9, 0.99999, false],
  dispersion: [0.5, 1e6, false],
  minCount: [1, 1000, true],
  minRatio: [1, 100, false],
  seasonalMinRatio: [1, 100, false],
  seasonalMinCount: [1, 1000, true],
  minSeasonYears: [1, 5, true],
  cooldownDays: [0, 365, true],
};

/** Reads warning settings from stored JSON: missing keys take the default, bad ones are refused. */
export function parseWarningSettings(value: unknown): WarningSettings {
  if (value === undefined || value === null) return { ...DEFAULT_WARNING_SETTINGS };
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new DomainError('VALIDATION_FAILED', 'Warning settings are an object of numbers.', { field: 'warningSettings' });
  }
  const v = value as Record<string, unknown>;
  const out: WarningSettings = { ...DEFAULT_WARNING_SETTINGS };
  for (const key of Object.keys(v)) {
    if (!(key in BOUNDS)) throw new DomainError('VALIDATION_FAILED', `Unknown warning setting ${key}.`, { field: `warningSettings.${key}` });
  }
  for (const key of Object.keys(BOUNDS) as Array<keyof WarningSettings>) {
    const raw = v[key];
    if (raw === undefined) continue;
    const [lo, hi, isInteger] = BOUNDS[key];
    if (typeof raw !== 'number' || Number.isNaN(raw) || raw < lo || raw > hi || (isInteger && !Number.isInteger(raw))) {
      throw new DomainError('VALIDATION_FAILED', `warningSettings.${key} must be ${isInteger ? 'a whole number' : 'a number'} from ${lo} to ${hi}.`, {
        field: `warningSettings.${key}`,
        value: raw,
      });
    }
    out[key] = raw;
  }
  if (out.minSeasonYears > out.seasonYears) {
    throw new DomainError('VALIDATION_FAILED', 'minSeasonYears cannot exceed seasonYears.', { field: 'warningSettings.minSeasonYears' });
  }
  return out;
}

/** Smallest n with P(X ≤ n) ≥ q for X ~ NegBin(mean mu, size k) (Poisson when k is Infinity). */
export function countUpperBound(mu: number, k: number, q: number): number {
  if (!(mu > 0)) return 0;
  const variance = Number.isFinite(k) ? mu + (mu * mu) / k : mu;
  if (mu > 400) {
    // Far from zero the normal approximation is exact enough and avoids underflow of P(0).
    return Math.ceil(mu + normalQuantile(q) * Math.sqrt(variance));
  }
  let p = Number.isFinite(k) ? Math.exp(k * Math.log(k / (k + mu))) : Math.exp(-mu);
  let cdf = p;
  let n = 0;
  const r = Number.isFinite(k) ? mu / (k + mu) : 0;
  while (cdf < q && n < 100000) {
    p = Number.isFinite(k) ? (p * (n + k) * r) / (n + 1) : (p * mu) / (n + 1);
    n++;
    cdf += p;
  }
  return n;
}

/** Acklam's rational approximation of the standard normal quantile (|error| < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.928510446969, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** Prefix sums of a daily series, so any window sum is two lookups. */
export function prefixSums(daily: ArrayLike<number>): Float64Array {
  const p = new Float64Array(daily.length + 1);
  for (let i = 0; i < daily.length; i++) p[i + 1] = p[i]! + (daily[i] ?? 0);
  return p;
}

/** Sum of days end−len+1 … end, or NaN when the window is not wholly inside the series. */
function windowSum(prefix: Float64Array, end: number, len: number): number {
  const start = end - len + 1;
  if (start < 0 || end >= prefix.length - 1) return Number.NaN;
  return prefix[end + 1]! - prefix[start]!;
}

const YEAR = 364;
/** Pseudo-counts shrinking a year's seasonal index towards 1 when its counts are small. */
const SHRINK = 1;
/** Weight, in weeks, of the long-run level in the recent level. */
const PRIOR_WEEKS = 4;
/** Each previous year must show at least this rise for a seasonal warning (the pooled test decides). */
const MIN_YEAR_RATIO = 1.3;

export type WarningKind = 'surge' | 'seasonal';

export interface SeriesAssessment {
  /** Index of the last complete day judged. */
  asOf: number;
  /** Mean weekly count of the recent weeks (before the last). */
  recentLevel: number;
  /** Requests in the last 7 days (asOf−6 … asOf). */
  observedWeek: number;
  /** Expected requests in the last 7 days, and the upper bound. */
  expectedWeek: number;
  upperWeek: number;
  /** Forecast of the coming weeks (h = 1 … horizon), each with its upper bound. */
  forecast: Array<{ week: number; expected: number; upper: number }>;
  /** Previous years the seasonal index could use. */
  seasonYearsUsed: number;
  warning: null | {
    kind: WarningKind;
    /** Observed (surge) or forecast (seasonal) over the normal it is compared with. */
    ratio: number;
    /** The count judged: the last week's requests (surge) or the forecast week's (seasonal). */
    value: number;
    /** The normal it ran above: the expectation (surge) or the recent level (seasonal). */
    normal: number;
    /** Forecast week that triggered a seasonal warning (1 = the coming week). */
    week: number | null;
  };
}

interface SeasonEvidence {
  /** Per previous year: that year's weekly count around the week over its level, shrunk towards 1. */
  ratios: number[];
  /** Requests around the week (three weeks) summed over the years, and what the years' levels expected there. */
  pooledCount: number;
  pooledExpected: number;
}

/** The previous years' evidence for the week ending at day t, with levels measured up to levelEnd. */
function seasonEvidence(prefix: Float64Array, t: number, levelEnd: number, s: WarningSettings): SeasonEvidence {
  const ratios: number[] = [];
  let pooledCount = 0;
  let pooledExpected = 0;
  for (let k = 1; k <= s.seasonYears; k++) {
    const lag = YEAR * k;
    const around = windowSum(prefix, t - lag + 7, 21);
    const level = windowSum(prefix, levelEnd - lag, 7 * s.recentWeeks);
    if (Number.isNaN(around) || Number.isNaN(level)) break;
    const levelWeekly = level / s.recentWeeks;
    ratios.push((around / 3 + SHRINK) / (levelWeekly + SHRINK));
    pooledCount += around;
    pooledExpected += 3 * levelWeekly;
  }
  return { ratios, pooledCount, pooledExpected };
}

function geometricMean(xs: readonly number[]): number {
  if (xs.length === 0) return 1;
  let s = 0;
  for (const x of xs) s += Math.log(x);
  return Math.exp(s / xs.length);
}

/**
 * Judges the series on day `asOf` (index into the series whose prefix sums are given). Needs at
 * least recentWeeks + 1 weeks before asOf; returns null when the history is shorter.
 */
export function assessSeries(prefix: Float64Array, asOf: number, s: WarningSettings = DEFAULT_WARNING_SETTINGS): SeriesAssessment | null {
  const levelEnd = asOf - 7;
  const recent = windowSum(prefix, levelEnd, 7 * s.recentWeeks);
  const observedWeek = windowSum(prefix, asOf, 7);
  if (Number.isNaN(recent) || Number.isNaN(observedWeek)) return null;
  // The recent level leans on the year before it (PRIOR_WEEKS pseudo-weeks at the long-run level),
  // so a few quiet weeks do not make an ordinary week look like a surge.
  const longRun = windowSum(prefix, levelEnd, YEAR);
  const priorWeekly = Number.isNaN(longRun) ? 0 : longRun / 52;
  const priorWeeks = Number.isNaN(longRun) ? 0 : PRIOR_WEEKS;
  const evidence = recent + priorWeekly * priorWeeks + SHRINK;
  const recentLevel = evidence / (s.recentWeeks + priorWeeks);
  // A level estimated from n requests is uncertain: its predictive count is negative binomial of
  // size ≈ n, compounded with the series' own week-to-week dispersion.
  const k = 1 / (1 / s.dispersion + 1 / evidence);

  // The seasonal index only raises expectations here: a dip in past years never makes an ordinary
  // week look like a surge.
  const now = seasonEvidence(prefix, asOf, levelEnd, s);
  const expectedWeek = recentLevel * Math.max(1, geometricMean(now.ratios));
  const upperWeek = countUpperBound(expectedWeek, k, s.quantile);

  let warning: SeriesAssessment['warning'] = null;
  if (observedWeek > upperWeek && observedWeek >= s.minCount && observedWeek >= s.minRatio * expectedWeek) {
    warning = { kind: 'surge', ratio: observedWeek / expectedWeek, value: observedWeek, normal: expectedWeek, week: null };
  }
  const forecast: SeriesAssessment['forecast'] = [];
  for (let h = 1; h <= s.horizonWeeks; h++) {
    const ev = seasonEvidence(prefix, asOf + 7 * h, levelEnd, s);
    const index = geometricMean(ev.ratios);
    const expected = recentLevel * index;
    forecast.push({ week: h, expected, upper: countUpperBound(expected, k, s.quantile) });
    const isSeasonal =
      ev.ratios.length >= s.minSeasonYears &&
      Math.min(...ev.ratios) >= MIN_YEAR_RATIO &&
      ev.pooledCount >= s.seasonalMinRatio * ev.pooledExpected &&
      ev.pooledCount > countUpperBound(ev.pooledExpected, s.dispersion, s.quantile) &&
      expected >= s.seasonalMinCount;
    if (warning === null && isSeasonal) {
      warning = { kind: 'seasonal', ratio: index, value: expected, normal: recentLevel, week: h };
    }
  }
  return { asOf, recentLevel, observedWeek, expectedWeek, upperWeek, forecast, seasonYearsUsed: now.ratios.length, warning };
}

export interface EvidencePoint {
  /** Day index of the week's last day. */
  weekEnd: number;
  observed: number | null;
  /** The same week a year before. */
  lastYear: number | null;
  expected: number;
  upper: number;
}

/**
 * Weekly points for a warning's chart: the last `weeks` weeks up to asOf (observed, last year,
 * expected as judged at that week, upper bound) followed by the forecast weeks (observed null).
 */
export function evidenceSeries(prefix: Float64Array, asOf: number, weeks = 26, s: WarningSettings = DEFAULT_WARNING_SETTINGS): EvidencePoint[] {
  const out: EvidencePoint[] = [];
  const lastYear = (t: number) => {
    const v = windowSum(prefix, t - YEAR, 7);
    return Number.isNaN(v) ? null : v;
  };
  for (let w = weeks - 1; w >= 0; w--) {
    const t = asOf - 7 * w;
    const a = assessSeries(prefix, t, s);
    if (a === null) continue;
    out.push({ weekEnd: t, observed: a.observedWeek, lastYear: lastYear(t), expected: round2(a.expectedWeek), upper: a.upperWeek });
  }
  const now = assessSeries(prefix, asOf, s);
  for (const f of now?.forecast ?? []) {
    const t = asOf + 7 * f.week;
    out.push({ weekEnd: t, observed: null, lastYear: lastYear(t), expected: round2(f.expected), upper: f.upper });
  }
  return out;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Runs the detector day by day over [from, to] with the cooldown: the days a warning fires.
 * This is what a daily job does for one series, and what the backtest scores.
 */
export function warningDays(prefix: Float64Array, from: number, to: number, s: WarningSettings = DEFAULT_WARNING_SETTINGS): Array<{ day: number; kind: WarningKind }> {
  const out: Array<{ day: number; kind: WarningKind }> = [];
  let quietUntil = -1;
  for (let d = from; d <= to; d++) {
    if (d <= quietUntil) continue;
    const a = assessSeries(prefix, d, s);
    if (a?.warning) {
      out.push({ day: d, kind: a.warning.kind });
      quietUntil = d + s.cooldownDays;
    }
  }
  return out;
}
