// Archives the history and stopped clocks of long-finished cases, daily (use-cases/maintenance/archive-cases.ts).
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context';
import { archiveFinishedCases } from '../use-cases/maintenance/archive-cases';
import { startPeriodicJob } from './periodic-job';

export function startCaseArchiver(ctx: AppContext, log: Pick<FastifyBaseLogger, 'info' | 'error'>, intervalMs: number) {
  return startPeriodicJob('case archive', intervalMs, log, async () => {
    const report = await archiveFinishedCases(ctx);
    if (report.archived > 0) log.info(report, 'finished cases archived');
  });
}
