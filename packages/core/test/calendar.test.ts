import { describe, expect, it } from 'vitest';
import { DomainError, type HolidaySchedule, WorkingCalendar, localDateOf, startOfLocalDay, validateHolidaySchedule, zonedWallTimeToInstant } from '../src';

// China's 2026 schedule as published (国务院办公厅 2025-11), copied from chinese-days@1.5.7 so the
// core's tests need no package; packages/reference/test checks the conversion of the real data.
const CHINA_2026: HolidaySchedule = {
  year: 2026,
  holidays: [
    '2026-01-01',
    '2026-01-02',
    '2026-01-03',
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
    '2026-04-04',
    '2026-04-05',
    '2026-04-06',
    '2026-05-01',
    '2026-05-02',
    '2026-05-03',
    '2026-05-04',
    '2026-05-05',
    '2026-06-19',
    '2026-06-20',
    '2026-06-21',
    '2026-09-25',
    '2026-09-26',
    '2026-09-27',
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  source: 'chinese-days@1.5.7',
};

// An administrator's 2027 schedule: only New Year's Day and a made-up spring festival, enough to test.
const ADMIN_2027: HolidaySchedule = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09'],
  workdays: ['2027-02-06'],
  source: 'admin:alice 2026-12-01',
};

const shanghai = new WorkingCalendar({ timeZone: 'Asia/Shanghai', schedules: [CHINA_2026] });

function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('WorkingCalendar: working days', () => {
  it('knows weekdays, holidays and make-up working days (调休)', () => {
    expect(shanghai.isWorkingDay('2026-09-30')).toBe(true); // Wednesday
    expect(shanghai.isWorkingDay('2026-10-01')).toBe(false); // National Day
    expect(shanghai.isWorkingDay('2026-10-07')).toBe(false); // Wednesday, in lieu
    expect(shanghai.isWorkingDay('2026-09-20')).toBe(true); // Sunday worked
    expect(shanghai.isWorkingDay('2026-10-10')).toBe(true); // Saturday worked
    expect(shanghai.isWorkingDay('2026-10-11')).toBe(false); // plain Sunday
    expect(shanghai.countWorkingDays('2026-10-01', '2026-10-11')).toBe(3); // 8th, 9th, 10th
  });

  it('lists its years and refuses a date in a year without a schedule, naming the year', () => {
    expect(shanghai.years()).toEqual([2026]);
    expect(shanghai.hasYear(2027)).toBe(false);
    const error = domainError(() => shanghai.isWorkingDay('2027-01-04'));
    expect(error.code).toBe('CALENDAR_YEAR_MISSING');
    expect(error.message).toContain('2027');
    expect(error.message).toMatch(/administrator must load the 2027 holiday schedule/);
    expect(error.details).toMatchObject({ year: 2027, loadedYears: [2026] });
  });

  it('rejects a malformed local date', () => {
    expect(domainError(() => shanghai.isWorkingDay('2026-02-30')).code).toBe('VALIDATION_FAILED');
  });
});

