// A street sets the items and weights of its community ranking (validated by the core: every
// weight 0–1, together 1).
import { type Actor, type CommunityRankingConfig, rankCommunities } from '@jiesu/core';
import type { AppContext } from '../../context';
import { communityConfig, type CommunityConfigView, loadStreet, plainConfig, requireStreetLeader } from './community-access';

export async function getCommunityRankingConfig(ctx: AppContext, opts: { actor: Actor; streetCode: string }): Promise<CommunityConfigView> {
  const street = await loadStreet(ctx, opts.actor, opts.streetCode);
  return communityConfig(ctx, street.code);
}

export async function setCommunityRankingConfig(ctx: AppContext, opts: { actor: Actor; streetCode: string; config: CommunityRankingConfig }): Promise<CommunityConfigView> {
  const street = await loadStreet(ctx, opts.actor, opts.streetCode);
  requireStreetLeader(opts.actor, street);
  rankCommunities([], opts.config);
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.scoringSettings.putCommunityConfig(street.code, opts.config, opts.actor.username, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'scoring.community_config', targetType: 'unit', targetId: street.code, data: { config: opts.config } }, trx);
  });
  return plainConfig(opts.config);
}
