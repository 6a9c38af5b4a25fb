// Error codes of work items (leaf module: imports nothing). Generic codes the decider also throws
// (VALIDATION_FAILED, FORBIDDEN, OUT_OF_SCOPE, ILLEGAL_TRANSITION, VERSION_CONFLICT,
// EVIDENCE_REQUIRED) live in ../errors.ts and ../cases/case-error-codes.ts.
export const WORK_ITEM_ERROR_CODES = [
  'WORK_ITEM_NOT_FOUND',
  /** The item is done or cancelled; reopen it first. */
  'WORK_ITEM_CLOSED',
  /** Reopen asked of an item that is still open. */
  'WORK_ITEM_NOT_CLOSED',
  'NOT_WORK_ITEM_OWNER',
  'NOT_WORK_ITEM_SUPERVISOR',
  'WORK_ITEM_ALREADY_ACKNOWLEDGED',
  'WORK_ITEM_NOT_DUE',
  'WORK_ITEM_ALREADY_ESCALATED',
  /** A deadline that is not in the future (create, reopen) or not later than the current one (extend). */
  'WORK_ITEM_DUE_INVALID',
] as const;

export type WorkItemErrorCode = (typeof WORK_ITEM_ERROR_CODES)[number];
