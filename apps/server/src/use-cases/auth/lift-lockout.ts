// An administrator lifts a login lockout (and clears the failure count); audited as auth.unlock.
import { type Actor, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { requireRole } from '../require';

export async function liftLockout(ctx: AppContext, opts: { actor: Actor; userId: string }): Promise<{ userId: string; wasLocked: boolean }> {
  requireRole(opts.actor, 'administrator');
  const user = await ctx.repos.users.findById(opts.userId);
  if (!user) throw new DomainError('USER_NOT_FOUND', `No user has the id ${opts.userId}.`, { field: 'params.userId' });
  const wasLocked = await ctx.repos.users.clearLoginFailures(user.id);
  await ctx.repos.audit.record(opts.actor, { action: 'auth.unlock', targetType: 'user', targetId: user.id, data: { username: user.username, wasLocked } });
  return { userId: user.id, wasLocked };
}
