// Administrators set the ranking classes (考核类别: which units rank together, each class's
// minimum sample and official order) and the special-governance rule. Both are checked by the
// core's setting definitions; every change is audited by the settings store.
import { type Actor, GOVERNANCE_SETTING, type GovernanceSettings, RANKING_CLASSES_SETTING, type RankingClassDef } from '@jiesu/core';
import type { AppContext } from '../../context';
import { requireRole } from '../require';
import { getScoringSettings, type ScoringSettings } from './get-scoring-settings';

export async function updateRankingClasses(ctx: AppContext, opts: { actor: Actor; classes: RankingClassDef[] }): Promise<ScoringSettings> {
  requireRole(opts.actor, 'administrator');
  await ctx.settings.set(RANKING_CLASSES_SETTING, opts.classes, opts.actor);
  return getScoringSettings(ctx, { actor: opts.actor });
}

export async function updateGovernanceRule(ctx: AppContext, opts: { actor: Actor; governance: GovernanceSettings }): Promise<ScoringSettings> {
  requireRole(opts.actor, 'administrator');
  await ctx.settings.set(GOVERNANCE_SETTING, opts.governance, opts.actor);
  return getScoringSettings(ctx, { actor: opts.actor });
}
