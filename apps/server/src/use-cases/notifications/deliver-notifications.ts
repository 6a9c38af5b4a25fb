// Side effects after commit: hands the outbox's undelivered messages to the sender, one batch per
// transaction. Rows are claimed with FOR UPDATE SKIP LOCKED, so processes share the work; a
// message whose sending fails stays undelivered and is tried again next round.
import type { AppContext } from '../../context';
import type { NotificationSender } from '../../services/notification-sender';

export async function deliverNotifications(ctx: AppContext, opts: { sender: NotificationSender; batchSize?: number }): Promise<{ delivered: number; failed: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const messages = await ctx.repos.notifications.claimUndelivered(opts.batchSize ?? 100, trx);
    const delivered: number[] = [];
    let failed = 0;
    for (const m of messages) {
      try {
        await opts.sender.send(m);
        delivered.push(m.id);
      } catch {
        failed++;
      }
    }
    await ctx.repos.notifications.markDelivered(delivered, ctx.now(), trx);
    return { delivered: delivered.length, failed };
  });
}
