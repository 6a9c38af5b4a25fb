// Every (status × action) the table forbids is refused with its code, and the state is untouched.
import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, CASE_STATUSES, type CaseAction, type CaseCommand, canTakeAction, DomainError, refusalCode, transitionTable } from '../src/index';
import { A, photo, run, statesByStatus, U } from './cases-fixtures';

/** One well-formed command per action; the status check comes before any payload check. */
const SAMPLE: Record<CaseAction, CaseCommand> = {
  answer: { type: 'answer', text: '答复' },
  dispatch: { type: 'dispatch', plan: { lead: U.jianwai } },
  redispatch: { type: 'redispatch', plan: { lead: U.chaowai }, reason: '改派' },
  sign: { type: 'sign' },
  return: { type: 'return', reason: '非本辖区', attachments: [photo()] },
  accept_return: { type: 'accept_return' },
  refuse_return: { type: 'refuse_return', reason: '属本辖区' },
  open_dispute: { type: 'open_dispute', parties: [U.jianwai, U.chaowai] },
  rule_dispute: { type: 'rule_dispute', plan: { lead: U.chaowai }, basis: '裁定' },
  acknowledge: { type: 'acknowledge' },
  add_co_handler: { type: 'add_co_handler', units: [U.water] },
  contact: { type: 'contact' },
  note: { type: 'note', note: '备注' },
  whistle: { type: 'whistle', units: [U.districtDept], reason: '吹哨' },
  whistle_report: { type: 'whistle_report', whistleId: 1 },
  request_extension: { type: 'request_extension', requested: { amount: 1, unit: 'calendar_days' }, reason: '延期' },
  approve_extension: { type: 'approve_extension' },
  refuse_extension: { type: 'refuse_extension', reason: '不同意' },
  submit_feedback: { type: 'submit_feedback', summary: '已办', isSolved: true },
  close: { type: 'close' },
  send_back: { type: 'send_back', reason: '重办' },
  merge: { type: 'merge', parent: { caseId: 'case-9', caseNumber: '20261127-000009', status: 'dispatched' } },
  link_child: { type: 'link_child', child: { caseId: 'case-8', caseNumber: '20261127-000008' } },
  parent_closed: { type: 'parent_closed', parentCaseId: 'case-1', summary: '已办', isSolved: true },
  record_visit: { type: 'record_visit', outcome: { status: 'invalid', reason: 'unreached' } },
  score: { type: 'score', periodKey: '2026-12' },
  remind: { type: 'remind', clockKey: 'feedback' },
  escalate: { type: 'escalate', clockKey: 'feedback' },
};

const states = statesByStatus();

describe('status fixtures', () => {
  it('reach every status', () => {
    for (const status of CASE_STATUSES) expect(states[status].status).toBe(status);
  });
});

describe('every illegal transition from every state', () => {
  const cells = CASE_STATUSES.flatMap((status) => CASE_ACTIONS.filter((action) => !canTakeAction(status, action)).map((action) => [status, action] as const));

  it('covers a large share of the table', () => {
    expect(cells.length).toBeGreaterThan(250);
  });

  it.each(cells)('%s × %s is refused', (status, action) => {
    const state = states[status];
    const before = structuredClone(state);
    // The most privileged actor for the action's side: refusal must come from the status alone.
    for (const actor of [A.dispatcher, A.jianwai]) {
      let caught: unknown;
      try {
        run(state, SAMPLE[action], actor);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DomainError);
      const err = caught as DomainError;
      expect(err.code).toBe(refusalCode(status, action));
      expect(err.details).toEqual({ action, status });
      if (err.code === 'ILLEGAL_TRANSITION') {
        expect(err.message).toContain(action.replace(/_/g, ' '));
        expect(err.message).toContain(status);
      }
      expect(state).toEqual(before);
    }
  });

  it('uses the specific code where one helps', () => {
    expect(refusalCode('signed', 'return')).toBe('LEAD_CANNOT_RETURN_AFTER_SIGN');
    expect(refusalCode('handling', 'return')).toBe('LEAD_CANNOT_RETURN_AFTER_SIGN');
    expect(refusalCode('closed', 'return')).toBe('ILLEGAL_TRANSITION');
  });
});

describe('the table agrees with the decider on allowed cells', () => {
  it('every allowed cell names a target status', () => {
    const table = transitionTable();
    for (const status of CASE_STATUSES) {
      for (const action of CASE_ACTIONS) {
        const cell = table[status][action];
        expect(cell.isAllowed).toBe(canTakeAction(status, action));
      }
    }
  });

  it('finished statuses accept only their follow-ups', () => {
    const table = transitionTable();
    const allowed = (s: (typeof CASE_STATUSES)[number]) => CASE_ACTIONS.filter((a) => table[s][a].isAllowed);
    expect(allowed('answered')).toEqual([]);
    expect(allowed('closed')).toEqual(['record_visit']);
    expect(allowed('visited')).toEqual(['score']);
    expect(allowed('scored')).toEqual([]);
    expect(allowed('merged')).toEqual(['parent_closed']);
  });
});
