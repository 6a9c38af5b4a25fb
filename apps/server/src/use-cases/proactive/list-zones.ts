// Who covers what (包干一览): a street's zones with their leaders, and the coverage on a date —
// each community's zone, the gaps (communities in no zone) flagged for the street to assign.
import { type Actor, localDateOf, zoneCoverage, type ZoneCoverage } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { ProactiveZone } from '../../repositories/proactive-zone.repository';
import { communitiesOf, loadStreetAccess } from './proactive-access';

export interface ZonesView {
  streetCode: string;
  streetName: string;
  zones: Array<ProactiveZone & { leaderName: string | null; isInForce: boolean }>;
  communities: Array<{ code: string; name: string }>;
  coverage: ZoneCoverage;
}

export async function listZones(ctx: AppContext, opts: { actor: Actor; streetCode: string; onDate?: string }): Promise<ZonesView> {
  const { street } = await loadStreetAccess(ctx, opts.actor, opts.streetCode);
  const onDate = opts.onDate ?? localDateOf(ctx.now(), ctx.config.timeZone);
  const [zones, communities] = await Promise.all([ctx.repos.proactiveZones.listByStreet(street.code), communitiesOf(ctx, street)]);
  const coverage = zoneCoverage(
    communities.map((c) => c.code),
    zones,
    onDate,
  );
  const inForce = new Set(coverage.byCommunity.flatMap((r) => r.zoneIds));
  const leaders = new Map<string, string>();
  for (const id of new Set(zones.map((z) => z.leaderUserId))) {
    const u = await ctx.repos.users.findById(id);
    if (u) leaders.set(id, u.displayName);
  }
  return {
    streetCode: street.code,
    streetName: street.name,
    zones: zones.map((z) => ({
      ...z,
      leaderName: leaders.get(z.leaderUserId) ?? null,
      isInForce: inForce.has(z.id) || (z.isActive && z.termStart <= onDate && (z.termEnd === null || z.termEnd >= onDate)),
    })),
    communities: communities.map((c) => ({ code: c.code, name: c.name })),
    coverage,
  };
}
