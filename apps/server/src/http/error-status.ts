// The one table from domain error codes to HTTP statuses. Codes not listed fall back by pattern
// (…_NOT_FOUND → 404) and then to 422 (a well-formed request the domain refuses).
import type { ErrorCode } from '@jiesu/core';

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  CALENDAR_INVALID_SCHEDULE: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  UNIT_CODE_TAKEN: 409,
  USERNAME_TAKEN: 409,
  CATEGORY_HAS_CHILDREN: 409,
  VISIT_NOT_OPEN: 409,
  SCORING_ALREADY_PUBLISHED: 409,
  APPEAL_ALREADY_OPEN: 409,
  APPEAL_ALREADY_DECIDED: 409,
  SCORING_INVALID_WEIGHTS: 400,
  CALENDAR_YEAR_MISSING: 422,
  RATE_LIMITED: 429,
  ACCOUNT_LOCKED: 423,
  IDEMPOTENCY_KEY_REUSED: 422,
  // case lifecycle: who may act is 403; a refusal by the rules is 422 (the default)
  NOT_LEAD_UNIT: 403,
  NOT_ASSIGNED_UNIT: 403,
  NOT_SUMMONED_UNIT: 403,
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_TYPE_NOT_ALLOWED: 415,
  TOO_MANY_ATTACHMENTS: 400,
  ZONE_OVERLAP: 409,
  NOTICE_NOT_RECIPIENT: 403,
  // work items: who may act is 403; a closed item or a repeated act is 409
  NOT_WORK_ITEM_OWNER: 403,
  NOT_WORK_ITEM_SUPERVISOR: 403,
  WORK_ITEM_CLOSED: 409,
  WORK_ITEM_NOT_CLOSED: 409,
  WORK_ITEM_ALREADY_ACKNOWLEDGED: 409,
  WORK_ITEM_ALREADY_ESCALATED: 409,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? (code.endsWith('_NOT_FOUND') ? 404 : 422);
}
