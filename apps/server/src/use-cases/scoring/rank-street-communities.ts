// A street's quarterly ranking of its communities: the three rates of the cases each community
// led in the quarter's three monthly periods, plus the street's own item scores (core rankCommunities).
import { type Actor, computeRates, emptyTally, evaluationQuarter, rankCommunities, selectWeights } from '@jiesu/core';
import type { AppContext } from '../../context';
import { deliberationItemScores } from '../deliberation/deliberation-assessment';
import { proactiveItemScores } from '../proactive/proactive-item-scores';
import { communityConfig, type CommunityConfigView, loadStreet } from './community-access';
import { loadPolicy, loadWeights, periodConfig } from './scoring-config';

export interface CommunityRankingView {
  quarterKey: string;
  streetCode: string;
  config: CommunityConfigView;
  rows: Array<{
    unitCode: string;
    unitName: string;
    rank: number | null;
    total: number | null;
    ratesPart: number | null;
    responseRate: number | null;
    resolutionRate: number | null;
    satisfactionRate: number | null;
    validVisits: number;
    items: Array<{ key: string; score: number; points: number }>;
  }>;
}

export async function rankStreetCommunities(ctx: AppContext, opts: { actor: Actor; streetCode: string; quarterKey: string }): Promise<CommunityRankingView> {
  const street = await loadStreet(ctx, opts.actor, opts.streetCode);
  const [policy, weights, config] = await Promise.all([loadPolicy(ctx), loadWeights(ctx), communityConfig(ctx, street.code)]);
  const quarter = evaluationQuarter(opts.quarterKey, periodConfig(ctx, policy));
  const w = selectWeights(weights, 'community', quarter.firstDay);
  const communities = (await ctx.repos.units.list({ scopePath: street.path, class: 'community', parentCode: street.code, limit: 1000, offset: 0 })).items;
  const tallies = new Map((await ctx.repos.scoreFacts.ledTalliesUnderStreet(quarter.monthKeys, street.code)).map((t) => [t.unitCode, t.tally]));
  const itemScores = await ctx.repos.communityItemScores.itemScores(opts.quarterKey, street.code);
  // Measured items fill in where the street entered no score: 居民议事会 measures (meetings, tasks
  // on time, proposals answered) and 未诉先办 measures (proactive cases solved, patrol coverage, notices on time).
  const deliberationMeasured = await deliberationItemScores(
    ctx,
    config.items,
    communities.map((c) => c.code),
    quarter,
  );
  const proactiveMeasured = await proactiveItemScores(ctx, { actor: opts.actor, streetCode: street.code, quarterKey: opts.quarterKey, itemKeys: config.items.map((i) => i.key) });
  for (const measured of [deliberationMeasured, proactiveMeasured]) {
    for (const [code, scores] of measured) itemScores.set(code, { ...scores, ...(itemScores.get(code) ?? {}) });
  }

  const rates = new Map(
    communities.map((c) => {
      const tally = tallies.get(c.code) ?? emptyTally();
      const r = computeRates(tally, w);
      return [
        c.code,
        { responseRate: r?.responseRate ?? null, resolutionRate: r?.resolutionRate ?? null, satisfactionRate: r?.satisfactionRate ?? null, validVisits: tally.validVisits },
      ];
    }),
  );
  const names = new Map(communities.map((c) => [c.code, c.name]));
  const ranked = rankCommunities(
    communities.map((c) => ({
      unitId: c.code,
      rates: rates.get(c.code) ?? { responseRate: null, resolutionRate: null, satisfactionRate: null, validVisits: 0 },
      itemScores: itemScores.get(c.code) ?? {},
    })),
    config,
  );
  return {
    quarterKey: opts.quarterKey,
    streetCode: street.code,
    config,
    rows: ranked.map((e) => {
      const r = rates.get(e.unitId);
      return {
        unitCode: e.unitId,
        unitName: names.get(e.unitId) ?? e.unitId,
        rank: e.rank,
        total: e.total,
        ratesPart: e.ratesPart,
        responseRate: r?.responseRate ?? null,
        resolutionRate: r?.resolutionRate ?? null,
        satisfactionRate: r?.satisfactionRate ?? null,
        validVisits: e.validVisits,
        items: e.items,
      };
    }),
  };
}
