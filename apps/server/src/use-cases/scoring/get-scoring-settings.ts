// The weights in force (versioned by date and unit class), the scoring policy, the ranking
// classes and the special-governance rule.
import type { Actor, GovernanceSettings, RankingClassDef, WeightVersion } from '@jiesu/core';
import type { AppContext } from '../../context';
import { loadGovernance, loadPolicy, loadRankingClasses, loadWeights, requireRankingReader, type ScoringPolicy } from './scoring-config';

export interface ScoringSettings {
  weights: WeightVersion[];
  policy: ScoringPolicy;
  rankingClasses: RankingClassDef[];
  governance: GovernanceSettings;
  timeZone: string;
}

export async function getScoringSettings(ctx: AppContext, opts: { actor: Actor }): Promise<ScoringSettings> {
  requireRankingReader(opts.actor);
  const [weights, policy, rankingClasses, governance] = await Promise.all([loadWeights(ctx), loadPolicy(ctx), loadRankingClasses(ctx), loadGovernance(ctx)]);
  return { weights, policy, rankingClasses, governance, timeZone: ctx.config.timeZone };
}
