// The working-day calendar of a city: which local dates are working days, and when a clock of
// minutes, hours, calendar days or working days runs out. Pure — callers pass every instant.
//
// Working days: Monday–Friday, minus the schedule's holidays, plus its make-up working days (调休).
// A year without a loaded schedule is refused (CALENDAR_YEAR_MISSING) rather than guessed, because
// treating every weekday as a working day gives wrong deadlines around the spring festival.
//
// Schedule precedence: schedules apply in order and a schedule for a year replaces that whole year,
// so pass package data first and administrators' schedules after it.
//
// Deadline rules (`addDuration`):
// - minutes, hours: elapsed time — 24 hours is 24 real hours even across a daylight-saving change.
// - calendar_days: the same local wall time N local dates later; holidays do not matter.
// - working_days: the clock runs only on working days.
//   · Start on a working day: the deadline is the same local wall time on the Nth working day after
//     the start's local date (Wednesday 10:00 + 1 → Thursday 10:00).
//   · Start on a non-working day (weekend, holiday): the clock starts when that day ends, so the
//     deadline is the end of the Nth working day after it, given as the first instant of the next
//     local date (Saturday 10:00 + 1 → Tuesday 00:00, i.e. end of Monday). Deadlines are exclusive:
//     a case is overdue from the deadline instant on.
//   · N = 0 returns the start unchanged. Every date examined (the start's and each one counted)
//     must lie in a loaded year.

import { DomainError } from '../errors';
import { type HolidaySchedule, validateHolidaySchedule } from './holiday-schedule';
import { addLocalDays, localDayOfWeek, parseLocalDate } from './local-date';
import { assertTimeZone, localDateOf, startOfLocalDay, zonedParts, zonedWallTimeToInstant } from './zoned-time';

export const DURATION_UNITS = ['minutes', 'hours', 'calendar_days', 'working_days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export type ClockDuration = { amount: number; unit: DurationUnit };

export type WorkingCalendarOptions = {
  /** IANA zone in which dates are reckoned, e.g. 'Asia/Shanghai'. */
  timeZone: string;
  /** Later entries replace earlier ones for the same year. */
  schedules: readonly HolidaySchedule[];
};

type LoadedYear = { schedule: HolidaySchedule; holidays: ReadonlySet<string>; workdays: ReadonlySet<string> };

function invalidInput(field: string, message: string, value: unknown): never {
  throw new DomainError('VALIDATION_FAILED', message, { field, value });
}

function instantMs(instant: Date, field: string): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) invalidInput(field, `${field} must be a valid Date.`, String(instant));
  return ms;
}

function wholeCount(amount: number, field: string): number {
  if (!Number.isInteger(amount) || amount < 0) {
    invalidInput(field, `${field} must be a whole number of days, 0 or more; got ${amount}.`, amount);
  }
  return amount;
}

export class WorkingCalendar {
  readonly timeZone: string;
  readonly #years: ReadonlyMap<number, LoadedYear>;

  constructor(options: WorkingCalendarOptions) {
    assertTimeZone(options.timeZone);
    this.timeZone = options.timeZone;
    const years = new Map<number, LoadedYear>();
    for (const input of options.schedules) {
      const schedule = validateHolidaySchedule(input);
      years.set(schedule.year, {
        schedule,
        holidays: new Set(schedule.holidays),
        workdays: new Set(schedule.workdays),
      });
    }
    this.#years = years;
  }

