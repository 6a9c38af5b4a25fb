// The dashboard for a period and scope, from server-side aggregates: what came in (by status,
// urgency, category, district, day) and what is overdue now, with the supervision board's
// definition (core isOverdueNow) so both screens show the same number.
import { type Actor, DASHBOARD_READER_ROLES, DomainError, FINISHED_CASE_STATUSES, hotspotPeriod, isCentreActor } from '@jiesu/core';
import type { AppContext } from '../../context';
import { requireRole } from '../require';

export interface DashboardOptions {
  actor: Actor;
  from: string;
  to: string;
  unitCode?: string;
}

type Count = { key: string; count: number };
const sorted = (m: Map<string, number>): Count[] => [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

export async function getDashboard(ctx: AppContext, opts: DashboardOptions) {
  requireRole(opts.actor, ...DASHBOARD_READER_ROLES);
  const period = hotspotPeriod({ from: opts.from, to: opts.to }, ctx.config.timeZone);
  const actorScope = isCentreActor(opts.actor) ? '/' : opts.actor.unitPath;
  let scopePath = actorScope;
  let scopeUnitCode = opts.actor.unitCode;
  if (opts.unitCode !== undefined && opts.unitCode !== opts.actor.unitCode) {
    const unit = await ctx.repos.units.findByCode(opts.unitCode);
    if (!unit) throw new DomainError('VALIDATION_FAILED', `No unit ${opts.unitCode}.`, { field: 'unitCode' });
    if (!unit.path.startsWith(actorScope)) throw new DomainError('FORBIDDEN', 'That unit is outside your area.', { field: 'unitCode' });
    scopePath = unit.path;
    scopeUnitCode = unit.code;
  }
  const agg = await ctx.reads.dashboard.aggregates({ scopePath, from: period.from, to: period.to, timeZone: ctx.config.timeZone });
  // The board counts clocks owned under the actor's unit path; narrowed to a unit, under that unit's.
  const overdueNow = await ctx.reads.dashboard.countOverdueNow(scopePath === '/' ? opts.actor.unitPath : scopePath, ctx.now());
  const total = [...agg.byStatus.values()].reduce((a, b) => a + b, 0);
  const finished = FINISHED_CASE_STATUSES.reduce((n, s) => n + (agg.byStatus.get(s) ?? 0), 0);
  return {
    from: opts.from,
    to: opts.to,
    scopeUnitCode,
    total,
    open: total - finished,
    finished,
    overdueNow,
    byStatus: sorted(agg.byStatus),
    byUrgency: sorted(agg.byUrgency),
    byCategory: sorted(agg.byCategory),
    byDistrict: sorted(agg.byDistrict),
    trend: period.days.map((day) => ({ day, count: agg.byDay.get(day) ?? 0 })),
  };
}
