// The scheduled hotspot refresh: recomputes the city-wide groups of the current month (and, once
// after a month ends, that whole month) so the ranking and the groups new cases attach to stay
// current without anyone pressing 重新计算. One process at a time: the round first claims the
// job's lease row; a process that finds it held does nothing. Idempotent: a round that finds the
// last refresh recent enough computes nothing, so two processes or a retried round never compute
// the same month twice in an interval.
import { hotspotRefreshMonths } from '@jiesu/core';
import type { AppContext } from '../../context';
import { systemActor } from '../cases/case-context';
import { computeHotspots } from './compute-hotspots';

export const HOTSPOT_REFRESH_JOB = 'hotspots.refresh';

export interface RefreshHotspotsOptions {
  /** This process (who holds the lease). */
  holder: string;
  /** How old the last refresh may be before the current month is computed again. */
  everyMs: number;
  /** How long the lease is held at most: longer than a computation takes. */
  leaseMs?: number;
}

export interface RefreshedHotspots {
  /** False when another process held the lease. */
  claimed: boolean;
  /** Months computed, in order ('2026-10', '2026-11'). */
  months: string[];
  runIds: string[];
}

export async function refreshHotspots(ctx: AppContext, opts: RefreshHotspotsOptions): Promise<RefreshedHotspots> {
  const now = ctx.now();
  const lease = await ctx.repos.jobLeases.claim(HOTSPOT_REFRESH_JOB, opts.holder, now, new Date(now.getTime() + (opts.leaseMs ?? 3_600_000)));
  if (lease === null) return { claimed: false, months: [], runIds: [] };
  const months = hotspotRefreshMonths({ now, timeZone: ctx.config.timeZone, lastFinishedAt: lease.finishedAt, everyMs: opts.everyMs });
  const runIds: string[] = [];
  try {
    if (months.length > 0) {
      const actor = await systemActor(ctx, ['analyst']);
      for (const month of months) runIds.push((await computeHotspots(ctx, { actor, period: { month } })).run.id);
    }
  } catch (e) {
    await ctx.repos.jobLeases.release(HOTSPOT_REFRESH_JOB, opts.holder, ctx.now());
    throw e;
  }
  if (months.length > 0) await ctx.repos.jobLeases.finish(HOTSPOT_REFRESH_JOB, opts.holder, ctx.now());
  else await ctx.repos.jobLeases.release(HOTSPOT_REFRESH_JOB, opts.holder, ctx.now());
  return { claimed: true, months, runIds };
}
