// Return visit outcome: reached, retried, or given up as invalid.
import { describe, expect, it } from 'vitest';
import { resolveReturnVisit, scoreUnits, type ScoredCase, type VisitAnswers, type VisitAttempt } from '../src/index';

const answers: VisitAnswers = { isContacted: true, isSolved: false, satisfaction: 'basically_satisfied' };
const at = (hour: number) => new Date(Date.UTC(2026, 10, 1, hour));

describe('resolveReturnVisit (default 3 attempts)', () => {
  it('is valid once reached, after retries', () => {
    const outcome = resolveReturnVisit([
      { at: at(1), result: 'no_answer' },
      { at: at(2), result: 'no_answer' },
      { at: at(3), result: 'reached', answers },
    ]);
    expect(outcome).toEqual({ status: 'valid', answers, attempts: 3, concludedAt: at(3) });
  });

  it('is pending while retries remain', () => {
    expect(resolveReturnVisit([{ at: at(1), result: 'no_answer' }])).toEqual({ status: 'pending', attempts: 1, attemptsLeft: 2 });
    expect(resolveReturnVisit([])).toEqual({ status: 'pending', attempts: 0, attemptsLeft: 3 });
  });

  it('is invalid after the last unanswered attempt; later attempts do not reopen it', () => {
    const attempts: VisitAttempt[] = [
      { at: at(4), result: 'reached', answers }, // after the visit was given up
      { at: at(3), result: 'no_answer' },
      { at: at(1), result: 'no_answer' },
      { at: at(2), result: 'no_answer' },
    ];
    expect(resolveReturnVisit(attempts)).toEqual({ status: 'invalid', reason: 'unreached', attempts: 3, concludedAt: at(3) });
  });

  it('is invalid at once when declined or the number is wrong', () => {
    expect(resolveReturnVisit([{ at: at(1), result: 'declined' }])).toMatchObject({ status: 'invalid', reason: 'declined' });
    expect(resolveReturnVisit([{ at: at(1), result: 'wrong_number' }])).toMatchObject({ status: 'invalid', reason: 'wrong_number' });
  });

  it('honours another attempt limit', () => {
    expect(resolveReturnVisit([{ at: at(1), result: 'no_answer' }], { maxAttempts: 1 })).toMatchObject({ status: 'invalid' });
    expect(() => resolveReturnVisit([], { maxAttempts: 0 })).toThrow(expect.objectContaining({ code: 'SCORING_INVALID_INPUT' }));
  });

  it('feeds concluded visits into scoring: only the valid one counts', () => {
    const concluded = [
      resolveReturnVisit([{ at: at(1), result: 'reached', answers }]),
      resolveReturnVisit([
        { at: at(1), result: 'no_answer' },
        { at: at(2), result: 'no_answer' },
        { at: at(3), result: 'no_answer' },
      ]),
    ];
    const cases: ScoredCase[] = concluded.flatMap((visit, i) =>
      visit.status === 'pending' ? [] : [{ caseId: `k${i}`, leadUnitId: 'S1', ancestorUnitIds: [], isExempt: false, visit }],
    );
    const [s1] = scoreUnits({ cases, units: [{ unitId: 'S1', unitClass: 'street' }], weightsOn: '2026-10-19' });
    // 1 valid visit: contacted 1/1, solved 0/1, 满意率 0.9/1 → 0.1×1 + 0.5×0 + 0.4×0.9 = 0.46
    expect(s1).toMatchObject({ validVisits: 1, invalidVisits: 1 });
    expect(s1?.composite).toBeCloseTo(0.46, 12);
  });
});
