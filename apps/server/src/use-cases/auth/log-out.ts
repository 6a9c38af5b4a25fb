import type { AppContext } from '../../context';
import { hashToken } from '../../security/password';

export async function logOut(ctx: AppContext, opts: { token: string }): Promise<void> {
  await ctx.repos.users.deleteSession(hashToken(opts.token));
}
