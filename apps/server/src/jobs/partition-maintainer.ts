// Creates the coming months' partitions of case_history and audit_log (and moves rows out of
// their default partitions), daily. Several processes may run it: each month's creation locks
// the table and checks again, so a month is created once.
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context';
import { ensurePartitions } from '../use-cases/maintenance/ensure-partitions';
import { startPeriodicJob } from './periodic-job';

export function startPartitionMaintainer(ctx: AppContext, log: Pick<FastifyBaseLogger, 'info' | 'error'>, intervalMs: number) {
  return startPeriodicJob('partition maintenance', intervalMs, log, async () => {
    const { created } = await ensurePartitions(ctx);
    if (created.length > 0) log.info({ created }, 'partitions created');
  });
}
