// Units in the actor's subtree, filtered by class, parent or name. Asking for a parent outside the
// subtree is refused, not answered with an empty list.
import { type Actor, assertInScope, DomainError, type UnitClass } from '@jiesu/core';
import type { AppContext } from '../../context';

export async function listUnits(
  ctx: AppContext,
  opts: { actor: Actor; class?: UnitClass; parentCode?: string; q?: string; includeInactive?: boolean; limit: number; offset: number },
) {
  let scopePath = opts.actor.unitPath;
  if (opts.parentCode) {
    const parent = await ctx.repos.units.findByCode(opts.parentCode);
    if (!parent) throw new DomainError('UNIT_NOT_FOUND', `No unit has the code ${opts.parentCode}.`, { code: opts.parentCode });
    assertInScope(opts.actor, parent.path);
    scopePath = parent.path;
  }
  return ctx.repos.units.list({
    scopePath,
    ...(opts.class ? { class: opts.class } : {}),
    ...(opts.parentCode ? { parentCode: opts.parentCode } : {}),
    ...(opts.q ? { q: opts.q } : {}),
    includeInactive: opts.includeInactive ?? false,
    limit: opts.limit,
    offset: opts.offset,
  });
}

/** Active units per class in the actor's subtree (e.g. 16 districts for the centre). */
export async function countUnits(ctx: AppContext, opts: { actor: Actor }) {
  return ctx.repos.units.countByClass(opts.actor.unitPath);
}
