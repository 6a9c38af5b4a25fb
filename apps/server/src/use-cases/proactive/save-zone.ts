// 包干: create or change a zone of a street — its communities, optional outline, leader, team and
// term. Refused when a community would sit in two active zones over overlapping terms; the check
// and the write run in one transaction with the street's zones locked, so two edits cannot both pass.
import { randomUUID } from 'node:crypto';
import { type Actor, assertNoZoneOverlap, DomainError, type LngLat, validateZoneDraft } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { ProactiveZone } from '../../repositories/proactive-zone.repository';
import { loadCommunityOf, loadStreetAccess, requireZoneManager } from './proactive-access';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ZoneInput {
  name: string;
  communityCodes: string[];
  polygon?: Array<[number, number]> | null;
  leaderUserId: string;
  team?: Array<{ name: string; userId?: string | null }>;
  termStart: string;
  termEnd?: string | null;
}

export async function saveZone(
  ctx: AppContext,
  opts: { actor: Actor; streetCode: string; zoneId?: string; expectedVersion?: number; isActive?: boolean; zone: ZoneInput },
): Promise<ProactiveZone> {
  const { street } = await loadStreetAccess(ctx, opts.actor, opts.streetCode);
  requireZoneManager(opts.actor, street);
  const draft = validateZoneDraft({
    streetCode: street.code,
    name: opts.zone.name,
    communityCodes: opts.zone.communityCodes,
    polygon: (opts.zone.polygon ?? null) as LngLat[] | null,
    leaderUserId: opts.zone.leaderUserId,
    team: opts.zone.team ?? [],
    termStart: opts.zone.termStart,
    termEnd: opts.zone.termEnd ?? null,
  });
  for (const [i, code] of draft.communityCodes.entries()) await loadCommunityOf(ctx, street, code, `communityCodes[${i}]`);
  const leader = UUID.test(draft.leaderUserId) ? await ctx.repos.users.findById(draft.leaderUserId) : null;
  const leaderUnit = leader ? await ctx.repos.units.findByCode(leader.unitCode) : null;
  if (!leader || !leader.isActive || !leaderUnit || !leaderUnit.path.startsWith(street.path)) {
    throw new DomainError('USER_NOT_FOUND', `The leader must be an active user of ${street.name} or one of its units.`, { field: 'leaderUserId' });
  }
  const values = {
    ...draft,
    polygon: draft.polygon === null ? null : draft.polygon.map(([lng, lat]): [number, number] => [lng, lat]),
    team: draft.team.map((m) => ({ name: m.name, userId: m.userId ?? null })),
    communityCodes: [...draft.communityCodes],
  };

  const id = await ctx.db.transaction().execute(async (trx) => {
    const zones = await ctx.repos.proactiveZones.listByStreet(street.code, trx, true);
    const isActive = opts.isActive ?? true;
    if (opts.zoneId === undefined) {
      assertNoZoneOverlap(draft, zones);
      const newId = randomUUID();
      await ctx.repos.proactiveZones.insert(newId, values, opts.actor.username, trx);
      await ctx.repos.audit.record(
        opts.actor,
        { action: 'zone.create', targetType: 'zone', targetId: newId, data: { streetCode: street.code, name: draft.name, communityCodes: draft.communityCodes } },
        trx,
      );
      return newId;
    }
    const current = zones.find((z) => z.id === opts.zoneId);
    if (!current) throw new DomainError('ZONE_NOT_FOUND', `No zone ${opts.zoneId} in ${street.name}.`, { field: 'zoneId' });
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== current.version) {
      throw new DomainError('VERSION_CONFLICT', 'The zone was changed meanwhile; reload it.', { field: 'expectedVersion', version: current.version });
    }
    if (isActive) assertNoZoneOverlap(draft, zones, current.id);
    await ctx.repos.proactiveZones.update(current.id, current.version, { ...values, isActive }, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'zone.update', targetType: 'zone', targetId: current.id, data: { isActive, communityCodes: draft.communityCodes } }, trx);
    return current.id;
  });
  const saved = await ctx.repos.proactiveZones.findById(id);
  if (!saved) throw new Error(`zone ${id} vanished after saving`);
  return saved;
}
