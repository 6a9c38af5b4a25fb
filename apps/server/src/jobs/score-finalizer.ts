// Marks the visited cases of published periods as scored (已考核), as a periodic job.
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context';
import { markAllScoredCases } from '../use-cases/scoring/mark-scored-cases';
import { startPeriodicJob } from './periodic-job';

export function startScoreFinalizer(ctx: AppContext, log: Pick<FastifyBaseLogger, 'info' | 'error'>, intervalMs: number) {
  return startPeriodicJob('score finalizer', intervalMs, log, async () => {
    const total = await markAllScoredCases(ctx);
    if (total > 0) log.info({ scored: total }, 'cases of published periods marked scored');
  });
}
