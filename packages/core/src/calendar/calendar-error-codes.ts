// Error codes of the working-day calendar (leaf module: imports nothing).
export const CALENDAR_ERROR_CODES = ['CALENDAR_YEAR_MISSING', 'CALENDAR_INVALID_SCHEDULE'] as const;
