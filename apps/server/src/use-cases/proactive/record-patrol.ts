// 巡查、走访: one record per outing — who, when, which community (and a point from the phone when
// given), what was seen, photos uploaded first through /api/attachments. A retry with the same
// idempotency key returns the first record. The zone holding the community that day is noted.
import { randomUUID } from 'node:crypto';
import { type Actor, DomainError, hasRole, isInSubtree, localDateOf, zoneCoverage } from '@jiesu/core';
import type { AppContext } from '../../context';
import { PATROL_KINDS, type Patrol, type PatrolKind } from '../../repositories/patrol.repository';
import { resolveAttachments } from '../cases/case-context';
import { loadCommunityOf, loadStreetAccess } from './proactive-access';

export interface RecordPatrolOptions {
  actor: Actor;
  streetCode: string;
  communityCode: string;
  kind?: PatrolKind;
  patrolledAt?: Date;
  point?: { lng: number; lat: number } | null;
  observations: string;
  attachmentIds?: string[];
  idempotencyKey?: string | null;
}

export async function recordPatrol(ctx: AppContext, opts: RecordPatrolOptions): Promise<{ patrol: Patrol; isNew: boolean }> {
  if (!hasRole(opts.actor, 'handler', 'unit_leader', 'supervisor')) {
    throw new DomainError('FORBIDDEN', 'Patrols are recorded by street and community staff (handler, unit leader, supervisor).', {
      roles: ['handler', 'unit_leader', 'supervisor'],
    });
  }
  const { street } = await loadStreetAccess(ctx, opts.actor, opts.streetCode);
  const community = await loadCommunityOf(ctx, street, opts.communityCode, 'communityCode');
  const kind = opts.kind ?? 'patrol';
  if (!PATROL_KINDS.includes(kind)) throw new DomainError('VALIDATION_FAILED', `kind must be one of ${PATROL_KINDS.join(', ')}.`, { field: 'kind' });
  const now = ctx.now();
  const at = opts.patrolledAt ?? now;
  if (at.getTime() > now.getTime() + 5 * 60_000) throw new DomainError('VALIDATION_FAILED', 'A patrol cannot be recorded in the future.', { field: 'patrolledAt' });
  const observations = opts.observations.trim();
  if (observations.length === 0) throw new DomainError('VALIDATION_FAILED', 'Say what was seen (observations).', { field: 'observations' });
  const p = opts.point ?? null;
  if (p !== null && !(Math.abs(p.lng) <= 180 && Math.abs(p.lat) <= 90))
    throw new DomainError('VALIDATION_FAILED', 'The point is a longitude within ±180 and a latitude within ±90.', { field: 'point' });
  const zones = await ctx.repos.proactiveZones.listByStreet(street.code);
  const day = localDateOf(at, ctx.config.timeZone);
  const zoneId = zoneCoverage([community.code], zones, day).byCommunity[0]?.zoneIds[0] ?? null;
  // Community staff patrol their own community; the street, sections and zone leaders the street's.
  const zone = zones.find((z) => z.id === zoneId);
  const isOwnArea = isInSubtree(opts.actor.unitPath, community.path) || opts.actor.unitClass === 'section' || zone?.leaderUserId === opts.actor.userId;
  if (!isOwnArea) throw new DomainError('OUT_OF_SCOPE', `${community.name} is outside your unit's area.`, { field: 'communityCode' });
  const attachments = await resolveAttachments(ctx, opts.attachmentIds);

  const key = opts.idempotencyKey ?? null;
  const patrol = {
    id: randomUUID(),
    kind,
    streetCode: street.code,
    communityCode: community.code,
    zoneId,
    unitCode: opts.actor.unitCode,
    patrollerUserId: opts.actor.userId,
    patrollerName: opts.actor.displayName,
    patrolledAt: at,
    point: p,
    observations,
    attachmentIds: attachments.map((a) => a.id),
    idempotencyKey: key,
  };
  const inserted = await ctx.repos.patrols.insert(patrol);
  if (!inserted && key !== null) {
    const existing = await ctx.repos.patrols.findByIdempotencyKey(key);
    if (existing && existing.patrollerUserId === opts.actor.userId) return { patrol: existing, isNew: false };
    throw new DomainError('CONFLICT', 'This idempotency key was already used for another record; send a new key.', { field: 'Idempotency-Key' });
  }
  const saved = await ctx.repos.patrols.findById(patrol.id);
  if (!saved) throw new Error(`patrol ${patrol.id} vanished after saving`);
  return { patrol: saved, isNew: true };
}
