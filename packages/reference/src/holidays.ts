// Holiday schedules (days off and make-up working days 调休) from the chinese-days package, one
// HolidaySchedule per year it covers (2004–2026 in 1.5.7). Later years come from an administrator;
// the calendar refuses working-day deadlines in a year nobody has loaded.

import { createRequire } from 'node:module';
import { type HolidaySchedule, validateHolidaySchedule } from '@jiesu/core';

// Values are 'English name,中文名,days'; only the keys (dates) matter here. `inLieuDays` (days off
// given in exchange for a worked weekend) are already listed among `holidays`, so they are not read.
type ChineseDaysData = { holidays: Record<string, string>; workdays: Record<string, string> };

const require = createRequire(import.meta.url);

export function chineseDaysSchedules(): HolidaySchedule[] {
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const { version } = require('chinese-days/package.json') as { version: string };
  const byYear = new Map<number, { holidays: string[]; workdays: string[] }>();
  const yearOf = (date: string) => {
    const year = Number(date.slice(0, 4));
    let days = byYear.get(year);
    if (!days) byYear.set(year, (days = { holidays: [], workdays: [] }));
    return days;
  };
  for (const date of Object.keys(data.holidays)) yearOf(date).holidays.push(date);
  for (const date of Object.keys(data.workdays)) yearOf(date).workdays.push(date);
  // Validation also sorts; a malformed package update fails here, at load, not in a deadline.
  return [...byYear.keys()].sort((a, b) => a - b).map((year) => validateHolidaySchedule({ year, ...byYear.get(year), source: `chinese-days@${version}` }));
}
