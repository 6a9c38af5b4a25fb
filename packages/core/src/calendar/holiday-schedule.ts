// One year's official holiday schedule (节假日安排): the days off and the weekend days worked in
// exchange (调休). Package data and administrators' schedules pass the same validation.

import { DomainError } from '../errors';
import { localDayOfWeek, parseLocalDate } from './local-date';

export type HolidaySchedule = {
  year: number;
  /** Days off, 'YYYY-MM-DD', all within `year`. Weekend days may be listed too. */
  holidays: string[];
  /** Make-up working days (调休): Saturdays or Sundays worked, 'YYYY-MM-DD', within `year`. */
  workdays: string[];
  /** Where it came from, e.g. 'chinese-days@1.5.7' or 'admin:alice 2026-12-01'. */
  source: string;
};

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function invalid(year: unknown, field: string, problem: string, value?: unknown): never {
  const which = typeof year === 'number' ? ` for ${year}` : '';
  throw new DomainError('CALENDAR_INVALID_SCHEDULE', `Invalid holiday schedule${which}: ${field} ${problem}`, {
    field,
    ...(value === undefined ? {} : { value }),
  });
}

function dateList(input: unknown, field: 'holidays' | 'workdays', year: number): string[] {
  if (!Array.isArray(input)) invalid(year, field, "must be a list of 'YYYY-MM-DD' dates (it may be empty).");
  const seen = new Set<string>();
  input.forEach((value: unknown, index) => {
    const at = `${field}[${index}]`;
    const parts = typeof value === 'string' ? parseLocalDate(value) : undefined;
    if (typeof value !== 'string' || !parts) {
      invalid(year, at, `is ${JSON.stringify(value)}, not a real 'YYYY-MM-DD' date.`, value);
    }
    if (parts.year !== year) invalid(year, at, `is ${value}, which is not in ${year}.`, value);
    if (seen.has(value)) invalid(year, at, `repeats ${value}.`, value);
    if (field === 'workdays') {
      const weekday = localDayOfWeek(value);
      if (weekday !== 0 && weekday !== 6) {
        invalid(year, at, `is ${value}, a ${WEEKDAY_NAMES[weekday]} and so a working day already; a make-up working day (调休) is a Saturday or Sunday.`, value);
      }
    }
    seen.add(value);
  });
  return [...seen].sort();
}

/**
 * Checks a schedule from any source and returns it normalised (dates sorted, source trimmed, fresh
 * arrays), or throws CALENDAR_INVALID_SCHEDULE with a message naming the bad field and date.
 */
export function validateHolidaySchedule(input: unknown): HolidaySchedule {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    invalid(undefined, 'schedule', 'must be an object with year, holidays, workdays and source.');
  }
  const record = input as Record<string, unknown>;
  const { year, source } = record;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9999) {
    invalid(undefined, 'year', `must be a four-digit year, got ${JSON.stringify(year)}.`, year);
  }
  if (typeof source !== 'string' || source.trim() === '') {
    invalid(year, 'source', "must say where the schedule comes from, e.g. 'admin:alice 2026-12-01'.", source);
  }
  const holidays = dateList(record.holidays, 'holidays', year);
  const workdays = dateList(record.workdays, 'workdays', year);
  const offDays = new Set(holidays);
  const both = workdays.find((date) => offDays.has(date));
  if (both !== undefined) {
    invalid(year, 'workdays', `and holidays both list ${both}; a day is either off or worked.`, both);
  }
  return { year, holidays, workdays, source: source.trim() };
}
