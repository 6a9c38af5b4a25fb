// The daily early-warning scan (预警) as a periodic job: once per local day, every street in
// batches. Idempotent (one warning per series and day), so two processes scanning the same day
// store each warning once.
import { addLocalDays, localDateOf } from '@jiesu/core';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context';
import { scanWarnings } from '../use-cases/proactive/scan-warnings';
import { startPeriodicJob } from './periodic-job';

export function startWarningScanner(ctx: AppContext, log: Pick<FastifyBaseLogger, 'info' | 'error'>, intervalMs: number) {
  let scannedFor: string | null = null;
  return startPeriodicJob('warning scan', intervalMs, log, async () => {
    const asOf = addLocalDays(localDateOf(ctx.now(), ctx.config.timeZone), -1);
    if (scannedFor === asOf) return;
    const streets = (await ctx.repos.units.list({ scopePath: '/', class: 'street', limit: 5000, offset: 0 })).items.map((s) => s.code);
    let raised = 0;
    for (let i = 0; i < streets.length; i += 20) raised += (await scanWarnings(ctx, { streetCodes: streets.slice(i, i + 20), asOf })).raised.length;
    scannedFor = asOf;
    log.info({ asOf, streets: streets.length, raised }, 'warning scan done');
  });
}
