import { type Actor, assertInScope, DomainError, type Role } from '@jiesu/core';
import type { AppContext } from '../../context';
import { requireRole } from '../require';

/** Users of units in the actor's subtree (administrators and unit leaders). */
export async function listUsers(ctx: AppContext, opts: { actor: Actor; unitCode?: string; role?: Role; limit: number; offset: number }) {
  requireRole(opts.actor, 'administrator', 'unit_leader');
  if (opts.unitCode) {
    const unit = await ctx.repos.units.findByCode(opts.unitCode);
    if (!unit) throw new DomainError('UNIT_NOT_FOUND', `No unit has the code ${opts.unitCode}.`, { code: opts.unitCode });
    assertInScope(opts.actor, unit.path);
  }
  return ctx.repos.users.listInScope({
    scopePath: opts.actor.unitPath,
    ...(opts.unitCode ? { unitCode: opts.unitCode } : {}),
    ...(opts.role ? { role: opts.role } : {}),
    limit: opts.limit,
    offset: opts.offset,
  });
}
