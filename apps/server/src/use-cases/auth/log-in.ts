// Log in with username and password; returns a bearer token for a new session.
import { DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { DUMMY_HASH, hashToken, newSessionToken, verifyPassword } from '../../security/password';

export async function logIn(ctx: AppContext, opts: { username: string; password: string }) {
  const user = await ctx.repos.users.findByUsername(opts.username);
  const ok = await verifyPassword(opts.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.isActive) {
    throw new DomainError('INVALID_CREDENTIALS', 'Wrong username or password.');
  }
  const token = newSessionToken();
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.sessionTtlHours * 3600_000);
  await ctx.repos.users.createSession({ tokenHash: hashToken(token), userId: user.id, expiresAt });
  const { passwordHash: _secret, ...publicUser } = user;
  return { token, expiresAt, user: publicUser };
}
