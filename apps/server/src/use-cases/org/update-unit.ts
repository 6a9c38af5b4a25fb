// Rename, re-kind or deactivate a unit within the administrator's subtree.
import { type Actor, assertInScope, DomainError, type Unit } from '@jiesu/core';
import type { AppContext } from '../../context';
import { requireRole } from '../require';

export async function updateUnit(ctx: AppContext, opts: { actor: Actor; code: string; patch: { name?: string; kind?: string | null; isActive?: boolean } }): Promise<Unit> {
  requireRole(opts.actor, 'administrator');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await ctx.repos.units.findByCode(opts.code, trx);
    if (!before) throw new DomainError('UNIT_NOT_FOUND', `No unit has the code ${opts.code}.`, { code: opts.code });
    assertInScope(opts.actor, before.path);
    if (before.class === 'centre' && opts.patch.isActive === false) {
      throw new DomainError('VALIDATION_FAILED', 'The city centre cannot be deactivated.', { field: 'isActive' });
    }
    const after = (await ctx.repos.units.update(opts.code, opts.patch, trx)) as Unit;
    await ctx.repos.audit.record(opts.actor, { action: 'unit.update', targetType: 'unit', targetId: opts.code, data: { before, patch: opts.patch } }, trx);
    ctx.unitDirectory.clear();
    return after;
  });
}
