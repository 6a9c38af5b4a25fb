// The period a hotspot computation covers: a calendar month ('YYYY-MM') or local dates [from, to],
// reckoned in the city's zone, and the same-length periods before it (growth).
import { addLocalDays, parseLocalDate } from '../calendar';
import { localDateOf, startOfLocalDay } from '../calendar/zoned-time';
import { DomainError } from '../errors';

export interface HotspotPeriod {
  /** First instant included. */
  from: Date;
  /** First instant after the period. */
  to: Date;
  /** Local dates of the period, in order (the trend chart's days). */
  days: string[];
  label: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month ('2026-11') or local dates ('2026-11-01'..'2026-11-30', inclusive). */
export function hotspotPeriod(input: { month?: string; from?: string; to?: string }, timeZone: string): HotspotPeriod {
  let first: string;
  let last: string;
  if (input.month !== undefined) {
    const m = MONTH.exec(input.month);
    if (!m) throw new DomainError('VALIDATION_FAILED', 'month must look like 2026-11.', { field: 'month' });
    first = `${input.month}-01`;
    const next = Number(m[2]) === 12 ? `${Number(m[1]) + 1}-01-01` : `${m[1]}-${String(Number(m[2]) + 1).padStart(2, '0')}-01`;
    last = addLocalDays(next, -1);
  } else {
    if (input.from === undefined || parseLocalDate(input.from) === undefined)
      throw new DomainError('VALIDATION_FAILED', 'Give month, or from and to as dates (2026-11-01).', { field: 'from' });
    if (input.to === undefined || parseLocalDate(input.to) === undefined) throw new DomainError('VALIDATION_FAILED', 'to must be a date (2026-11-30).', { field: 'to' });
    first = input.from;
    last = input.to;
    if (last < first) throw new DomainError('VALIDATION_FAILED', 'to must not be before from.', { field: 'to' });
  }
  const days: string[] = [];
  for (let d = first; d <= last; d = addLocalDays(d, 1)) {
    days.push(d);
    if (days.length > 366) throw new DomainError('VALIDATION_FAILED', 'A period is at most one year.', { field: 'to' });
  }
  return { from: startOfLocalDay(first, timeZone), to: startOfLocalDay(addLocalDays(last, 1), timeZone), days, label: input.month ?? `${first}..${last}` };
}

/** The `count` periods of the same number of days just before `p`, oldest first. */
export function precedingPeriods(p: HotspotPeriod, count: number, timeZone: string): HotspotPeriod[] {
  const n = p.days.length;
  const out: HotspotPeriod[] = [];
  const start = p.days[0] as string;
  for (let k = count; k >= 1; k--) {
    const first = addLocalDays(start, -n * k);
    const last = addLocalDays(start, -n * (k - 1) - 1);
    out.push(hotspotPeriod({ from: first, to: last }, timeZone));
  }
  return out;
}

export function localDay(instant: Date, timeZone: string): string {
  return localDateOf(instant, timeZone);
}

/**
 * The months a scheduled refresh computes at `now`: the current month (to date) when the last
 * finished refresh is `everyMs` old or there was none, preceded by the previous month when no
 * refresh finished since it ended (so each month gets one run over all its days). Previous month
 * first: the last run computed is the current month's, the one new cases attach to.
 */
export function hotspotRefreshMonths(opts: { now: Date; timeZone: string; lastFinishedAt: Date | null; everyMs: number }): string[] {
  const today = localDateOf(opts.now, opts.timeZone);
  const current = today.slice(0, 7);
  const monthStart = startOfLocalDay(`${current}-01`, opts.timeZone);
  const previous = addLocalDays(`${current}-01`, -1).slice(0, 7);
  const last = opts.lastFinishedAt;
  if (last !== null && opts.now.getTime() - last.getTime() < opts.everyMs && last.getTime() >= monthStart.getTime()) return [];
  return last === null || last.getTime() < monthStart.getTime() ? [previous, current] : [current];
}
