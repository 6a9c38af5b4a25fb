// A unit's recent notifications (assignments, withdrawals, whistle summons, reminders,
// escalations) for the console.
import type { Actor } from '@jiesu/core';
import type { AppContext } from '../../context';

export async function listNotifications(ctx: AppContext, opts: { actor: Actor; limit?: number }) {
  return { unitCode: opts.actor.unitCode, items: await ctx.repos.notifications.forUnit(opts.actor.unitCode, opts.limit ?? 50) };
}
