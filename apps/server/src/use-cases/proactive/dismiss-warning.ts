// A street judges a warning needs no action (误报 / already handled): it is closed as dismissed, audited.
import { type Actor, DomainError, hasRole } from '@jiesu/core';
import type { AppContext } from '../../context';
import { getWarning } from './list-warnings';

export async function dismissWarning(ctx: AppContext, opts: { actor: Actor; id: string; reason: string }) {
  if (!hasRole(opts.actor, 'unit_leader', 'supervisor', 'administrator'))
    throw new DomainError('FORBIDDEN', 'Only a leader or supervisor may dismiss a warning.', { roles: ['unit_leader', 'supervisor'] });
  const reason = opts.reason.trim();
  if (reason.length === 0) throw new DomainError('VALIDATION_FAILED', 'Say why the warning needs no action.', { field: 'reason' });
  await getWarning(ctx, { actor: opts.actor, id: opts.id });
  await ctx.db.transaction().execute(async (trx) => {
    const w = await ctx.repos.proactiveWarnings.lock(opts.id, trx);
    if (!w || w.status !== 'open') throw new DomainError('ILLEGAL_TRANSITION', `The warning is ${w?.status ?? 'gone'}, not open.`, { field: 'id' });
    await ctx.repos.proactiveWarnings.setStatus(w.id, 'dismissed', null, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'warning.dismiss', targetType: 'warning', targetId: w.id, data: { reason } }, trx);
  });
  return getWarning(ctx, { actor: opts.actor, id: opts.id });
}
