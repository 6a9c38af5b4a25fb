// Calendar use cases: list loaded years, load an administrator's schedule, compute a deadline.
import { type Actor, type ClockDuration, validateHolidaySchedule } from '@jiesu/core';
import type { AppContext } from '../../context';
import { requireRole } from '../require';

export async function listCalendarYears(ctx: AppContext) {
  return ctx.calendar.years();
}

export async function putHolidaySchedule(ctx: AppContext, opts: { actor: Actor; year: number; holidays: string[]; workdays: string[]; note?: string }) {
  requireRole(opts.actor, 'administrator');
  const source = `admin:${opts.actor.username} ${ctx.now().toISOString()}${opts.note ? ` (${opts.note})` : ''}`;
  const schedule = validateHolidaySchedule({ year: opts.year, holidays: opts.holidays, workdays: opts.workdays, source });
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.holidaySchedules.upsert({ ...schedule, updatedBy: opts.actor.username }, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'calendar.put', targetType: 'holiday_schedule', targetId: String(opts.year), data: { ...schedule } }, trx);
  });
  await ctx.calendar.reload();
  return schedule;
}

export async function computeDeadline(ctx: AppContext, opts: { start: Date; duration: ClockDuration }) {
  const cal = await ctx.calendar.get();
  const deadline = cal.addDuration(opts.start, opts.duration);
  return { start: opts.start, ...opts.duration, deadline, timeZone: cal.timeZone, localDeadline: cal.localDate(deadline) };
}
