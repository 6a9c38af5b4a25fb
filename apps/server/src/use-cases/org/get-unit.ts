// One unit with its ancestors and child count, if it lies in the actor's subtree or above their own unit
// (core canSeeUnit: ancestor names are visible to everyone below them).
import { type Actor, canSeeUnit, DomainError, pathCodes } from '@jiesu/core';
import type { AppContext } from '../../context';

export async function getUnit(ctx: AppContext, opts: { actor: Actor; code: string }) {
  const unit = await ctx.repos.units.findByCode(opts.code);
  if (!unit) throw new DomainError('UNIT_NOT_FOUND', `No unit has the code ${opts.code}.`, { code: opts.code });
  if (!canSeeUnit(opts.actor, unit.path)) throw new DomainError('OUT_OF_SCOPE', `This unit is outside your unit's area (${opts.actor.unitCode}).`, { path: unit.path });
  const ancestorCodes = pathCodes(unit.path).slice(0, -1);
  const ancestors = await ctx.repos.units.findByCodes(ancestorCodes);
  ancestors.sort((a, b) => a.path.length - b.path.length);
  const childCount = await ctx.repos.units.countChildren(unit.code);
  return { ...unit, ancestors: ancestors.map(({ code, name, class: cls }) => ({ code, name, class: cls })), childCount };
}
