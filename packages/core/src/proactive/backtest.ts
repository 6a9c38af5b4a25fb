// Backtest of the early warning (预警) on simulated history: daily requests per community ×
// category with weekday and week-to-week noise, planted seasonal rises (the same weeks every year,
// like heating in November or flooding in July) and sudden rises (a burst that builds over one to
// two weeks), then the detector run day by day over the last year exactly as the daily job runs it.
// Seeded, so a run is repeatable; used by scripts/backtest-warnings.ts and its unit test.
import { DEFAULT_WARNING_SETTINGS, prefixSums, type WarningKind, warningDays, type WarningSettings } from './forecast';

export interface BacktestOptions {
  seed: number;
  streets: number;
  communitiesPerStreet: number;
  categories: number;
  /** Years of history before the judged year. */
  historyYears: number;
  /** Share of series with a seasonal rise (every year, history included). */
  seasonalShare: number;
  /** Share of series with one sudden rise in the judged year. */
  suddenShare: number;
  /** Share of series with a one-off sudden rise in some history year (noise the seasonal index must resist). */
  historySuddenShare: number;
  /** Days a sudden rise takes to build to its peak, drawn uniformly from [min, max]. */
  suddenRampDays: readonly [number, number];
  settings: WarningSettings;
}

export const DEFAULT_BACKTEST: BacktestOptions = {
  seed: 20261201,
  streets: 10,
  communitiesPerStreet: 22,
  categories: 8,
  historyYears: 3,
  seasonalShare: 0.05,
  suddenShare: 0.05,
  historySuddenShare: 0.05,
  suddenRampDays: [10, 21],
  settings: DEFAULT_WARNING_SETTINGS,
};

/** A planted rise in the judged year: first day, day of the highest rate, last day. */
export interface PlantedRise {
  series: number;
  kind: 'seasonal' | 'sudden';
  start: number;
  peak: number;
  end: number;
  /**
   * Expected requests in the peak week, and whether the rise is material: at least
   * MATERIAL_PEAK_WEEK requests expected that week. Recall is measured on material rises; a
   * warning on a smaller one still counts as correct.
   */
  peakWeekExpected: number;
  isMaterial: boolean;
}

/** A rise worth a warning brings at least this many requests in its peak week. */
export const MATERIAL_PEAK_WEEK = 5;

export interface BacktestReport {
  series: number;
  streets: number;
  judgedDays: number;
  /** Material planted rises (what recall is measured on), and the smaller ones also planted. */
  planted: number;
  minorRises: number;
  plantedByKind: Record<'seasonal' | 'sudden', number>;
  warnings: number;
  warningsByKind: Record<WarningKind, number>;
  truePositives: number;
  falseAlarms: number;
  precision: number | null;
  recall: number | null;
  recallByKind: Record<'seasonal' | 'sudden', number | null>;
  /** Days from the first matching warning to the peak, per detected rise. */
  leadDays: number[];
  medianLeadDays: number | null;
  shareLeadAtLeast3: number | null;
  falseAlarmsPerStreetMonth: number;
}

/** mulberry32: a small seeded generator, good enough for simulation. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(rand: () => number, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) {
    const u = Math.max(rand(), 1e-12);
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
    return Math.max(0, Math.round(lambda + z * Math.sqrt(lambda)));
  }
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k++;
    p *= rand();
  }
  return k;
}

/** Gamma(shape, 1/shape): mean 1 (Marsaglia–Tsang, shape ≥ 1). */
function gammaMeanOne(rand: () => number, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const u1 = Math.max(rand(), 1e-12);
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rand());
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = rand();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / shape;
  }
}

const YEAR = 364;
const WEEKDAY = [1.1, 1.1, 1.05, 1.05, 1.0, 0.85, 0.85];
const WEEK_NOISE_SHAPE = 12;

export interface SimulatedHistory {
  days: number;
  judgedFrom: number;
  daily: Uint16Array[];
  planted: PlantedRise[];
}

