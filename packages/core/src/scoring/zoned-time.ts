// Wall-clock arithmetic in a named time zone through Intl.DateTimeFormat, so offsets (and any
// daylight-saving rules) come from the zone database rather than a hard-coded +08:00.
// Internal to scoring: not re-exported from the package.
import { DomainError } from '../errors';

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new DomainError('SCORING_INVALID_PERIOD', `Unknown time zone "${timeZone}"; use an IANA name such as Asia/Shanghai.`, {
        timeZone,
      });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The wall-clock date and time of `instant` in `timeZone`. */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? Number.NaN,
    month: parts.month ?? Number.NaN,
    day: parts.day ?? Number.NaN,
    hour: parts.hour ?? Number.NaN,
    minute: parts.minute ?? Number.NaN,
    second: parts.second ?? Number.NaN,
  };
}

/** Zone offset at `instant`, in ms: local wall clock read as UTC, minus the instant. */
function offsetAt(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const l = localDateTime(new Date(wholeSecond), timeZone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - wholeSecond;
}

/**
 * The first instant of the local calendar day year-month-day in `timeZone`. Usually local
 * 00:00; where 00:00 is repeated the earlier one; where a transition skips 00:00, the moment the
 * day begins.
 */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day);
  const dayMs = 86_400_000;
  // Offsets on either side of any transition near this day; one of them is in force at midnight.
  const offsets = new Set([offsetAt(wall - dayMs, timeZone), offsetAt(wall, timeZone), offsetAt(wall + dayMs, timeZone)]);
  const candidates = [...offsets].map((o) => wall - o).sort((a, b) => a - b);
  const isSameDay = (epochMs: number): boolean => {
    const l = localDateTime(new Date(epochMs), timeZone);
    return l.year === year && l.month === month && l.day === day;
  };
  const exact = candidates.find((c) => {
    const l = localDateTime(new Date(c), timeZone);
    return isSameDay(c) && l.hour === 0 && l.minute === 0 && l.second === 0;
  });
  if (exact !== undefined) return new Date(exact);
  const sameDay = candidates.find(isSameDay);
  return new Date(sameDay ?? candidates[0] ?? wall);
}

/** Calendar arithmetic on (year, month), month 1–12. */
export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** 'YYYY-MM-DD' of a calendar date, normalising overflow (day 0 = last day of previous month). */
export function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}
