// The street a user works in: their own unit when it is a street, the street above a community
// or section; null for districts and the centre (they choose a street).
import type { Actor } from '@jiesu/core';
import type { AppContext } from '../../context';

export async function getMyStreet(ctx: AppContext, opts: { actor: Actor }): Promise<{ streetCode: string | null }> {
  const a = opts.actor;
  if (a.unitClass === 'street') return { streetCode: a.unitCode };
  if (a.unitClass !== 'community' && a.unitClass !== 'section') return { streetCode: null };
  const unit = await ctx.repos.units.findByCode(a.unitCode);
  return { streetCode: unit?.parentCode ?? null };
}
