// Resolves a bearer token to the actor behind it.
import { type Actor, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { hashToken } from '../../security/password';

export async function authenticate(ctx: AppContext, opts: { token: string | null }): Promise<Actor> {
  if (!opts.token) throw new DomainError('UNAUTHENTICATED', 'Log in first: send Authorization: Bearer <token>.');
  const tokenHash = hashToken(opts.token);
  const now = ctx.now();
  const cached = ctx.sessions.get(tokenHash, now);
  if (cached) return cached;
  const found = await ctx.repos.users.findActorBySession(tokenHash, now);
  if (!found) throw new DomainError('UNAUTHENTICATED', 'Your session has expired or is not valid; log in again.');
  const { sessionExpiresAt, ...actor } = found;
  ctx.sessions.put(tokenHash, actor, sessionExpiresAt);
  return actor;
}
