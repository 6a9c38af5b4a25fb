// The clock sweep (催办 reminders, 督办 escalations) of cases and work items as a periodic job of
// the serving process.
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context';
import { sweepAllClocks } from '../use-cases/clocks/sweep-all-clocks';
import { startPeriodicJob } from './periodic-job';

export function startClockSweeper(ctx: AppContext, log: Pick<FastifyBaseLogger, 'info' | 'error'>, intervalMs: number) {
  return startPeriodicJob('clock sweep', intervalMs, log, async () => {
    const r = await sweepAllClocks(ctx);
    if (r.reminded + r.escalated + r.workItems.reminded + r.workItems.escalated > 0) log.info({ sweep: r }, 'clock sweep: reminders and escalations recorded');
  });
}
