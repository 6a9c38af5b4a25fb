// Arithmetic on local calendar dates written 'YYYY-MM-DD'. The calendar reasons in dates of the
// city's zone, so these dates carry no zone and need no Date object: plain integer arithmetic.

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type LocalDateParts = { year: number; month: number; day: number };

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The parts of a real 'YYYY-MM-DD' date, or undefined for anything else ('2026-02-30', '2026-1-5'). */
export function parseLocalDate(text: string): LocalDateParts | undefined {
  const match = LOCAL_DATE.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isLocalDate(value: unknown): value is string {
  return typeof value === 'string' && parseLocalDate(value) !== undefined;
}

export function formatLocalDate({ year, month, day }: LocalDateParts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil, proleptic Gregorian). */
export function epochDay({ year, month, day }: LocalDateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Inverse of epochDay (H. Hinnant's civil_from_days). */
export function fromEpochDay(days: number): LocalDateParts {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function partsOf(date: string): LocalDateParts {
  const parts = parseLocalDate(date);
  // Callers validate user input first; reaching this is a programming error, not a user's.
  if (!parts) throw new TypeError(`not a 'YYYY-MM-DD' date: ${JSON.stringify(date)}`);
  return parts;
}

/** The date `days` days after `date` (before it, if negative). */
export function addLocalDays(date: string, days: number): string {
  return formatLocalDate(fromEpochDay(epochDay(partsOf(date)) + days));
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export function localDayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((epochDay(partsOf(date)) + 4) % 7) + 7) % 7;
}
