import { type Actor, assertInScope, DomainError, type Role } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { User } from '../../repositories/user.repository';
import { hashPassword } from '../../security/password';
import { requireRole } from '../require';

/** Change a user's name, roles, unit, password or active flag; deactivation ends their sessions. */
export async function updateUser(
  ctx: AppContext,
  opts: { actor: Actor; id: string; patch: { displayName?: string; roles?: Role[]; isActive?: boolean; password?: string; unitCode?: string } },
): Promise<User> {
  requireRole(opts.actor, 'administrator');
  const passwordHash = opts.patch.password !== undefined ? await hashPassword(opts.patch.password) : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    const before = await ctx.repos.users.findById(opts.id, trx);
    if (!before) throw new DomainError('USER_NOT_FOUND', `No user has the id ${opts.id}.`, { id: opts.id });
    const unit = await ctx.repos.units.findByCode(before.unitCode, trx);
    assertInScope(opts.actor, unit?.path ?? '', 'user');
    if (opts.patch.unitCode !== undefined) {
      const target = await ctx.repos.units.findByCode(opts.patch.unitCode, trx);
      if (!target) throw new DomainError('UNIT_NOT_FOUND', `No unit has the code ${opts.patch.unitCode}.`, { field: 'unitCode' });
      assertInScope(opts.actor, target.path);
    }
    const { password: _pw, ...rest } = opts.patch;
    const after = (await ctx.repos.users.update(opts.id, { ...rest, ...(passwordHash ? { passwordHash } : {}) }, trx)) as User;
    if (opts.patch.isActive === false || passwordHash || opts.patch.roles !== undefined || opts.patch.unitCode !== undefined) {
      await ctx.repos.users.deleteSessionsOf(opts.id, trx);
      ctx.sessions.forgetUser(opts.id);
    }
    await ctx.repos.audit.record(
      opts.actor,
      { action: 'user.update', targetType: 'user', targetId: opts.id, data: { patch: { ...rest, passwordChanged: passwordHash !== undefined } } },
      trx,
    );
    return after;
  });
}
