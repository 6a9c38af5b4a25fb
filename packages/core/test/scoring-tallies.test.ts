// scoreTallies (scores from counts, as a database GROUP BY gives them) agrees with scoreUnits
// (scores from the cases themselves) on the same cases.
import { describe, expect, it } from 'vitest';
import { rollUpCases, type ScoredCase, scoreTallies, scoreUnits, tallyCases } from '../src';

const visit = (isContacted: boolean, isSolved: boolean, satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied') =>
  ({ status: 'valid', answers: { isContacted, isSolved, satisfaction } }) as const;

const cases: ScoredCase[] = [
  { caseId: 'a', leadUnitId: 'C1', ancestorUnitIds: ['S1', 'D1'], visit: visit(true, true, 'satisfied'), isExempt: false },
  { caseId: 'b', leadUnitId: 'C1', ancestorUnitIds: ['S1', 'D1'], visit: visit(true, false, 'basically_satisfied'), isExempt: false },
  { caseId: 'c', leadUnitId: 'S1', ancestorUnitIds: ['D1'], visit: visit(false, false, 'dissatisfied'), isExempt: false },
  { caseId: 'd', leadUnitId: 'S1', ancestorUnitIds: ['D1'], visit: { status: 'invalid' }, isExempt: false },
  { caseId: 'e', leadUnitId: 'S2', ancestorUnitIds: ['D1'], visit: visit(true, true, 'basically_satisfied'), isExempt: true },
];
const units = [
  { unitId: 'C1', unitClass: 'community' as const },
  { unitId: 'S1', unitClass: 'street' as const },
  { unitId: 'S2', unitClass: 'street' as const },
  { unitId: 'D1', unitClass: 'district' as const },
];

describe('scoreTallies', () => {
  it('gives the same scores as scoreUnits', () => {
    const rolled = rollUpCases(cases);
    const fromTallies = scoreTallies({
      units: units.map((u) => ({ ...u, tally: tallyCases(rolled.get(u.unitId)?.cases ?? []), ledCases: rolled.get(u.unitId)?.ledCases ?? 0 })),
      weightsOn: '2026-10-19',
    });
    expect(fromTallies).toEqual(scoreUnits({ cases, units, weightsOn: '2026-10-19' }));
    // S1: a b (rolled up) + c; d invalid → 3 valid: 2/3, 1/3, (1 + 0.9)/3
    const s1 = fromTallies[1];
    expect(s1?.composite).toBeCloseTo(0.1 * (2 / 3) + 0.5 * (1 / 3) + 0.4 * (1.9 / 3), 12);
  });

  it('refuses counts that do not add up', () => {
    const tally = { validVisits: 2, contacted: 3, solved: 0, satisfied: 2, basicallySatisfied: 0, dissatisfied: 0, invalidVisits: 0, exemptions: 0 };
    expect(() => scoreTallies({ units: [{ unitId: 'X', unitClass: 'street', tally, ledCases: 2 }], weightsOn: '2026-10-19' })).toThrow(/do not add up/);
  });
});
