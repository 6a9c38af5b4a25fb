// 每月一题 candidates: a group of cases about one problem, measured (size, requesters, spread,
// growth, the "hard" signals) and ranked by one published formula with configurable weights.
// Pure: the caller supplies the members; no I/O, no clock.
import { DomainError } from '../errors';
import { defineSetting } from '../settings/setting-definition';

/** How much each of the four signals counts in a group's score (any non-negative numbers; they are normalised). */
export interface HotspotWeights {
  /** 高频: how many distinct requesters asked. */
  frequency: number;
  /** 共性: how many streets the group spans. */
  spread: number;
  /** Growth against the preceding periods. */
  growth: number;
  /** 难点: unresolved, dissatisfied and repeat calls. */
  difficulty: number;
}

export const DEFAULT_HOTSPOT_WEIGHTS: HotspotWeights = { frequency: 0.35, spread: 0.3, growth: 0.15, difficulty: 0.2 };

/** Validates weights from an administrator or a stored setting; errors name the field. */
export function parseHotspotWeights(value: unknown): HotspotWeights {
  if (typeof value !== 'object' || value === null) throw new DomainError('VALIDATION_FAILED', 'Ranking weights must be an object.', { field: 'weights' });
  const v = value as Record<string, unknown>;
  const out = { ...DEFAULT_HOTSPOT_WEIGHTS };
  for (const key of Object.keys(DEFAULT_HOTSPOT_WEIGHTS) as (keyof HotspotWeights)[]) {
    const x = v[key];
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > 100) {
      throw new DomainError('VALIDATION_FAILED', `Weight ${key} must be a number from 0 to 100.`, { field: `weights.${key}` });
    }
    out[key] = x;
  }
  for (const key of Object.keys(v)) if (!(key in DEFAULT_HOTSPOT_WEIGHTS)) throw new DomainError('VALIDATION_FAILED', `Unknown weight ${key}.`, { field: `weights.${key}` });
  if (out.frequency + out.spread + out.growth + out.difficulty <= 0) throw new DomainError('VALIDATION_FAILED', 'At least one weight must be above 0.', { field: 'weights' });
  return out;
}

/** The ranking weights in the one settings store. */
export const HOTSPOT_WEIGHTS_SETTING = defineSetting<HotspotWeights>('hotspots.ranking_weights', DEFAULT_HOTSPOT_WEIGHTS, parseHotspotWeights);

/** One case of a group, as the metrics need it. */
export interface HotspotMember {
  caseId: string;
  receivedAt: Date;
  /** A stable key for the requester (e.g. the phone number); null when unknown. */
  requesterKey: string | null;
  districtCode: string | null;
  streetCode: string | null;
  communityCode: string | null;
  isClosed: boolean;
  /** From the return visit: null when not visited. */
  isSolved: boolean | null;
  satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null;
  /** On either side of a 重复来电 link (it repeats an earlier finished case, or a later case repeats it). */
  hasRepeatLink: boolean;
}

export interface AreaCount {
  code: string;
  count: number;
}

export interface HotspotMetrics {
  size: number;
  requesters: number;
  districts: number;
  streets: number;
  communities: number;
  /** Cases of the same signature in each preceding period, oldest first (same length as the period). */
  previousSizes: number[];
  /** size / mean of previous sizes, both plus one (so a new problem from nothing grows, not divides by 0). */
  growth: number;
  /** Share of cases not closed or closed unsolved. */
  unresolvedShare: number;
  /** Share of visited cases rated dissatisfied. */
  dissatisfiedShare: number;
  /** Share of repeat calls: cases whose requester called about it more than once in the group, or linked as 重复来电. */
  repeatShare: number;
  byStreet: AreaCount[];
  byDistrict: AreaCount[];
}

