// Administrators change the scoring policy: period start day, visit attempts, published list
// size, minimum sample. A new start day applies to visits recorded from then on (each fact keeps
// the period it was filed under).
import type { Actor } from '@jiesu/core';
import type { AppContext } from '../../context';
import { requireRole } from '../require';
import { getScoringSettings, type ScoringSettings } from './get-scoring-settings';
import { loadPolicy, POLICY_KEY, type ScoringPolicy } from './scoring-config';

export async function updateScoringPolicy(ctx: AppContext, opts: { actor: Actor; patch: Partial<ScoringPolicy> }): Promise<ScoringSettings> {
  requireRole(opts.actor, 'administrator');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadPolicy(ctx, trx);
    const after = { ...before, ...opts.patch };
    await ctx.repos.scoringSettings.put(POLICY_KEY, after, opts.actor.username, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'scoring.policy', targetType: 'scoring_settings', targetId: POLICY_KEY, data: { before, after } }, trx);
  });
  return getScoringSettings(ctx, { actor: opts.actor });
}
