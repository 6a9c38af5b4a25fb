// A street leader enters this quarter's item scores (face-to-face meetings, coordination with
// sections, work traces …) for the street's communities; checked against the street's config.
import { type Actor, DomainError, evaluationQuarter } from '@jiesu/core';
import type { AppContext } from '../../context';
import { communityConfig, loadStreet, requireStreetLeader } from './community-access';
import { rankStreetCommunities, type CommunityRankingView } from './rank-street-communities';
import { loadPolicy, periodConfig } from './scoring-config';

export interface SetCommunityItemScoresOptions {
  actor: Actor;
  streetCode: string;
  quarterKey: string;
  scores: Array<{ communityCode: string; items: Record<string, number> }>;
}

export async function setCommunityItemScores(ctx: AppContext, opts: SetCommunityItemScoresOptions): Promise<CommunityRankingView> {
  const street = await loadStreet(ctx, opts.actor, opts.streetCode);
  requireStreetLeader(opts.actor, street);
  evaluationQuarter(opts.quarterKey, periodConfig(ctx, await loadPolicy(ctx)));
  const config = await communityConfig(ctx, street.code);
  const items = new Map(config.items.map((i) => [i.key, i]));
  const communities = await ctx.repos.units.findByCodes(opts.scores.map((s) => s.communityCode));
  const parents = new Map(communities.map((c) => [c.code, c.parentCode]));
  opts.scores.forEach((s, i) => {
    if (parents.get(s.communityCode) !== street.code) {
      throw new DomainError('VALIDATION_FAILED', `${s.communityCode} is not a community of ${street.name}.`, { field: `body.scores[${i}].communityCode` });
    }
    for (const [key, score] of Object.entries(s.items)) {
      const item = items.get(key);
      if (!item)
        throw new DomainError('SCORING_INVALID_INPUT', `"${key}" is not one of this street's items (${[...items.keys()].join(', ')}).`, {
          field: `body.scores[${i}].items.${key}`,
        });
      const max = item.maxScore ?? 1;
      if (score > max) throw new DomainError('SCORING_INVALID_INPUT', `${key} is scored out of ${max}; ${score} is too high.`, { field: `body.scores[${i}].items.${key}` });
    }
  });
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.communityItemScores.putItemScores(
      opts.scores.map((s) => ({ quarterKey: opts.quarterKey, communityCode: s.communityCode, streetCode: street.code, itemScores: s.items })),
      opts.actor.username,
      trx,
    );
    await ctx.repos.audit.record(
      opts.actor,
      { action: 'scoring.community_items', targetType: 'unit', targetId: street.code, data: { quarterKey: opts.quarterKey, scores: opts.scores } },
      trx,
    );
  });
  return rankStreetCommunities(ctx, { actor: opts.actor, streetCode: street.code, quarterKey: opts.quarterKey });
}
