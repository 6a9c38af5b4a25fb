// Who may see and score a street's communities: the street's own leaders (and administrators)
// score; anyone whose subtree holds the street reads.
import { type Actor, assertInScope, type CommunityItem, type CommunityRankingConfig, communityRankingSetting, DomainError, hasRole, type Unit } from '@jiesu/core';
import type { AppContext } from '../../context';

export async function loadStreet(ctx: AppContext, actor: Actor, streetCode: string): Promise<Unit> {
  const street = await ctx.repos.units.findByCode(streetCode);
  if (!street || street.class !== 'street') throw new DomainError('UNIT_NOT_FOUND', `${streetCode} is not a street or township code.`, { code: streetCode });
  assertInScope(actor, street.path, 'street');
  return street;
}

export function requireStreetLeader(actor: Actor, street: Unit): void {
  const isLeader = actor.unitCode === street.code && hasRole(actor, 'unit_leader');
  if (!isLeader && !hasRole(actor, 'administrator')) {
    throw new DomainError('FORBIDDEN', `Only a leader of ${street.name} (or an administrator) may score its communities.`, { roles: ['unit_leader'] });
  }
}

/** The config as plain mutable data (what the API returns). */
export interface CommunityConfigView {
  rateWeights: { response: number; resolution: number; satisfaction: number };
  items: CommunityItem[];
}

export function plainConfig(config: CommunityRankingConfig): CommunityConfigView {
  return { rateWeights: { ...config.rateWeights }, items: config.items.map((i) => ({ ...i })) };
}

export async function communityConfig(ctx: AppContext, streetCode: string): Promise<CommunityConfigView> {
  return plainConfig(await ctx.settings.get(communityRankingSetting(streetCode)));
}
