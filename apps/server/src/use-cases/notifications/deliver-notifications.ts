// Side effects after commit: hands the outbox's due messages to the sender. Claiming is a short
// transaction (FOR UPDATE SKIP LOCKED, then a lease on each row), so processes share the work; the
// sending happens outside it. A message that fails records its error and waits with exponential
// backoff (30 s, 1 min, 2 min … capped at 1 h); it never blocks the messages behind it.
import type { AppContext } from '../../context';
import type { NotificationSender } from '../../adapters/notification-sender';

/** How long a claimed message is reserved for the process sending it. */
const LEASE_MS = 60_000;

/** Seconds to wait after the n-th failed attempt. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

export async function deliverNotifications(ctx: AppContext, opts: { sender: NotificationSender; batchSize?: number }): Promise<{ delivered: number; failed: number }> {
  const now = ctx.now();
  const messages = await ctx.db.transaction().execute(async (trx) => ctx.repos.notifications.claimDue(opts.batchSize ?? 100, now, new Date(now.getTime() + LEASE_MS), trx));
  const delivered: number[] = [];
  let failed = 0;
  for (const m of messages) {
    try {
      await opts.sender.send(m);
      delivered.push(m.id);
    } catch (e) {
      failed++;
      const state = await ctx.repos.notifications.deliveryState(m.id);
      const attempts = state?.attempts ?? 1;
      await ctx.repos.notifications.markFailed(m.id, e instanceof Error ? e.message : String(e), new Date(ctx.now().getTime() + backoffSeconds(attempts) * 1000));
    }
  }
  await ctx.repos.notifications.markDelivered(delivered, ctx.now());
  return { delivered: delivered.length, failed };
}