describe('WorkingCalendar: working-day deadlines in Asia/Shanghai', () => {
  it('counts across the 2026 National Day holiday and its make-up Saturday', () => {
    // Start Wed 2026-09-30 10:00 +08:00 (02:00Z), a working day, + 5 working days:
    // 10-01..10-07 off; Thu 10-08 (1), Fri 10-09 (2), Sat 10-10 make-up (3), Sun 10-11 off,
    // Mon 10-12 (4), Tue 10-13 (5) → Tue 2026-10-13 10:00 +08:00 = 2026-10-13T02:00:00Z.
    const start = new Date('2026-09-30T02:00:00Z');
    expect(shanghai.addWorkingDays(start, 5).toISOString()).toBe('2026-10-13T02:00:00.000Z');
    expect(shanghai.addDuration(start, { amount: 5, unit: 'working_days' }).toISOString()).toBe('2026-10-13T02:00:00.000Z');
  });

  it('starts a clock received on a holiday at the end of that day', () => {
    // Start Thu 2026-10-01 15:00 +08:00 (holiday) + 1 working day: the clock starts when 10-01 ends;
    // the first working day after is Thu 10-08, so the deadline is its end: 10-09 00:00 +08:00.
    expect(shanghai.addWorkingDays(new Date('2026-10-01T07:00:00Z'), 1).toISOString()).toBe('2026-10-08T16:00:00.000Z');
    // Start Sat 2026-09-19 15:00 +08:00 + 1: Sun 09-20 is a make-up working day → ends 09-21 00:00 +08:00.
    expect(shanghai.addWorkingDays(new Date('2026-09-19T07:00:00Z'), 1).toISOString()).toBe('2026-09-20T16:00:00.000Z');
  });

  it('reads the start date in the city zone, not UTC', () => {
    // 2026-09-30T20:00Z is already Thu 10-01 04:00 in Shanghai, a holiday: end of Thu 10-08.
    const start = new Date('2026-09-30T20:00:00Z');
    expect(shanghai.localDate(start)).toBe('2026-10-01');
    expect(shanghai.addWorkingDays(start, 1).toISOString()).toBe('2026-10-08T16:00:00.000Z');
  });

  it('returns the start for zero working days and refuses negative or fractional counts', () => {
    const start = new Date('2026-10-03T02:00:00Z');
    expect(shanghai.addWorkingDays(start, 0)).toEqual(start);
    expect(domainError(() => shanghai.addWorkingDays(start, -1)).code).toBe('VALIDATION_FAILED');
    expect(domainError(() => shanghai.addWorkingDays(start, 1.5)).code).toBe('VALIDATION_FAILED');
  });

  it('refuses a deadline in 2027 when only package data (2026) is loaded', () => {
    const error = domainError(() => shanghai.addWorkingDays(new Date('2027-01-04T02:00:00Z'), 1));
    expect(error.code).toBe('CALENDAR_YEAR_MISSING');
    expect(error.details).toMatchObject({ year: 2027 });
  });

  it('refuses a deadline that crosses from 2026 into a missing 2027', () => {
    // Wed 2026-12-30 + 2: Thu 12-31 (1), then 2027-01-01 must be looked up — refused.
    const start = new Date('2026-12-30T02:00:00Z');
    expect(shanghai.addWorkingDays(start, 1).toISOString()).toBe('2026-12-31T02:00:00.000Z');
    const error = domainError(() => shanghai.addWorkingDays(start, 2));
    expect(error.code).toBe('CALENDAR_YEAR_MISSING');
    expect(error.details).toMatchObject({ year: 2027, date: '2027-01-01' });
  });

  it('computes deadlines in 2027 once an administrator loads its schedule', () => {
    const calendar = shanghai.withSchedules([ADMIN_2027]);
    expect(calendar.years()).toEqual([2026, 2027]);
    expect(calendar.scheduleFor(2027)?.source).toBe('admin:alice 2026-12-01');
    // Wed 2026-12-30 10:00 +08:00 + 2: Thu 12-31 (1), Fri 2027-01-01 off, Sat/Sun off, Mon 01-04 (2).
    expect(calendar.addWorkingDays(new Date('2026-12-30T02:00:00Z'), 2).toISOString()).toBe('2027-01-04T02:00:00.000Z');
    // Thu 2027-02-04 09:30 +08:00 + 2: Fri 02-05 off, Sat 02-06 make-up (1), Sun off, Mon/Tue 02-08/09 off,
    // Wed 02-10 (2) → 2027-02-10 09:30 +08:00 = 01:30Z.
    expect(calendar.addWorkingDays(new Date('2027-02-04T01:30:00Z'), 2).toISOString()).toBe('2027-02-10T01:30:00.000Z');
  });

  it('lets a later schedule for a year replace the whole earlier one', () => {
    const replacement: HolidaySchedule = { year: 2026, holidays: ['2026-10-08'], workdays: [], source: 'admin:bob' };
    const calendar = shanghai.withSchedules([replacement]);
    expect(calendar.isWorkingDay('2026-10-01')).toBe(true); // package holiday gone
    expect(calendar.isWorkingDay('2026-10-08')).toBe(false);
    expect(calendar.scheduleFor(2026)?.source).toBe('admin:bob');
  });
});

