// The weights in force (versioned by date and unit class) and the scoring policy.
import type { Actor, WeightVersion } from '@jiesu/core';
import type { AppContext } from '../../context';
import { loadPolicy, loadWeights, requireRankingReader, type ScoringPolicy } from './scoring-config';

export interface ScoringSettings {
  weights: WeightVersion[];
  policy: ScoringPolicy;
  timeZone: string;
}

export async function getScoringSettings(ctx: AppContext, opts: { actor: Actor }): Promise<ScoringSettings> {
  requireRankingReader(opts.actor);
  const [weights, policy] = await Promise.all([loadWeights(ctx), loadPolicy(ctx)]);
  return { weights, policy, timeZone: ctx.config.timeZone };
}
