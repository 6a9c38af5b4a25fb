// Scoring readings of an address. Each unit a mention could mean proposes a reading (its chain
// district › street › community); a reading scores the strongest consistent mention at each of its
// levels, so '朝阳区 … 八里庄街道' makes 朝阳's 八里庄 beat 海淀's, and a mention repeated in the text
// is not counted twice.
import type { Gazetteer, GazetteerEntry, GazetteerPlace, TextMatch } from './gazetteer';
import type { PlaceLevel } from './place-name-forms';

export interface Mention {
  match: TextMatch;
  /** The mention's entries whose unit the gazetteer knows, with that unit. */
  readings: ReadonlyArray<{ entry: GazetteerEntry; place: GazetteerPlace }>;
}

export interface Chain {
  districtCode: string | null;
  streetCode: string | null;
  communityCode: string | null;
}

export interface Support {
  mention: Mention;
  entry: GazetteerEntry;
  place: GazetteerPlace;
}

export interface Hypothesis {
  chain: Chain;
  level: PlaceLevel;
  score: number;
  /** The strongest consistent mention at each level the text names. */
  byLevel: Partial<Record<PlaceLevel, Support>>;
  /** Mentions with a strong reading that fits nothing in this chain. */
  conflicts: Mention[];
}

/** Spans contained in a longer span are dropped: '朝阳门街道' is not also a mention of 朝阳区. */
export function mentionsOf(gazetteer: Gazetteer, text: string): Mention[] {
  const spans = gazetteer.scan(text);
  const maximal = spans.filter((m) => !spans.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
  const mentions: Mention[] = [];
  for (const match of maximal) {
    const readings = [];
    for (const entry of match.entries) {
      const place = gazetteer.places.get(entry.unitCode);
      if (place !== undefined) readings.push({ entry, place });
    }
    if (readings.length > 0) mentions.push({ match, readings });
  }
  return mentions;
}

export function chainKey(c: Chain): string {
  return `${c.districtCode ?? ''}|${c.streetCode ?? ''}|${c.communityCode ?? ''}`;
}

export function levelOfChain(c: Chain): PlaceLevel | 'none' {
  if (c.communityCode !== null) return 'community';
  if (c.streetCode !== null) return 'street';
  if (c.districtCode !== null) return 'district';
  return 'none';
}

/** True when `a` is `b` or lies above it (every code `a` names, `b` names too). */
export function isAncestorOrSelf(a: Chain, b: Chain): boolean {
  return (
    (a.districtCode === null || a.districtCode === b.districtCode) &&
    (a.streetCode === null || a.streetCode === b.streetCode) &&
    (a.communityCode === null || a.communityCode === b.communityCode)
  );
}

/** The longest chain every hypothesis agrees on, from the district down. */
export function commonChain(chains: readonly Chain[]): Chain {
  const first = chains[0];
  const out: Chain = { districtCode: null, streetCode: null, communityCode: null };
  if (first === undefined) return out;
  const same = (f: (c: Chain) => string | null): boolean => chains.every((c) => f(c) === f(first));
  if (first.districtCode === null || !same((c) => c.districtCode)) return out;
  out.districtCode = first.districtCode;
  if (first.streetCode === null || !same((c) => c.streetCode)) return out;
  out.streetCode = first.streetCode;
  if (first.communityCode === null || !same((c) => c.communityCode)) return out;
  out.communityCode = first.communityCode;
  return out;
}

/** All readings the mentions propose, scored and sorted best first (ties: deeper, then by code). */
export function scoreHypotheses(mentions: readonly Mention[]): Hypothesis[] {
  const chains = new Map<string, Chain>();
  for (const m of mentions) {
    for (const { place } of m.readings) {
      const chain: Chain = { districtCode: place.districtCode, streetCode: place.streetCode, communityCode: place.communityCode };
      chains.set(chainKey(chain), chain);
    }
  }
  const out: Hypothesis[] = [];
  for (const chain of chains.values()) {
    const h = scoreChain(chain, mentions);
    if (h !== null) out.push(h);
  }
  const depth = { community: 3, street: 2, district: 1 } as const;
  return out.sort((a, b) => b.score - a.score || depth[b.level] - depth[a.level] || chainKey(a.chain).localeCompare(chainKey(b.chain)));
}

function scoreChain(chain: Chain, mentions: readonly Mention[]): Hypothesis | null {
  const codes = new Set([chain.districtCode, chain.streetCode, chain.communityCode].filter((c): c is string => c !== null));
  // Each mention fills at most one level and each level takes one mention, strongest first. A
  // mention that can name a unit another mention already named is that unit said twice: in
  // '和平里街道和平里七区' the second 和平里 repeats the street, it is not 和平里社区.
  const pairs: Support[] = [];
  const conflicts: Mention[] = [];
  for (const mention of mentions) {
    const fitting = mention.readings.filter((r) => codes.has(r.place.code));
    if (fitting.length === 0 && mention.readings.some((r) => !r.entry.isWeak)) conflicts.push(mention);
    for (const { entry, place } of fitting) pairs.push({ mention, entry, place });
  }
  pairs.sort((a, b) => b.entry.weight - a.entry.weight || a.mention.match.start - b.mention.match.start);
  const byLevel: Partial<Record<PlaceLevel, Support>> = {};
  const used = new Set<Mention>();
  for (const p of pairs) {
    if (used.has(p.mention)) continue;
    const held = byLevel[p.place.level];
    if (held !== undefined) {
      if (held.place.code === p.place.code) used.add(p.mention);
      continue;
    }
    byLevel[p.place.level] = p;
    used.add(p.mention);
  }
  const supports = Object.values(byLevel);
  // A reading resting only on weak forms (幸福, 光明 …) is an ordinary word, not a place.
  if (!supports.some((s) => !s.entry.isWeak)) return null;
  const level = levelOfChain(chain);
  // The deepest unit must be named itself: '密云' read as 密云区 does not make 密云镇 a reading.
  if (level === 'none' || byLevel[level] === undefined) return null;
  const score = supports.reduce((sum, s) => sum + s.entry.weight, 0);
  return { chain, level, score, byLevel, conflicts };
}