describe('WorkingCalendar: other clock units', () => {
  const start = new Date('2026-09-30T02:00:00Z'); // Wed 10:00 +08:00

  it('adds minutes and hours as elapsed time, ignoring holidays', () => {
    expect(shanghai.addDuration(start, { amount: 30, unit: 'minutes' }).toISOString()).toBe('2026-09-30T02:30:00.000Z');
    expect(shanghai.addDuration(start, { amount: 24, unit: 'hours' }).toISOString()).toBe('2026-10-01T02:00:00.000Z');
    expect(shanghai.addDuration(start, { amount: 1.5, unit: 'hours' }).toISOString()).toBe('2026-09-30T03:30:00.000Z');
  });

  it('adds calendar days as the same wall time N dates later, through holidays and into unloaded years', () => {
    // General cases: feedback within 7 days → Wed 10-07 10:00 +08:00 even though it is a holiday.
    expect(shanghai.addDuration(start, { amount: 7, unit: 'calendar_days' }).toISOString()).toBe('2026-10-07T02:00:00.000Z');
    // Calendar days need no holiday schedule, so 2027 is fine.
    expect(shanghai.addDuration(new Date('2026-12-30T02:00:00Z'), { amount: 15, unit: 'calendar_days' }).toISOString()).toBe('2027-01-14T02:00:00.000Z');
  });

  it('refuses negative amounts and unknown units', () => {
    expect(domainError(() => shanghai.addDuration(start, { amount: -1, unit: 'hours' })).code).toBe('VALIDATION_FAILED');
    const unknownUnit = JSON.parse('{"amount":1,"unit":"weeks"}') as { amount: number; unit: 'hours' };
    const error = domainError(() => shanghai.addDuration(start, unknownUnit));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('weeks');
  });
});

