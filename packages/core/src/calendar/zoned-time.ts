// Time-zone arithmetic with Intl only: instant ↔ wall-clock time in any IANA zone. Nothing assumes
// a fixed offset or the absence of daylight saving — the city need not be Beijing.

import { DomainError } from '../errors';
import { epochDay, formatLocalDate, fromEpochDay, parseLocalDate } from './local-date';

const MS_PER_DAY = 86_400_000;

export type WallTime = { hour: number; minute: number; second?: number; millisecond?: number };

/** An instant read on the wall clock of a zone: its local date and time of day. */
export type ZonedParts = { date: string; hour: number; minute: number; second: number; millisecond: number };

// Building a formatter is costly and the zone set is tiny, so keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
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
      throw new DomainError('VALIDATION_FAILED', `Unknown time zone ${JSON.stringify(timeZone)}: give an IANA zone name such as 'Asia/Shanghai'.`, {
        field: 'timeZone',
        value: timeZone,
      });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws VALIDATION_FAILED unless `timeZone` is an IANA zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The wall-clock reading of an instant in `timeZone`, as epoch ms of that reading taken as UTC. */
function wallClockMs(instantMs: number, timeZone: string): number {
  const fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  const millisecond = ((instantMs % 1000) + 1000) % 1000; // zone offsets are whole seconds
  return epochDay(fields) * MS_PER_DAY + (fields.hour % 24) * 3_600_000 + fields.minute * 60_000 + fields.second * 1000 + millisecond;
}

function offsetMs(instantMs: number, timeZone: string): number {
  return wallClockMs(instantMs, timeZone) - instantMs;
}

export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const wall = wallClockMs(instant.getTime(), timeZone);
  const days = Math.floor(wall / MS_PER_DAY);
  let rest = wall - days * MS_PER_DAY;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  return { date: formatLocalDate(fromEpochDay(days)), hour, minute, second, millisecond: rest - second * 1000 };
}

/** The local date ('YYYY-MM-DD') of an instant in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  return zonedParts(instant, timeZone).date;
}

/**
 * The instant at which the wall clock of `timeZone` shows `time` on `date`. Wall times that do
 * not exist or occur twice because of a daylight-saving change are resolved as java.time and
 * Temporal ('compatible') do: a time inside a spring-forward gap moves forward by the gap's length
 * (02:30 → 03:30); a time repeated by a fall-back takes its earlier occurrence.
 */
export function zonedWallTimeToInstant(date: string, time: WallTime, timeZone: string): Date {
  const parts = parseLocalDate(date);
  if (!parts) {
    throw new DomainError('VALIDATION_FAILED', `Not a real 'YYYY-MM-DD' date: ${JSON.stringify(date)}.`, {
      field: 'date',
      value: date,
    });
  }
  const wall = epochDay(parts) * MS_PER_DAY + time.hour * 3_600_000 + time.minute * 60_000 + (time.second ?? 0) * 1000 + (time.millisecond ?? 0);
  // Offsets in force a day either side bracket any single transition near this wall time.
  const before = offsetMs(wall - MS_PER_DAY, timeZone);
  const after = offsetMs(wall + MS_PER_DAY, timeZone);
  const offsets = new Set([before, after, offsetMs(wall - before, timeZone)]);
  const candidates = [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => offsetMs(instant, timeZone) === wall - instant)
    .sort((a, b) => a - b);
  // No candidate: the wall time falls in a gap; reading it with the earlier offset lands past it.
  return new Date(candidates[0] ?? wall - before);
}

/** The first instant of `date` in `timeZone` (not always 00:00 where a zone changes at midnight). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return zonedWallTimeToInstant(date, { hour: 0, minute: 0 }, timeZone);
}
