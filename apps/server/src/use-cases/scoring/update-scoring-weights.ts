// Administrators replace the list of weight versions. Past periods keep their weights because a
// version applies from its date on; the core validates the list (sums, ranges, duplicates).
import { type Actor, validateWeightVersions, type WeightVersion } from '@jiesu/core';
import type { AppContext } from '../../context';
import { requireRole } from '../require';
import { getScoringSettings, type ScoringSettings } from './get-scoring-settings';
import { loadWeights, WEIGHTS_KEY } from './scoring-config';

export async function updateScoringWeights(ctx: AppContext, opts: { actor: Actor; versions: WeightVersion[] }): Promise<ScoringSettings> {
  requireRole(opts.actor, 'administrator');
  validateWeightVersions(opts.versions);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadWeights(ctx, trx);
    await ctx.repos.scoringSettings.put(WEIGHTS_KEY, opts.versions, opts.actor.username, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'scoring.weights', targetType: 'scoring_settings', targetId: WEIGHTS_KEY, data: { before, after: opts.versions } }, trx);
  });
  return getScoringSettings(ctx, { actor: opts.actor });
}
