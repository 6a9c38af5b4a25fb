// Working-day calendar: holiday schedules, zone arithmetic and clock deadlines.
export * from './calendar-error-codes';
export * from './holiday-schedule';
export { addLocalDays, isLocalDate, localDayOfWeek, parseLocalDate, type LocalDateParts } from './local-date';
export * from './working-calendar';
export * from './zoned-time';
