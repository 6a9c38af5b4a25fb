// The city's working calendar: chinese-days' official schedules, overridden and extended by the
// schedules administrators load into the database. Rebuilt when a schedule changes.
import { type HolidaySchedule, WorkingCalendar } from '@jiesu/core';
import { chineseDaysSchedules } from '@jiesu/reference';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { HolidayScheduleRepository } from '../repositories/holiday-schedule.repository';

export class CalendarService {
  private current: WorkingCalendar | null = null;
  private readonly packageSchedules: HolidaySchedule[] = chineseDaysSchedules();

  constructor(
    private readonly timeZone: string,
    private readonly repo: HolidayScheduleRepository,
  ) {}

  /** Pass `trx` when called inside a transaction: the first load reads the schedules through it (PGlite has one session). */
  async get(trx?: Kysely<Database>): Promise<WorkingCalendar> {
    if (!this.current) await this.reload(trx);
    return this.current as WorkingCalendar;
  }

  async reload(trx?: Kysely<Database>): Promise<WorkingCalendar> {
    const stored = await this.repo.listAll(trx);
    this.current = new WorkingCalendar({
      timeZone: this.timeZone,
      schedules: [...this.packageSchedules, ...stored.map((s) => ({ year: s.year, holidays: s.holidays, workdays: s.workdays, source: s.source }))],
    });
    return this.current;
  }

  /** Where each loaded year's schedule comes from (package or administrator). */
  async years(): Promise<Array<{ year: number; source: string; holidays: number; workdays: number }>> {
    const cal = await this.get();
    return cal.years().map((year) => {
      const s = cal.scheduleFor(year) as HolidaySchedule;
      return { year, source: s.source, holidays: s.holidays.length, workdays: s.workdays.length };
    });
  }
}
