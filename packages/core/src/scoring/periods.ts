// Evaluation periods: which instants a monthly (or quarterly) ranking covers, reckoned in the
// city's time zone. Naming rule: a period is named after the month that holds its LAST day.
// With the default start day 19, period '2026-11' runs from 2026-10-19 00:00 to 2026-11-19 00:00
// local time (end exclusive), i.e. 19 October to 18 November inclusive; period '2027-01' runs
// from 2026-12-19 to 2027-01-19. With start day 1 the periods are plain calendar months.
import { DomainError } from '../errors';
import { addMonths, assertTimeZone, isoDate, localDateTime, startOfLocalDay } from './zoned-time';

export interface EvaluationPeriodConfig {
  /** Local day of the month on which a period starts, 1–28 (28 so every month has it). Default 19. */
  startDay: number;
  /** IANA time zone the calendar is reckoned in. Default Asia/Shanghai. */
  timeZone: string;
}

export const DEFAULT_EVALUATION_PERIOD_CONFIG: EvaluationPeriodConfig = { startDay: 19, timeZone: 'Asia/Shanghai' };

/** A period (month 'YYYY-MM' or quarter 'YYYY-Qn') as the half-open interval [start, end). */
export interface EvaluationPeriod {
  key: string;
  /** First instant inside the period. */
  start: Date;
  /** First instant after the period (exclusive). */
  end: Date;
  /** Local date of the first day, 'YYYY-MM-DD' (the date weight versions are chosen on). */
  firstDay: string;
  /** Local date of the last day, inclusive. */
  lastDay: string;
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;

function assertConfig(config: EvaluationPeriodConfig): void {
  if (!Number.isInteger(config.startDay) || config.startDay < 1 || config.startDay > 28) {
    throw new DomainError('SCORING_INVALID_PERIOD', 'The period start day must be a whole number from 1 to 28.', {
      startDay: config.startDay,
    });
  }
  assertTimeZone(config.timeZone);
}

function parseMonthKey(key: string): { year: number; month: number } {
  const match = MONTH_KEY.exec(key);
  if (match === null) {
    throw new DomainError('SCORING_INVALID_PERIOD', `"${key}" is not a period key; use YYYY-MM, e.g. 2026-11.`, { key });
  }
  return { year: Number(match[1]), month: Number(match[2]) };
}

function parseQuarterKey(key: string): { year: number; quarter: number } {
  const match = QUARTER_KEY.exec(key);
  if (match === null) {
    throw new DomainError('SCORING_INVALID_PERIOD', `"${key}" is not a quarter key; use YYYY-Qn, e.g. 2027-Q1.`, { key });
  }
  return { year: Number(match[1]), quarter: Number(match[2]) };
}

function monthKey(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The local calendar dates [first, end) that period (year, month) covers. */
function periodDays(year: number, month: number, startDay: number) {
  // startDay 1: the calendar month itself. Otherwise: from startDay of the previous month to
  // startDay of this month, so the named month holds the last day.
  const first = startDay === 1 ? { year, month } : addMonths(year, month, -1);
  const end = addMonths(first.year, first.month, 1);
  return { first, end };
}

/** The instants of monthly period `key` ('YYYY-MM'). */
export function evaluationPeriod(key: string, config: EvaluationPeriodConfig = DEFAULT_EVALUATION_PERIOD_CONFIG): EvaluationPeriod {
  assertConfig(config);
  const { year, month } = parseMonthKey(key);
  const { first, end } = periodDays(year, month, config.startDay);
  return {
    key,
    start: startOfLocalDay(first.year, first.month, config.startDay, config.timeZone),
    end: startOfLocalDay(end.year, end.month, config.startDay, config.timeZone),
    firstDay: isoDate(first.year, first.month, config.startDay),
    lastDay: isoDate(end.year, end.month, config.startDay - 1),
  };
}

/** The key of the monthly period that holds `instant`. */
export function evaluationPeriodKeyOf(instant: Date, config: EvaluationPeriodConfig = DEFAULT_EVALUATION_PERIOD_CONFIG): string {
  assertConfig(config);
  if (Number.isNaN(instant.getTime())) {
    throw new DomainError('SCORING_INVALID_INPUT', 'The instant is not a valid date.');
  }
  const local = localDateTime(instant, config.timeZone);
  // From the start day on, a local date belongs to the period named after the next month.
  const named = config.startDay > 1 && local.day >= config.startDay ? addMonths(local.year, local.month, 1) : { year: local.year, month: local.month };
  return monthKey(named.year, named.month);
}

/** The monthly period that holds `instant`. */
export function evaluationPeriodOf(instant: Date, config: EvaluationPeriodConfig = DEFAULT_EVALUATION_PERIOD_CONFIG): EvaluationPeriod {
  return evaluationPeriod(evaluationPeriodKeyOf(instant, config), config);
}

/** The key `delta` months away: shiftPeriodKey('2027-01', -1) === '2026-12'. */
export function shiftPeriodKey(key: string, delta: number): string {
  const { year, month } = parseMonthKey(key);
  const shifted = addMonths(year, month, delta);
  return monthKey(shifted.year, shifted.month);
}

export function previousPeriodKey(key: string): string {
  return shiftPeriodKey(key, -1);
}

/**
 * A quarter ('YYYY-Qn') is its three monthly periods back to back: '2027-Q1' = periods
 * '2027-01' … '2027-03', i.e. 2026-12-19 to 2027-03-19 local with the default start day.
 */
export function evaluationQuarter(key: string, config: EvaluationPeriodConfig = DEFAULT_EVALUATION_PERIOD_CONFIG): EvaluationPeriod & { monthKeys: [string, string, string] } {
  const { year, quarter } = parseQuarterKey(key);
  const firstMonth = (quarter - 1) * 3 + 1;
  const monthKeys: [string, string, string] = [monthKey(year, firstMonth), monthKey(year, firstMonth + 1), monthKey(year, firstMonth + 2)];
  const first = evaluationPeriod(monthKeys[0], config);
  const last = evaluationPeriod(monthKeys[2], config);
  return { key, start: first.start, end: last.end, firstDay: first.firstDay, lastDay: last.lastDay, monthKeys };
}

/** The key of the quarter that holds `instant`. */
export function evaluationQuarterKeyOf(instant: Date, config: EvaluationPeriodConfig = DEFAULT_EVALUATION_PERIOD_CONFIG): string {
  const { year, month } = parseMonthKey(evaluationPeriodKeyOf(instant, config));
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export function previousQuarterKey(key: string): string {
  const { year, quarter } = parseQuarterKey(key);
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}
