// Deletes uploads that no case, submission or other record used within JIESU_ORPHAN_UPLOAD_HOURS,
// hourly. Several processes may run it: each delete is one statement, so a file goes once.
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context';
import { expireOrphanUploads } from '../use-cases/attachments/download-attachment';
import { startPeriodicJob } from './periodic-job';

export function startOrphanUploadSweeper(ctx: AppContext, log: Pick<FastifyBaseLogger, 'info' | 'error'>, intervalMs: number) {
  return startPeriodicJob('orphan upload sweep', intervalMs, log, async () => {
    const removed = await expireOrphanUploads(ctx);
    if (removed > 0) log.info({ removed }, 'orphan uploads removed');
  });
}
