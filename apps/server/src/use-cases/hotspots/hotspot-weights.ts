// The ranking weights in force (the settings store: the administrator's, else the core default) and
// the formula they make.
import { type Actor, HOTSPOT_WEIGHTS_SETTING, type HotspotWeights, hotspotFormula } from '@jiesu/core';
import type { AppContext } from '../../context';
import { requireRole } from '../require';

export async function hotspotWeights(ctx: AppContext): Promise<HotspotWeights> {
  return ctx.settings.get(HOTSPOT_WEIGHTS_SETTING);
}

export async function getHotspotWeights(ctx: AppContext): Promise<{ weights: HotspotWeights; isDefault: boolean; formula: string }> {
  const info = await ctx.settings.info(HOTSPOT_WEIGHTS_SETTING);
  return { weights: info.value, isDefault: info.isDefault, formula: hotspotFormula(info.value) };
}

export async function setHotspotWeights(ctx: AppContext, opts: { actor: Actor; weights: unknown }): Promise<{ weights: HotspotWeights; isDefault: boolean; formula: string }> {
  requireRole(opts.actor, 'administrator', 'analyst');
  const info = await ctx.settings.set(HOTSPOT_WEIGHTS_SETTING, HOTSPOT_WEIGHTS_SETTING.parse(opts.weights), opts.actor);
  return { weights: info.value, isDefault: false, formula: hotspotFormula(info.value) };
}
