import { type Actor, assertInScope, DomainError, type Role } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { User } from '../../repositories/user.repository';
import { hashPassword } from '../../security/password';
import { requireRole } from '../require';

export async function createUser(ctx: AppContext, opts: { actor: Actor; username: string; displayName: string; unitCode: string; roles: Role[]; password: string }): Promise<User> {
  requireRole(opts.actor, 'administrator');
  const unit = await ctx.repos.units.findByCode(opts.unitCode);
  if (!unit) throw new DomainError('UNIT_NOT_FOUND', `No unit has the code ${opts.unitCode}.`, { code: opts.unitCode, field: 'unitCode' });
  assertInScope(opts.actor, unit.path);
  const passwordHash = await hashPassword(opts.password);
  return ctx.db.transaction().execute(async (trx) => {
    const user = await ctx.repos.users.insert({ username: opts.username, displayName: opts.displayName, unitCode: opts.unitCode, roles: opts.roles, passwordHash }, trx);
    if (!user) throw new DomainError('USERNAME_TAKEN', `The username ${opts.username} is already in use.`, { field: 'username' });
    await ctx.repos.audit.record(
      opts.actor,
      { action: 'user.create', targetType: 'user', targetId: user.id, data: { username: user.username, unitCode: user.unitCode, roles: user.roles } },
      trx,
    );
    return user;
  });
}
