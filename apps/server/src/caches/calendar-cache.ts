// The city's working calendar: chinese-days' official schedules, overridden and extended by the
// schedules administrators load into the database. Held for the cache TTL (JIESU_CACHE_TTL_SECONDS),
// so a schedule loaded through another process on the same PostgreSQL is in force here within it;
// rebuilt at once in the process that loaded it.
import { type HolidaySchedule, WorkingCalendar } from '@jiesu/core';
import { chineseDaysSchedules } from '@jiesu/reference';
import type { Tx } from '../repositories/tx';
import type { HolidayScheduleRepository } from '../repositories/holiday-schedule.repository';
import { TtlCache } from './ttl-cache';

export class CalendarService {
  private readonly cache: TtlCache<'calendar', WorkingCalendar>;
  private readonly packageSchedules: HolidaySchedule[] = chineseDaysSchedules();

  constructor(
    private readonly timeZone: string,
    private readonly repo: HolidayScheduleRepository,
    ttlMs = 10_000,
    clock: () => number = Date.now,
  ) {
    this.cache = new TtlCache(ttlMs, 1, clock);
  }

  /** Pass `trx` when called inside a transaction: a load reads the schedules through it (PGlite has one session). */
  async get(trx?: Tx): Promise<WorkingCalendar> {
    return this.cache.getOrLoad('calendar', () => this.build(trx));
  }

  async reload(trx?: Tx): Promise<WorkingCalendar> {
    const calendar = await this.build(trx);
    this.cache.set('calendar', calendar);
    return calendar;
  }

  /** Where each loaded year's schedule comes from (package or administrator). */
  async years(): Promise<Array<{ year: number; source: string; holidays: number; workdays: number }>> {
    const cal = await this.get();
    return cal.years().map((year) => {
      const s = cal.scheduleFor(year) as HolidaySchedule;
      return { year, source: s.source, holidays: s.holidays.length, workdays: s.workdays.length };
    });
  }

  private async build(trx?: Tx): Promise<WorkingCalendar> {
    const stored = await this.repo.listAll(trx);
    return new WorkingCalendar({
      timeZone: this.timeZone,
      schedules: [...this.packageSchedules, ...stored.map((s) => ({ year: s.year, holidays: s.holidays, workdays: s.workdays, source: s.source }))],
    });
  }
}
