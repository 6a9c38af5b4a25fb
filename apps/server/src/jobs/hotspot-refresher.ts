// The hotspot refresh (每月一题 candidates) as a periodic job: every few minutes a round asks
// whether a refresh is due and, holding the job's lease, computes it (see refresh-hotspots.ts).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context';
import { refreshHotspots } from '../use-cases/hotspots/refresh-hotspots';
import { startPeriodicJob } from './periodic-job';

export function startHotspotRefresher(ctx: AppContext, log: Pick<FastifyBaseLogger, 'info' | 'error'>, opts: { everyMs: number; checkMs: number }) {
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return startPeriodicJob('hotspot refresh', opts.checkMs, log, async () => {
    const r = await refreshHotspots(ctx, { holder, everyMs: opts.everyMs });
    if (r.months.length > 0) log.info({ months: r.months, runs: r.runIds }, 'hotspots refreshed');
  });
}
