// Contracting (包干): a street divides its communities into zones, each held by a responsible
// leader and team for a term. Pure rules: a zone's shape, overlaps refused, gaps flagged.
import { isLocalDate } from '../calendar/local-date';
import { DomainError } from '../errors';
import type { LngLat } from '../intake/point-in-polygon';

export interface ZoneDraft {
  streetCode: string;
  name: string;
  communityCodes: readonly string[];
  /** An optional drawn outline: one ring of [lng, lat] points (not closed; ≥ 3 points). */
  polygon: ReadonlyArray<LngLat> | null;
  leaderUserId: string;
  /** Team members by name (and an optional user id), e.g. section staff walking with the leader. */
  team: ReadonlyArray<{ name: string; userId?: string | null }>;
  /** First and last local day of the term ('YYYY-MM-DD'); termEnd null = open-ended. */
  termStart: string;
  termEnd: string | null;
}

/** A stored zone as the rules see it. */
export interface ZoneTerm {
  id: string;
  streetCode: string;
  name: string;
  communityCodes: readonly string[];
  termStart: string;
  termEnd: string | null;
  isActive: boolean;
}

function invalid(field: string, message: string, value?: unknown): never {
  throw new DomainError('VALIDATION_FAILED', message, { field, ...(value !== undefined ? { value } : {}) });
}

/** Checks a draft's own shape and returns it normalised (trimmed, communities de-duplicated and sorted). */
export function validateZoneDraft(d: ZoneDraft): ZoneDraft {
  const name = d.name.trim();
  if (name.length === 0 || name.length > 100) invalid('name', 'A zone needs a name of 1–100 characters.', d.name);
  const communityCodes = [...new Set(d.communityCodes.map((c) => c.trim()).filter((c) => c.length > 0))].sort();
  if (communityCodes.length === 0) invalid('communityCodes', 'A zone covers at least one community.');
  if (!isLocalDate(d.termStart)) invalid('termStart', 'The term starts on a date written YYYY-MM-DD.', d.termStart);
  if (d.termEnd !== null) {
    if (!isLocalDate(d.termEnd)) invalid('termEnd', 'The term ends on a date written YYYY-MM-DD (or leave it open).', d.termEnd);
    if (d.termEnd < d.termStart) invalid('termEnd', 'The term cannot end before it starts.', d.termEnd);
  }
  if (d.polygon !== null) {
    if (d.polygon.length < 3) invalid('polygon', 'A drawn zone needs at least three points.');
    for (const [i, p] of d.polygon.entries()) {
      const [lng, lat] = p;
      if (!(Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lng) <= 180 && Math.abs(lat) <= 90)) {
        invalid(`polygon.${i}`, 'Each point is [longitude ±180, latitude ±90].', p);
      }
    }
  }
  if (d.leaderUserId.trim().length === 0) invalid('leaderUserId', 'A zone has a responsible leader.');
  const team = d.team.map((m, i) => {
    const n = m.name.trim();
    if (n.length === 0) invalid(`team.${i}.name`, 'Each team member has a name.');
    return { name: n, userId: m.userId ?? null };
  });
  return { ...d, name, communityCodes, team };
}

/** Do two terms share at least one day? Open ends run forever. */
export function termsOverlap(a: { termStart: string; termEnd: string | null }, b: { termStart: string; termEnd: string | null }): boolean {
  const aEndsBeforeB = a.termEnd !== null && a.termEnd < b.termStart;
  const bEndsBeforeA = b.termEnd !== null && b.termEnd < a.termStart;
  return !aEndsBeforeB && !bEndsBeforeA;
}

export interface ZoneOverlap {
  communityCode: string;
  zoneId: string;
  zoneName: string;
}

/**
 * Communities the draft shares with another active zone of the same street over an overlapping
 * term: one community has one responsible leader at a time. `selfId` skips the zone being edited.
 */
export function findZoneOverlaps(draft: Pick<ZoneDraft, 'streetCode' | 'communityCodes' | 'termStart' | 'termEnd'>, zones: readonly ZoneTerm[], selfId?: string): ZoneOverlap[] {
  const mine = new Set(draft.communityCodes);
  const out: ZoneOverlap[] = [];
  for (const z of zones) {
    if (z.id === selfId || !z.isActive || z.streetCode !== draft.streetCode || !termsOverlap(draft, z)) continue;
    for (const c of z.communityCodes) if (mine.has(c)) out.push({ communityCode: c, zoneId: z.id, zoneName: z.name });
  }
  return out.sort((a, b) => a.communityCode.localeCompare(b.communityCode) || a.zoneId.localeCompare(b.zoneId));
}

/** Throws ZONE_OVERLAP listing every shared community, or returns quietly. */
export function assertNoZoneOverlap(draft: Pick<ZoneDraft, 'streetCode' | 'communityCodes' | 'termStart' | 'termEnd'>, zones: readonly ZoneTerm[], selfId?: string): void {
  const overlaps = findZoneOverlaps(draft, zones, selfId);
  if (overlaps.length > 0) {
    const list = overlaps.map((o) => `${o.communityCode} (${o.zoneName})`).join(', ');
    throw new DomainError('ZONE_OVERLAP', `These communities already belong to another zone for part of this term: ${list}.`, { field: 'communityCodes', overlaps });
  }
}

export interface ZoneCoverage {
  onDate: string;
  /** Community → the zones holding it on the date (normally one). */
  byCommunity: Array<{ communityCode: string; zoneIds: string[] }>;
  /** Communities in no zone on the date (空白): flagged for the street to assign. */
  gaps: string[];
  /** Communities in more than one zone (only possible from data written before the rule). */
  doubles: string[];
}

/** Who covers what on a date: the street's communities against its zones in force that day. */
export function zoneCoverage(communityCodes: readonly string[], zones: readonly ZoneTerm[], onDate: string): ZoneCoverage {
  const inForce = zones.filter((z) => z.isActive && termsOverlap(z, { termStart: onDate, termEnd: onDate }));
  const byCommunity = [...communityCodes].sort().map((c) => ({ communityCode: c, zoneIds: inForce.filter((z) => z.communityCodes.includes(c)).map((z) => z.id) }));
  return {
    onDate,
    byCommunity,
    gaps: byCommunity.filter((r) => r.zoneIds.length === 0).map((r) => r.communityCode),
    doubles: byCommunity.filter((r) => r.zoneIds.length > 1).map((r) => r.communityCode),
  };
}
