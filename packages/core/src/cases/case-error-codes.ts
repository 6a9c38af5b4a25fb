// Error codes of the case lifecycle (leaf module: imports nothing).
export const CASE_ERROR_CODES = ['CASE_NOT_FOUND', 'ILLEGAL_TRANSITION', 'VERSION_CONFLICT'] as const;
