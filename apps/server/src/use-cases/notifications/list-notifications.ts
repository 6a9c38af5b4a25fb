// A unit's notifications (assignments, withdrawals, whistle summons, reminders, escalations, and
// the same for work items) for the console, newest first, in keyset pages: the cursor is the last
// id of the previous page, so a deep page costs what the first does and new messages arriving
// between pages never make a row repeat.
import type { Actor } from '@jiesu/core';
import type { AppContext } from '../../context';
import { decodeCursor, encodeCursor } from '../../repositories/keyset';

const CURSOR_TAG = 'notifications';

export async function listNotifications(ctx: AppContext, opts: { actor: Actor; limit?: number; cursor?: string }) {
  const limit = opts.limit ?? 50;
  const beforeId = opts.cursor === undefined ? null : Number(decodeCursor(opts.cursor, CURSOR_TAG, [{ kind: 'int' }])[0]);
  const rows = await ctx.repos.notifications.pageForUnit(opts.actor.unitCode, { limit: limit + 1, beforeId });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const { total, totalExact } = await ctx.repos.notifications.countForUnit(opts.actor.unitCode);
  return { unitCode: opts.actor.unitCode, items, total, totalExact, nextCursor: rows.length > limit && last ? encodeCursor(CURSOR_TAG, [last.id]) : null };
}
