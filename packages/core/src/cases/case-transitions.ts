// The (status × action) table: in which statuses an action may be taken, and which code refuses it
// elsewhere. `decide` checks this first, before roles or payloads, so a refusal for the wrong
// status is the same whoever asks. Most targets are fixed; `contact` (signed → handling, handling
// → handling) and `accept_return` (→ received, or → dispatched when it carries a re-dispatch)
// depend on the command.
import { DomainError } from '../errors';
import { CASE_ACTIONS, type CaseAction } from './case-commands';
import type { CaseErrorCode } from './case-error-codes';
import { CASE_STATUSES, OPEN_CASE_STATUSES, type CaseStatus } from './case-status';

export interface ActionRule {
  from: readonly CaseStatus[];
  /** Target status; 'same' for actions that record something without moving the case. */
  to: CaseStatus | 'same';
  /** A more telling code than ILLEGAL_TRANSITION for some statuses outside `from`. */
  refusals?: Partial<Record<CaseStatus, CaseErrorCode>>;
}

const WORKING: readonly CaseStatus[] = ['signed', 'handling'];

export const CASE_ACTION_RULES: Readonly<Record<CaseAction, ActionRule>> = {
  answer: { from: ['received'], to: 'answered' },
  dispatch: { from: ['received'], to: 'dispatched' },
  redispatch: { from: ['dispatched', 'signed', 'handling', 'feedback'], to: 'dispatched' },
  sign: { from: ['dispatched'], to: 'signed' },
  return: {
    from: ['dispatched'],
    to: 'returned',
    // 首接负责: once signed, the lead handles it; only the centre can move it (redispatch).
    refusals: {
      signed: 'LEAD_CANNOT_RETURN_AFTER_SIGN',
      handling: 'LEAD_CANNOT_RETURN_AFTER_SIGN',
      feedback: 'LEAD_CANNOT_RETURN_AFTER_SIGN',
    },
  },
  accept_return: { from: ['returned'], to: 'received' },
  refuse_return: { from: ['returned'], to: 'dispatched' },
  open_dispute: { from: ['returned'], to: 'disputed' },
  rule_dispute: { from: ['disputed'], to: 'dispatched' },
  acknowledge: { from: ['dispatched', ...WORKING], to: 'same' },
  add_co_handler: { from: ['dispatched', ...WORKING], to: 'same' },
  contact: { from: WORKING, to: 'handling' },
  note: { from: OPEN_CASE_STATUSES, to: 'same' },
  whistle: { from: WORKING, to: 'same' },
  whistle_report: { from: [...WORKING, 'feedback'], to: 'same' },
  request_extension: { from: WORKING, to: 'same' },
  approve_extension: { from: WORKING, to: 'same' },
  refuse_extension: { from: WORKING, to: 'same' },
  submit_feedback: { from: WORKING, to: 'feedback' },
  close: { from: ['feedback'], to: 'closed' },
  send_back: { from: ['feedback'], to: 'handling' },
  merge: { from: ['received', 'dispatched', 'returned', 'disputed'], to: 'merged' },
  link_child: { from: OPEN_CASE_STATUSES, to: 'same' },
  parent_closed: { from: ['merged'], to: 'closed' },
  record_visit: { from: ['closed'], to: 'visited' },
  score: { from: ['visited'], to: 'scored' },
  remind: { from: OPEN_CASE_STATUSES, to: 'same' },
  escalate: { from: OPEN_CASE_STATUSES, to: 'same' },
};

export function canTakeAction(status: CaseStatus, action: CaseAction): boolean {
  return CASE_ACTION_RULES[action].from.includes(status);
}

/** The code that refuses `action` in `status`, or null when the table allows it. */
export function refusalCode(status: CaseStatus, action: CaseAction): CaseErrorCode | null {
  const rule = CASE_ACTION_RULES[action];
  if (rule.from.includes(status)) return null;
  return rule.refusals?.[status] ?? 'ILLEGAL_TRANSITION';
}

export type TransitionCell = { isAllowed: true; to: CaseStatus } | { isAllowed: false; code: CaseErrorCode };

/** The whole table, status by action, for documentation, the console and exhaustive tests. */
export function transitionTable(): Record<CaseStatus, Record<CaseAction, TransitionCell>> {
  const table = {} as Record<CaseStatus, Record<CaseAction, TransitionCell>>;
  for (const status of CASE_STATUSES) {
    const row = {} as Record<CaseAction, TransitionCell>;
    for (const action of CASE_ACTIONS) {
      const rule = CASE_ACTION_RULES[action];
      const code = refusalCode(status, action);
      row[action] = code === null ? { isAllowed: true, to: rule.to === 'same' ? status : rule.to } : { isAllowed: false, code };
    }
    table[status] = row;
  }
  return table;
}

const REFUSAL_MESSAGES: Partial<Record<CaseErrorCode, string>> = {
  LEAD_CANNOT_RETURN_AFTER_SIGN: 'The lead unit has signed this case and must handle it (首接负责); ask the centre to re-dispatch it if it is not yours.',
};

export function assertActionAllowed(status: CaseStatus, action: CaseAction): void {
  const code = refusalCode(status, action);
  if (code === null) return;
  const message = REFUSAL_MESSAGES[code] ?? `Cannot ${action.replace(/_/g, ' ')} a case that is ${status}.`;
  throw new DomainError(code, message, { action, status });
}