describe('WorkingCalendar: time-zone arithmetic in America/New_York (DST)', () => {
  // US DST 2026: clocks go 02:00 EST → 03:00 EDT on Sun 03-08 and 02:00 EDT → 01:00 EST on Sun 11-01.
  const NO_HOLIDAYS_2026: HolidaySchedule = { year: 2026, holidays: [], workdays: [], source: 'test' };
  const newYork = new WorkingCalendar({ timeZone: 'America/New_York', schedules: [NO_HOLIDAYS_2026] });

  it('reads local dates and day starts with the offset in force', () => {
    expect(newYork.localDate(new Date('2026-03-08T04:59:00Z'))).toBe('2026-03-07'); // 23:59 EST
    expect(newYork.localDate(new Date('2026-03-08T05:00:00Z'))).toBe('2026-03-08'); // 00:00 EST
    expect(newYork.startOfLocalDay('2026-03-08').toISOString()).toBe('2026-03-08T05:00:00.000Z'); // -05:00
    expect(newYork.startOfLocalDay('2026-03-09').toISOString()).toBe('2026-03-09T04:00:00.000Z'); // -04:00
  });

  it('resolves wall times in the spring gap forward and in the autumn overlap to the earlier one', () => {
    // 02:30 does not exist on 03-08: moved forward by the hour → 03:30 EDT = 07:30Z.
    expect(zonedWallTimeToInstant('2026-03-08', { hour: 2, minute: 30 }, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 11-01: the first, EDT → 05:30Z (not 06:30Z).
    expect(zonedWallTimeToInstant('2026-11-01', { hour: 1, minute: 30 }, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('keeps the wall time for day units and elapsed time for hours across the change', () => {
    // Fri 03-06 09:00 EST (14:00Z) + 1 working day → Mon 03-09 09:00 EDT = 13:00Z (71 h later).
    const friday = new Date('2026-03-06T14:00:00Z');
    expect(newYork.addWorkingDays(friday, 1).toISOString()).toBe('2026-03-09T13:00:00.000Z');
    // Sat 03-07 12:00 EST (17:00Z): + 1 calendar day → Sun 12:00 EDT = 16:00Z; + 24 hours → 13:00 EDT.
    const saturday = new Date('2026-03-07T17:00:00Z');
    expect(newYork.addDuration(saturday, { amount: 1, unit: 'calendar_days' }).toISOString()).toBe('2026-03-08T16:00:00.000Z');
    expect(newYork.addDuration(saturday, { amount: 24, unit: 'hours' }).toISOString()).toBe('2026-03-08T17:00:00.000Z');
    // From a Saturday, + 1 working day ends with Monday 03-09: Tue 03-10 00:00 EDT = 04:00Z.
    expect(newYork.addWorkingDays(saturday, 1).toISOString()).toBe('2026-03-10T04:00:00.000Z');
  });

  it('handles a half-hour zone and refuses an unknown zone', () => {
    expect(localDateOf(new Date('2026-10-01T18:29:00Z'), 'Asia/Kolkata')).toBe('2026-10-01'); // 23:59 +05:30
    expect(startOfLocalDay('2026-10-02', 'Asia/Kolkata').toISOString()).toBe('2026-10-01T18:30:00.000Z');
    const error = domainError(() => new WorkingCalendar({ timeZone: 'Mars/Olympus', schedules: [] }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('Mars/Olympus');
  });
});

describe('validateHolidaySchedule', () => {
  const invalid = (input: unknown) => domainError(() => validateHolidaySchedule(input));

  it('normalises a good schedule: sorted dates, trimmed source', () => {
    expect(
      validateHolidaySchedule({
        year: 2027,
        holidays: ['2027-10-02', '2027-10-01'],
        workdays: ['2027-09-26'],
        source: '  admin:alice 2026-12-01 ',
      }),
    ).toEqual({ year: 2027, holidays: ['2027-10-01', '2027-10-02'], workdays: ['2027-09-26'], source: 'admin:alice 2026-12-01' });
  });

  it.each([
    ['not an object', null, 'schedule'],
    ['a year that is not a four-digit integer', { ...ADMIN_2027, year: 27 }, 'year'],
    ['a missing source', { ...ADMIN_2027, source: ' ' }, 'source'],
    ['holidays that are not a list', { ...ADMIN_2027, holidays: '2027-01-01' }, 'holidays'],
    ['a date that does not exist', { ...ADMIN_2027, holidays: ['2027-02-29'] }, 'holidays[0]'],
    ['a date in the wrong format', { ...ADMIN_2027, holidays: ['2027-1-1'] }, 'holidays[0]'],
    ['a date of another year', { ...ADMIN_2027, holidays: ['2027-01-01', '2026-12-31'] }, 'holidays[1]'],
    ['a duplicate date', { ...ADMIN_2027, holidays: ['2027-01-01', '2027-01-01'] }, 'holidays[1]'],
    ['a make-up working day on a weekday', { ...ADMIN_2027, workdays: ['2027-02-06', '2027-02-10'] }, 'workdays[1]'],
    ['a day both off and worked', { ...ADMIN_2027, workdays: ['2027-02-06'], holidays: ['2027-02-06'] }, 'workdays'],
  ])('refuses %s, naming the field', (_, input, field) => {
    const error = invalid(input);
    expect(error.code).toBe('CALENDAR_INVALID_SCHEDULE');
    expect(error.details).toMatchObject({ field });
    expect(error.message).toContain(field);
  });

  it('says which date is wrong and why', () => {
    expect(invalid({ ...ADMIN_2027, holidays: ['2027-02-29'] }).message).toBe(`Invalid holiday schedule for 2027: holidays[0] is "2027-02-29", not a real 'YYYY-MM-DD' date.`);
    expect(invalid({ ...ADMIN_2027, workdays: ['2027-02-10'] }).message).toContain('a Wednesday');
  });

  it('is applied to schedules given to the calendar', () => {
    const bad = { ...ADMIN_2027, holidays: ['2027-13-01'] };
    expect(domainError(() => new WorkingCalendar({ timeZone: 'Asia/Shanghai', schedules: [bad] })).code).toBe('CALENDAR_INVALID_SCHEDULE');
  });
});
