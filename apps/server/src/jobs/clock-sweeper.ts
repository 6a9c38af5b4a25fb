// Runs the clock sweep every few seconds in the serving process. Rounds never overlap; an error
// is logged and the next round tries again. Every process may run one: the sweep's row claims
// keep them from doubling an escalation.
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context';
import { sweepClocks } from '../use-cases/cases/sweep-clocks';

export function startClockSweeper(ctx: AppContext, log: FastifyBaseLogger, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const round = async () => {
    try {
      const r = await sweepClocks(ctx);
      if (r.reminded + r.escalated > 0) log.info({ sweep: r }, 'clock sweep: reminders and escalations recorded');
    } catch (err) {
      log.error({ err }, 'clock sweep failed; retrying next round');
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = round().finally(() => {
      running = null;
    });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