export function measureHotspot(members: readonly HotspotMember[], previousSizes: readonly number[]): HotspotMetrics {
  const requesters = new Map<string, number>();
  const districts = new Map<string, number>();
  const streets = new Map<string, number>();
  const communities = new Set<string>();
  let unresolved = 0;
  let visited = 0;
  let dissatisfied = 0;
  for (const m of members) {
    if (m.requesterKey !== null) requesters.set(m.requesterKey, (requesters.get(m.requesterKey) ?? 0) + 1);
    if (m.districtCode !== null) districts.set(m.districtCode, (districts.get(m.districtCode) ?? 0) + 1);
    if (m.streetCode !== null) streets.set(m.streetCode, (streets.get(m.streetCode) ?? 0) + 1);
    if (m.communityCode !== null) communities.add(m.communityCode);
    if (!m.isClosed || m.isSolved === false) unresolved++;
    if (m.satisfaction !== null) {
      visited++;
      if (m.satisfaction === 'dissatisfied') dissatisfied++;
    }
  }
  // A repeat call: the same requester twice in the group, or a case on either side of a repeat
  // link (the other side may fall outside the group or the period: the earlier call is usually
  // last month's). Each case counts once.
  let repeat = 0;
  for (const m of members) if (m.hasRepeatLink || (m.requesterKey !== null && (requesters.get(m.requesterKey) ?? 0) > 1)) repeat++;
  const anonymous = members.filter((m) => m.requesterKey === null).length;
  const size = members.length;
  const prevMean = previousSizes.length ? previousSizes.reduce((s, x) => s + x, 0) / previousSizes.length : 0;
  const byCount = (m: Map<string, number>): AreaCount[] => [...m].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
  return {
    size,
    requesters: requesters.size + anonymous,
    districts: districts.size,
    streets: streets.size,
    communities: communities.size,
    previousSizes: [...previousSizes],
    growth: round3((size + 1) / (prevMean + 1)),
    unresolvedShare: share(unresolved, size),
    dissatisfiedShare: share(dissatisfied, visited),
    repeatShare: share(repeat, size),
    byStreet: byCount(streets),
    byDistrict: byCount(districts),
  };
}

/** The four signals of a group, each 0–1, and the score 0–100. */
export interface HotspotScore {
  frequency: number;
  spread: number;
  growth: number;
  difficulty: number;
  score: number;
}

/** The largest requester and street counts among the groups ranked together (for normalising). */
export interface HotspotScale {
  maxRequesters: number;
  maxStreets: number;
}

export function hotspotScale(all: readonly Pick<HotspotMetrics, 'requesters' | 'streets'>[]): HotspotScale {
  return { maxRequesters: Math.max(1, ...all.map((m) => m.requesters)), maxStreets: Math.max(1, ...all.map((m) => m.streets)) };
}

/**
 * score = 100 × (wF·F + wS·S + wG·G + wD·D) / (wF + wS + wG + wD), where
 * F = ln(1+requesters)/ln(1+max requesters), S = ln(1+streets)/ln(1+max streets),
 * G = min(1, max(0, log2(growth))/2) (a fourfold rise scores 1), D = mean(unresolved, dissatisfied, repeat).
 */
export function scoreHotspot(m: HotspotMetrics, scale: HotspotScale, w: HotspotWeights = DEFAULT_HOTSPOT_WEIGHTS): HotspotScore {
  const frequency = Math.log1p(m.requesters) / Math.log1p(scale.maxRequesters);
  const spread = scale.maxStreets > 0 ? Math.log1p(m.streets) / Math.log1p(scale.maxStreets) : 0;
  const growth = Math.min(1, Math.max(0, Math.log2(m.growth)) / 2);
  const difficulty = (m.unresolvedShare + m.dissatisfiedShare + m.repeatShare) / 3;
  const total = w.frequency + w.spread + w.growth + w.difficulty;
  const score = (100 * (w.frequency * frequency + w.spread * spread + w.growth * growth + w.difficulty * difficulty)) / total;
  return { frequency: round3(frequency), spread: round3(spread), growth: round3(growth), difficulty: round3(difficulty), score: round3(score) };
}

/** The formula as shown beside the ranking (API and console), with the weights in force. */
export function hotspotFormula(w: HotspotWeights = DEFAULT_HOTSPOT_WEIGHTS): string {
  const total = w.frequency + w.spread + w.growth + w.difficulty;
  return (
    `score = 100 × (${w.frequency}·F + ${w.spread}·S + ${w.growth}·G + ${w.difficulty}·D) / ${round3(total)}; ` +
    'F = ln(1+requesters)/ln(1+max requesters); S = ln(1+streets)/ln(1+max streets); ' +
    'G = min(1, max(0, log2(growth))/2), growth = (size+1)/(mean of preceding periods+1); ' +
    'D = mean(unresolved share, dissatisfied share, repeat-call share)'
  );
}

/** Cases per day over [from, to), in the city's days given by `dayKey` (trend chart). */
export function dailySeries(receivedAt: readonly Date[], days: readonly string[], dayKey: (d: Date) => string): { day: string; count: number }[] {
  const counts = new Map(days.map((d) => [d, 0]));
  for (const at of receivedAt) {
    const k = dayKey(at);
    const c = counts.get(k);
    if (c !== undefined) counts.set(k, c + 1);
  }
  return days.map((day) => ({ day, count: counts.get(day) ?? 0 }));
}

function share(n: number, d: number): number {
  return d === 0 ? 0 : round3(n / d);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