  /** A new calendar with `schedules` laid over this one's (each replaces its whole year). */
  withSchedules(schedules: readonly HolidaySchedule[]): WorkingCalendar {
    const current = [...this.#years.values()].map((loaded) => loaded.schedule);
    return new WorkingCalendar({ timeZone: this.timeZone, schedules: [...current, ...schedules] });
  }

  hasYear(year: number): boolean {
    return this.#years.has(year);
  }

  /** Loaded years, ascending. */
  years(): number[] {
    return [...this.#years.keys()].sort((a, b) => a - b);
  }

  /** The schedule in force for `year` (to show its source), if any. */
  scheduleFor(year: number): HolidaySchedule | undefined {
    const schedule = this.#years.get(year)?.schedule;
    return schedule && { ...schedule, holidays: [...schedule.holidays], workdays: [...schedule.workdays] };
  }

  isWorkingDay(localDate: string): boolean {
    const parts = parseLocalDate(localDate);
    if (!parts) invalidInput('localDate', `Not a real 'YYYY-MM-DD' date: ${JSON.stringify(localDate)}.`, localDate);
    const loaded = this.#years.get(parts.year);
    if (!loaded) {
      const years = this.years();
      const range = years.length ? `${years[0]}–${years[years.length - 1]}` : 'none';
      throw new DomainError(
        'CALENDAR_YEAR_MISSING',
        `No holiday schedule is loaded for ${parts.year}, so working days in ${parts.year} (${localDate}) ` +
          `cannot be counted. An administrator must load the ${parts.year} holiday schedule (节假日安排, ` +
          `with its make-up working days 调休) before working-day deadlines can reach that year. ` +
          `Loaded years: ${range}.`,
        { year: parts.year, date: localDate, loadedYears: years },
      );
    }
    if (loaded.holidays.has(localDate)) return false;
    if (loaded.workdays.has(localDate)) return true;
    const weekday = localDayOfWeek(localDate);
    return weekday !== 0 && weekday !== 6;
  }

  /** The local date of an instant in the calendar's zone ("today" is `localDate(now)`). */
  localDate(instant: Date): string {
    instantMs(instant, 'instant');
    return localDateOf(instant, this.timeZone);
  }

  /** The first instant of a local date in the calendar's zone. */
  startOfLocalDay(localDate: string): Date {
    return startOfLocalDay(localDate, this.timeZone);
  }

  /** Working days from `from` to `to`, both local dates and both included; 0 if `to` is before `from`. */
  countWorkingDays(from: string, to: string): number {
    for (const [field, date] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (!parseLocalDate(date)) invalidInput(field, `Not a real 'YYYY-MM-DD' date: ${JSON.stringify(date)}.`, date);
    }
    let count = 0;
    for (let date = from; date <= to; date = addLocalDays(date, 1)) {
      if (this.isWorkingDay(date)) count += 1;
    }
    return count;
  }

  /** Deadline N working days after `start`; see the module comment for the rule. */
  addWorkingDays(start: Date, n: number): Date {
    const startMs = instantMs(start, 'start');
    wholeCount(n, 'working days');
    if (n === 0) return new Date(startMs);
    const local = zonedParts(start, this.timeZone);
    const startsOnWorkingDay = this.isWorkingDay(local.date);
    let date = local.date;
    for (let counted = 0; counted < n;) {
      date = addLocalDays(date, 1);
      if (this.isWorkingDay(date)) counted += 1;
    }
    return startsOnWorkingDay ? zonedWallTimeToInstant(date, local, this.timeZone) : startOfLocalDay(addLocalDays(date, 1), this.timeZone);
  }

  /** Same local wall time `n` local dates later. */
  addCalendarDays(start: Date, n: number): Date {
    instantMs(start, 'start');
    const local = zonedParts(start, this.timeZone);
    return zonedWallTimeToInstant(addLocalDays(local.date, wholeCount(n, 'calendar days')), local, this.timeZone);
  }

  /** The instant a clock of `duration` started at `start` runs out; see the module comment. */
  addDuration(start: Date, duration: ClockDuration): Date {
    const startMs = instantMs(start, 'start');
    const { amount, unit } = duration;
    if (!Number.isFinite(amount) || amount < 0) {
      invalidInput('amount', `A clock's amount must be a number, 0 or more; got ${amount}.`, amount);
    }
    switch (unit) {
      case 'minutes':
        return new Date(startMs + amount * 60_000);
      case 'hours':
        return new Date(startMs + amount * 3_600_000);
      case 'calendar_days':
        return this.addCalendarDays(start, amount);
      case 'working_days':
        return this.addWorkingDays(start, amount);
      default: {
        // Durations come from configuration in the database, so an unknown unit is possible at run time.
        const unknown: never = unit;
        return invalidInput('unit', `Unknown clock unit ${JSON.stringify(unknown)}; use one of ${DURATION_UNITS.join(', ')}.`, unknown);
      }
    }
  }
}
