// Resolves a bearer token to the actor behind it.
import { type Actor, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { hashToken } from '../../security/password';

export async function authenticate(ctx: AppContext, opts: { token: string | null }): Promise<Actor> {
  if (!opts.token) throw new DomainError('UNAUTHENTICATED', 'Log in first: send Authorization: Bearer <token>.');
  const actor = await ctx.repos.users.findActorBySession(hashToken(opts.token), ctx.now());
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'Your session has expired or is not valid; log in again.');
  return actor;
}
