// Scoring's view of wall-clock time (year/month/day numbers for periods), built on the calendar's
// zone arithmetic so there is one Intl-based implementation in the core. Internal to scoring.
import { assertTimeZone as assertZone, startOfLocalDay as startOfLocalDate, zonedParts } from '../calendar/zoned-time';
import { DomainError } from '../errors';

/** A period configuration names an IANA zone; anything else is a bad period setting. */
export function assertTimeZone(timeZone: string): void {
  try {
    assertZone(timeZone);
  } catch {
    throw new DomainError('SCORING_INVALID_PERIOD', `Unknown time zone "${timeZone}"; use an IANA name such as Asia/Shanghai.`, { timeZone });
  }
}

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock date and time of `instant` in `timeZone`. */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const p = zonedParts(instant, timeZone);
  const [year, month, day] = p.date.split('-').map(Number) as [number, number, number];
  return { year, month, day, hour: p.hour, minute: p.minute, second: p.second };
}

/** The first instant of a local date in `timeZone`. */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string): Date {
  return startOfLocalDate(isoDate(year, month, day), timeZone);
}

/** Calendar month arithmetic on (year, month 1–12). */
export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** 'YYYY-MM-DD' of a calendar date, normalising overflow (day 0 = last day of previous month). */
export function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}
