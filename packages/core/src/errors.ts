// One domain error type with a stable code. The HTTP layer maps codes to statuses (one table,
// apps/server/src/http/error-status.ts); the console reads the code to show a message.

import { CALENDAR_ERROR_CODES } from './calendar/calendar-error-codes';
import { CASE_ERROR_CODES } from './cases/case-error-codes';
import { DELIBERATION_ERROR_CODES } from './deliberation/deliberation-error-codes';
import { PROACTIVE_ERROR_CODES } from './proactive/proactive-error-codes';
import { SCORING_ERROR_CODES } from './scoring/scoring-error-codes';
import { WORK_ITEM_ERROR_CODES } from './work-items/work-item-error-codes';

export const ERROR_CODES = [
  // input and auth
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'OUT_OF_SCOPE',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'ACCOUNT_LOCKED',
  'IDEMPOTENCY_KEY_REUSED',
  // organisation and reference data
  'UNIT_NOT_FOUND',
  'UNIT_CODE_TAKEN',
  'CATEGORY_NOT_FOUND',
  'CATEGORY_HAS_CHILDREN',
  'USER_NOT_FOUND',
  'USERNAME_TAKEN',
  ...CALENDAR_ERROR_CODES,
  ...CASE_ERROR_CODES,
  ...SCORING_ERROR_CODES,
  ...DELIBERATION_ERROR_CODES,
  ...PROACTIVE_ERROR_CODES,
  ...WORK_ITEM_ERROR_CODES,
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
