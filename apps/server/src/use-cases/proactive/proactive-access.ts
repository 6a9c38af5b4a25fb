// Who sees and runs a street's proactive work (未诉先办): the street and the units above it see the
// whole street; a community's or section's staff see their own community's part. Zones are managed
// by the street's leaders and supervisors (or those above it) and administrators.
import { type Actor, DomainError, hasRole, isInSubtree, type Unit } from '@jiesu/core';
import type { AppContext } from '../../context';

export interface StreetAccess {
  street: Unit;
  /** Null: the whole street. Otherwise the one community the actor's unit is (or lies in). */
  communityCode: string | null;
}

export async function loadStreetAccess(ctx: AppContext, actor: Actor, streetCode: string): Promise<StreetAccess> {
  const street = await ctx.repos.units.findByCode(streetCode);
  if (!street || street.class !== 'street') throw new DomainError('UNIT_NOT_FOUND', `${streetCode} is not a street or township code.`, { field: 'street', code: streetCode });
  if (isInSubtree(actor.unitPath, street.path)) return { street, communityCode: null };
  if (isInSubtree(street.path, actor.unitPath)) {
    // Inside the street: a community sees its own; a section (科室) sees the street's work too.
    return { street, communityCode: actor.unitClass === 'community' ? actor.unitCode : null };
  }
  throw new DomainError('OUT_OF_SCOPE', `Street ${street.name} is outside your unit's area (${actor.unitCode}).`, { field: 'street' });
}

/** Street leaders and supervisors at the street or above, and administrators. */
export function requireZoneManager(actor: Actor, street: Unit): void {
  const isAbove = isInSubtree(actor.unitPath, street.path) && hasRole(actor, 'unit_leader', 'supervisor');
  if (!isAbove && !hasRole(actor, 'administrator')) {
    throw new DomainError('FORBIDDEN', `Only a leader or supervisor of ${street.name} (or above it) may assign its zones.`, { roles: ['unit_leader', 'supervisor'] });
  }
}

/** A community of the street, active. */
export async function loadCommunityOf(ctx: AppContext, street: Unit, communityCode: string, field: string): Promise<Unit> {
  const c = await ctx.repos.units.findByCode(communityCode);
  if (!c || c.class !== 'community' || c.parentCode !== street.code || !c.isActive) {
    throw new DomainError('UNIT_NOT_FOUND', `${communityCode} is not an active community of ${street.name}.`, { field, code: communityCode });
  }
  return c;
}

export async function communitiesOf(ctx: AppContext, street: Unit): Promise<Unit[]> {
  return (await ctx.repos.units.list({ scopePath: street.path, class: 'community', parentCode: street.code, limit: 5000, offset: 0 })).items;
}
