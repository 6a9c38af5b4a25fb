// Delivers the notification outbox (assignments, summons, reminders, escalations, feedback to
// requesters) as a periodic job of the serving process.
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context';
import type { NotificationSender } from '../adapters/notification-sender';
import { deliverNotifications } from '../use-cases/notifications/deliver-notifications';
import { startPeriodicJob } from './periodic-job';

export function startNotificationDispatcher(ctx: AppContext, sender: NotificationSender, log: Pick<FastifyBaseLogger, 'error'>, intervalMs: number) {
  return startPeriodicJob('notification delivery', intervalMs, log, async () => {
    // Drain what is waiting, a batch per transaction.
    for (;;) {
      const r = await deliverNotifications(ctx, { sender });
      if (r.delivered === 0) return;
    }
  });
}
