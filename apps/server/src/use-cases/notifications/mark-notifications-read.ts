// The bell's "mark as read": moves the user's watermark up to a notification id (never down), so
// every notification of their unit up to it counts as read.
import type { Actor } from '@jiesu/core';
import type { AppContext } from '../../context';

export async function markNotificationsRead(ctx: AppContext, opts: { actor: Actor; upToId: number }) {
  const lastReadId = await ctx.repos.notifications.markReadUpTo(opts.actor.userId, opts.upToId, ctx.now());
  return { lastReadId };
}
