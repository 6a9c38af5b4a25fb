// Log in with username and password; returns a bearer token for a new session. Failed logins
// are counted per account: at JIESU_LOGIN_MAX_FAILURES in a row the account locks for
// JIESU_LOGIN_LOCKOUT_MINUTES (audited), and an administrator can lift the lock at once
// (lift-lockout.ts). Per-address throttling is the route's rate limit.
import { DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { DUMMY_HASH, hashToken, newSessionToken, verifyPassword } from '../../security/password';

function locked(until: Date): never {
  throw new DomainError('ACCOUNT_LOCKED', `This account is locked after too many failed logins until ${until.toISOString()}; ask an administrator to lift the lock, or wait.`, {
    lockedUntil: until.toISOString(),
  });
}

export async function logIn(ctx: AppContext, opts: { username: string; password: string }) {
  const user = await ctx.repos.users.findByUsername(opts.username);
  const ok = await verifyPassword(opts.password, user?.passwordHash ?? DUMMY_HASH);
  const now = ctx.now();
  if (user) {
    const until = await ctx.repos.users.lockedUntil(user.id);
    // a locked account refuses even the right password, so guessing on cannot find it
    if (until && until > now) locked(until);
  }
  if (!user || !ok || !user.isActive) {
    if (user) {
      const lockUntil = new Date(now.getTime() + ctx.config.loginLockoutMinutes * 60_000);
      const r = await ctx.repos.users.recordFailedLogin(user.id, ctx.config.loginMaxFailures, lockUntil);
      if (r.failedLogins === ctx.config.loginMaxFailures) {
        await ctx.repos.audit.record(null, {
          action: 'auth.locked',
          targetType: 'user',
          targetId: user.id,
          data: { username: user.username, failedLogins: r.failedLogins, lockedUntil: lockUntil.toISOString() },
        });
      }
      if (r.lockedUntil && r.lockedUntil > now) locked(r.lockedUntil);
    }
    throw new DomainError('INVALID_CREDENTIALS', 'Wrong username or password.');
  }
  await ctx.repos.users.clearLoginFailures(user.id);
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3600_000);
  await ctx.repos.users.createSession({ tokenHash: hashToken(token), userId: user.id, expiresAt });
  const { passwordHash: _secret, ...publicUser } = user;
  return { token, expiresAt, user: publicUser };
}
