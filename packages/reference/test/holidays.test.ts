import { createRequire } from 'node:module';
import { DomainError, WorkingCalendar, addLocalDays } from '@jiesu/core';
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { chineseDaysSchedules } from '../src';

const { version } = createRequire(import.meta.url)('chinese-days/package.json') as { version: string };
const schedules = chineseDaysSchedules();
const calendar = new WorkingCalendar({ timeZone: 'Asia/Shanghai', schedules });

describe('chineseDaysSchedules', () => {
  it('gives one schedule per year, 2004–2026, each naming the package version', () => {
    expect(schedules.map((s) => s.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(new Set(schedules.map((s) => s.source))).toEqual(new Set([`chinese-days@${version}`]));
  });

  it('holds the 2026 National Day holiday and its make-up working days', () => {
    const y2026 = schedules.find((s) => s.year === 2026);
    expect(y2026?.holidays).toEqual(expect.arrayContaining(['2026-10-01', '2026-10-04', '2026-10-07']));
    expect(y2026?.workdays).toEqual(expect.arrayContaining(['2026-09-20', '2026-10-10']));
  });

  // chinese-days' own functions build their tables and read dates in the process's zone, and get
  // them wrong west of UTC (the reason we read its JSON instead); cross-check where they are right.
  const processIsWestOfUtc = new Date(2026, 0, 1).getTimezoneOffset() > 0;
  it.skipIf(processIsWestOfUtc)('agrees with chinese-days itself on every day of 2004–2026', () => {
    const disagreements: string[] = [];
    for (let date = '2004-01-01'; date <= '2026-12-31'; date = addLocalDays(date, 1)) {
      if (calendar.isWorkingDay(date) !== chineseDays.isWorkday(date)) disagreements.push(date);
    }
    expect(disagreements).toEqual([]);
  });

  it('drives a deadline across National Day 2026', () => {
    // Wed 2026-09-30 10:00 +08:00 + 5 working days: Thu 10-08, Fri 10-09, Sat 10-10 (调休),
    // Mon 10-12, Tue 10-13 → 2026-10-13 10:00 +08:00 = 02:00Z.
    expect(calendar.addWorkingDays(new Date('2026-09-30T02:00:00Z'), 5).toISOString()).toBe('2026-10-13T02:00:00.000Z');
  });

  it('leaves 2027 to an administrator: refused until loaded', () => {
    let error: unknown;
    try {
      calendar.addWorkingDays(new Date('2027-03-01T02:00:00Z'), 3);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('CALENDAR_YEAR_MISSING');
    expect((error as DomainError).message).toContain('2027');
    expect((error as DomainError).message).toContain('Loaded years: 2004–2026');

    const withAdmin = calendar.withSchedules([{ year: 2027, holidays: ['2027-01-01'], workdays: [], source: 'admin:alice 2026-12-01' }]);
    // Mon 2027-03-01 10:00 +08:00 + 3 → Thu 03-04 10:00 +08:00.
    expect(withAdmin.addWorkingDays(new Date('2027-03-01T02:00:00Z'), 3).toISOString()).toBe('2027-03-04T02:00:00.000Z');
  });
});
