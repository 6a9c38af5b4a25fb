// Marks the visited cases of published periods as scored (已考核), as a periodic job.
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context';
import { markScoredCases } from '../use-cases/scoring/mark-scored-cases';
import { startPeriodicJob } from './periodic-job';

export function startScoreFinalizer(ctx: AppContext, log: Pick<FastifyBaseLogger, 'info' | 'error'>, intervalMs: number) {
  return startPeriodicJob('score finalizer', intervalMs, log, async () => {
    let total = 0;
    for (;;) {
      const r = await markScoredCases(ctx);
      total += r.scored;
      if (r.scored + r.skipped === 0) break;
    }
    if (total > 0) log.info({ scored: total }, 'cases of published periods marked scored');
  });
}
