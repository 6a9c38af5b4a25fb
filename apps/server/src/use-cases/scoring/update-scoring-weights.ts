// Administrators replace the list of weight versions. Past periods keep their weights because a
// version applies from its date on; the core validates the list (sums, ranges, duplicates).
import { type Actor, SCORING_WEIGHTS_SETTING, type WeightVersion } from '@jiesu/core';
import type { AppContext } from '../../context';
import { requireRole } from '../require';
import { getScoringSettings, type ScoringSettings } from './get-scoring-settings';

export async function updateScoringWeights(ctx: AppContext, opts: { actor: Actor; versions: WeightVersion[] }): Promise<ScoringSettings> {
  requireRole(opts.actor, 'administrator');
  await ctx.settings.set(SCORING_WEIGHTS_SETTING, opts.versions, opts.actor);
  return getScoringSettings(ctx, { actor: opts.actor });
}
