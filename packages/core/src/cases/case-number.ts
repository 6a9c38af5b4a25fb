// Human-readable case numbers: the local date in the city's zone plus the day's sequence,
// e.g. 20261127-000123. The sequence comes from a per-day counter in the database, keyed by
// `caseNumberDateKey`, so both are reckoned in the same zone (a call at 23:59 Beijing time and
// one at 00:01 get different dates even though both are the same UTC day).
import { DomainError } from '../errors';

export const DEFAULT_CITY_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      throw new DomainError('VALIDATION_FAILED', `Unknown time zone "${timeZone}".`, { field: 'timeZone', value: timeZone });
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local date of `instant` in `timeZone` as YYYYMMDD: the key of the daily sequence counter. */
export function caseNumberDateKey(instant: Date, timeZone: string = DEFAULT_CITY_TIME_ZONE): string {
  if (Number.isNaN(instant.getTime())) {
    throw new DomainError('VALIDATION_FAILED', 'The case date must be a valid instant.', { field: 'instant' });
  }
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}`;
}

/**
 * Six digits cover any day so far (Beijing peaks at a few hundred thousand); a larger sequence
 * widens rather than wraps, so numbers stay unique.
 */
export function formatCaseNumber(instant: Date, sequence: number, timeZone: string = DEFAULT_CITY_TIME_ZONE): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new DomainError('VALIDATION_FAILED', `The daily sequence must be a whole number from 1; got ${sequence}.`, {
      field: 'sequence',
      value: sequence,
    });
  }
  return `${caseNumberDateKey(instant, timeZone)}-${String(sequence).padStart(6, '0')}`;
}

const CASE_NUMBER_PATTERN = /^(\d{8})-(\d{6,})$/;

export function parseCaseNumber(text: string): { dateKey: string; sequence: number } | null {
  const m = CASE_NUMBER_PATTERN.exec(text);
  if (m === null || m[1] === undefined || m[2] === undefined) return null;
  return { dateKey: m[1], sequence: Number(m[2]) };
}
