// Error codes of scoring and rankings (leaf module: imports nothing).
export const SCORING_ERROR_CODES = ['PERIOD_NOT_FOUND'] as const;