/** Builds the simulated daily series and the rises planted in the judged (last) year. */
export function simulateHistory(o: BacktestOptions): SimulatedHistory {
  const rand = seededRandom(o.seed);
  const years = o.historyYears + 1;
  const days = years * YEAR;
  const judgedFrom = o.historyYears * YEAR;
  const n = o.streets * o.communitiesPerStreet * o.categories;
  const daily: Uint16Array[] = [];
  const planted: PlantedRise[] = [];
  const rate = new Float64Array(days);
  for (let s = 0; s < n; s++) {
    // Base rate per day: log-normal around 0.12 (≈ 44 requests a year), from ~0.02 to ~1.
    const base = Math.exp(Math.log(0.12) + 0.9 * gaussian(rand));
    for (let d = 0; d < days; d++) rate[d] = base * WEEKDAY[d % 7]!;
    // A slow trend over the years (±30 %), as areas grow or empty.
    const trend = 1 + (rand() - 0.5) * 0.6;
    for (let d = 0; d < days; d++) rate[d]! *= 1 + ((trend - 1) * d) / days;
    if (rand() < o.seasonalShare) {
      const doy = 30 + Math.floor(rand() * 280);
      const m = 3 + rand() * 3;
      for (let y = 0; y < years; y++) {
        const start = y * YEAR + doy + Math.floor(rand() * 7) - 3;
        const ramp = 10;
        const plateau = 21;
        for (let i = 0; i < ramp + plateau + 10; i++) {
          const d = start + i;
          if (d < 0 || d >= days) continue;
          const f = i < ramp ? 1 + ((m - 1) * (i + 1)) / ramp : i < ramp + plateau ? m : m - ((m - 1) * (i - ramp - plateau + 1)) / 10;
          rate[d]! *= f;
        }
        if (y === years - 1) {
          const peakWeekExpected = 7 * base * m * (1 + ((trend - 1) * start) / days);
          planted.push({
            series: s,
            kind: 'seasonal',
            start,
            peak: start + ramp - 1,
            end: start + ramp + plateau + 9,
            peakWeekExpected,
            isMaterial: peakWeekExpected >= MATERIAL_PEAK_WEEK,
          });
        }
      }
    }
    const sudden = (yearStart: number, record: boolean) => {
      const [lo, hi] = o.suddenRampDays;
      const ramp = lo + Math.floor(rand() * (hi - lo + 1));
      const start = yearStart + Math.floor(rand() * (YEAR - ramp - 20));
      const extra = Math.max(1.5, 3 * base);
      for (let i = 0; i < ramp + 3 + 7; i++) {
        const d = start + i;
        const f = i < ramp ? (i + 1) / ramp : i < ramp + 3 ? 1 : 1 - (i - ramp - 3 + 1) / 8;
        rate[d]! += extra * f;
      }
      // The peak week: the last seven days of the ramp.
      let peakWeekExpected = 0;
      for (let i = Math.max(0, ramp - 7); i < ramp; i++) peakWeekExpected += base + (extra * (i + 1)) / ramp;
      if (record)
        planted.push({ series: s, kind: 'sudden', start, peak: start + ramp - 1, end: start + ramp + 9, peakWeekExpected, isMaterial: peakWeekExpected >= MATERIAL_PEAK_WEEK });
    };
    if (rand() < o.historySuddenShare) sudden(Math.floor(rand() * o.historyYears) * YEAR, false);
    if (rand() < o.suddenShare) sudden(judgedFrom, true);
    const counts = new Uint16Array(days);
    for (let w = 0; w < days; w += 7) {
      const noise = gammaMeanOne(rand, WEEK_NOISE_SHAPE);
      for (let d = w; d < Math.min(w + 7, days); d++) counts[d] = Math.min(65535, poisson(rand, rate[d]! * noise));
    }
    daily.push(counts);
  }
  return { days, judgedFrom, daily, planted };
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/**
 * Scores the detector on a simulated history. A warning matches a planted rise of its series when
 * it fires between (horizon + 1) weeks before the rise starts and the rise's last day; every other
 * warning is a false alarm. A rise is recalled when some warning matches it; its lead is the peak
 * day minus the first matching warning's day.
 */
export function runBacktest(o: BacktestOptions = DEFAULT_BACKTEST, history: SimulatedHistory = simulateHistory(o)): BacktestReport {
  const s = o.settings;
  const bySeries = new Map<number, PlantedRise[]>();
  for (const p of history.planted) bySeries.set(p.series, [...(bySeries.get(p.series) ?? []), p]);
  const firstMatch = new Map<PlantedRise, number>();
  let warnings = 0;
  let truePositives = 0;
  const warningsByKind: Record<WarningKind, number> = { surge: 0, seasonal: 0 };
  const earliest = 7 * (s.horizonWeeks + 1);
  for (let i = 0; i < history.daily.length; i++) {
    const prefix = prefixSums(history.daily[i]!);
    const fired = warningDays(prefix, history.judgedFrom, history.days - 1, s);
    for (const w of fired) {
      warnings++;
      warningsByKind[w.kind]++;
      const match = (bySeries.get(i) ?? []).find((p) => w.day >= p.start - earliest && w.day <= p.end);
      if (match) {
        truePositives++;
        if (!firstMatch.has(match)) firstMatch.set(match, w.day);
      }
    }
  }
  const material = history.planted.filter((p) => p.isMaterial);
  const planted = material.length;
  const plantedByKind = { seasonal: 0, sudden: 0 };
  const foundByKind = { seasonal: 0, sudden: 0 };
  for (const p of material) {
    plantedByKind[p.kind]++;
    if (firstMatch.has(p)) foundByKind[p.kind]++;
  }
  const leadDays = material
    .filter((p) => firstMatch.has(p))
    .map((p) => p.peak - (firstMatch.get(p) ?? p.peak))
    .sort((a, b) => a - b);
  const falseAlarms = warnings - truePositives;
  const months = ((history.days - history.judgedFrom) / YEAR) * 12;
  return {
    series: history.daily.length,
    streets: o.streets,
    judgedDays: history.days - history.judgedFrom,
    planted,
    plantedByKind,
    warnings,
    warningsByKind,
    truePositives,
    falseAlarms,
    precision: warnings === 0 ? null : truePositives / warnings,
    recall: planted === 0 ? null : (foundByKind.seasonal + foundByKind.sudden) / planted,
    minorRises: history.planted.length - planted,
    recallByKind: {
      seasonal: plantedByKind.seasonal === 0 ? null : foundByKind.seasonal / plantedByKind.seasonal,
      sudden: plantedByKind.sudden === 0 ? null : foundByKind.sudden / plantedByKind.sudden,
    },
    leadDays,
    medianLeadDays: leadDays.length === 0 ? null : leadDays[Math.floor((leadDays.length - 1) / 2)]!,
    shareLeadAtLeast3: leadDays.length === 0 ? null : leadDays.filter((d) => d >= 3).length / leadDays.length,
    falseAlarmsPerStreetMonth: falseAlarms / (o.streets * months),
  };
}
