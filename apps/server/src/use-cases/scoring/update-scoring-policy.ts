// Administrators change the scoring policy: period start day, visit attempts, published list
// size, minimum sample. A new start day applies to visits recorded from then on (each fact keeps
// the period it was filed under).
import { type Actor, SCORING_POLICY_SETTING, type ScoringPolicy } from '@jiesu/core';
import type { AppContext } from '../../context';
import { requireRole } from '../require';
import { getScoringSettings, type ScoringSettings } from './get-scoring-settings';
import { loadPolicy } from './scoring-config';

export async function updateScoringPolicy(ctx: AppContext, opts: { actor: Actor; patch: Partial<ScoringPolicy> }): Promise<ScoringSettings> {
  requireRole(opts.actor, 'administrator');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadPolicy(ctx, trx);
    await ctx.settings.set(SCORING_POLICY_SETTING, { ...before, ...opts.patch }, opts.actor, trx);
  });
  return getScoringSettings(ctx, { actor: opts.actor });
}
