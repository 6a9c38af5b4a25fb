// The ranking weights in force: the administrator's, else the core default. Kept as a core default
// plus a pure parse so they move into the shared settings store in one line.
import { type Actor, DEFAULT_HOTSPOT_WEIGHTS, type HotspotWeights, hotspotFormula, parseHotspotWeights } from '@jiesu/core';
import type { AppContext } from '../../context';
import { requireRole } from '../require';

export async function hotspotWeights(ctx: AppContext): Promise<HotspotWeights> {
  const stored = await ctx.repos.hotspots.getWeights();
  return stored === null ? DEFAULT_HOTSPOT_WEIGHTS : parseHotspotWeights(stored);
}

export async function getHotspotWeights(ctx: AppContext): Promise<{ weights: HotspotWeights; isDefault: boolean; formula: string }> {
  const stored = await ctx.repos.hotspots.getWeights();
  const weights = stored === null ? DEFAULT_HOTSPOT_WEIGHTS : parseHotspotWeights(stored);
  return { weights, isDefault: stored === null, formula: hotspotFormula(weights) };
}

export async function setHotspotWeights(ctx: AppContext, opts: { actor: Actor; weights: unknown }): Promise<{ weights: HotspotWeights; isDefault: boolean; formula: string }> {
  requireRole(opts.actor, 'administrator', 'analyst');
  const weights = parseHotspotWeights(opts.weights);
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.hotspots.setWeights(weights, opts.actor.username, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'hotspots.weights', targetType: 'hotspot_settings', targetId: 'ranking_weights', data: { ...weights } }, trx);
  });
  return { weights, isDefault: false, formula: hotspotFormula(weights) };
}
