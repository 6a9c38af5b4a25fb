// The clock sweep (催办 reminders, 督办 escalations) as a periodic job of the serving process.
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context';
import { sweepClocks } from '../use-cases/cases/sweep-clocks';
import { startPeriodicJob } from './periodic-job';

export function startClockSweeper(ctx: AppContext, log: Pick<FastifyBaseLogger, 'info' | 'error'>, intervalMs: number) {
  return startPeriodicJob('clock sweep', intervalMs, log, async () => {
    const r = await sweepClocks(ctx);
    if (r.reminded + r.escalated > 0) log.info({ sweep: r }, 'clock sweep: reminders and escalations recorded');
  });
}
