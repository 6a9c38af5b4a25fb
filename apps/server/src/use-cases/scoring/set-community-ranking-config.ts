// A street sets the items and weights of its community ranking (a setting per street, validated by
// the core: every weight 0–1, together 1).
import { type Actor, type CommunityRankingConfig, communityRankingSetting } from '@jiesu/core';
import type { AppContext } from '../../context';
import { communityConfig, type CommunityConfigView, loadStreet, plainConfig, requireStreetLeader } from './community-access';

export async function getCommunityRankingConfig(ctx: AppContext, opts: { actor: Actor; streetCode: string }): Promise<CommunityConfigView> {
  const street = await loadStreet(ctx, opts.actor, opts.streetCode);
  return communityConfig(ctx, street.code);
}

export async function setCommunityRankingConfig(ctx: AppContext, opts: { actor: Actor; streetCode: string; config: CommunityRankingConfig }): Promise<CommunityConfigView> {
  const street = await loadStreet(ctx, opts.actor, opts.streetCode);
  requireStreetLeader(opts.actor, street);
  const saved = await ctx.settings.set(communityRankingSetting(street.code), opts.config, opts.actor);
  return plainConfig(saved.value);
}
