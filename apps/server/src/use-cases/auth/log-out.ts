import type { AppContext } from '../../context';
import { hashToken } from '../../security/password';

export async function logOut(ctx: AppContext, opts: { token: string }): Promise<void> {
  const tokenHash = hashToken(opts.token);
  await ctx.repos.users.deleteSession(tokenHash);
  ctx.sessions.forget(tokenHash);
}
