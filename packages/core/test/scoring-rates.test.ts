// Three rates, composite, roll-up, exemptions and explanations on a hand-made set of cases whose
// figures are worked out below by hand, not by the code under test.
import { describe, expect, it } from 'vitest';
import { DomainError, explainUnitScore, scoreUnits, type ScoredCase, type ScoredUnit, type UnitScore, type VisitSatisfaction, type WeightVersion } from '../src/index';

function visited(
  caseId: string,
  leadUnitId: string,
  ancestorUnitIds: string[],
  isContacted: boolean,
  isSolved: boolean,
  satisfaction: VisitSatisfaction,
  isExempt = false,
): ScoredCase {
  return {
    caseId,
    leadUnitId,
    ancestorUnitIds,
    visit: { status: 'valid', answers: { isContacted, isSolved, satisfaction } },
    isExempt,
  };
}

function unreached(caseId: string, leadUnitId: string, ancestorUnitIds: string[], isExempt = false): ScoredCase {
  return { caseId, leadUnitId, ancestorUnitIds, visit: { status: 'invalid' }, isExempt };
}

// District D1 › streets S1, S2; S1 › communities C1, C2. Department P1 beside the tree.
const units: ScoredUnit[] = [
  { unitId: 'D1', unitClass: 'district' },
  { unitId: 'S1', unitClass: 'street' },
  { unitId: 'S2', unitClass: 'street' },
  { unitId: 'C1', unitClass: 'community' },
  { unitId: 'C2', unitClass: 'community' },
  { unitId: 'P1', unitClass: 'department' },
];

const UNDER_C1 = ['S1', 'D1'];
const UNDER_C2 = ['S1', 'D1'];
const UNDER_S = ['D1'];

const cases: ScoredCase[] = [
  // C1: 5 valid visits, 1 invalid, 1 exempt
  visited('c1', 'C1', UNDER_C1, true, true, 'satisfied'),
  visited('c2', 'C1', UNDER_C1, true, true, 'basically_satisfied'),
  visited('c3', 'C1', UNDER_C1, true, false, 'dissatisfied'),
  visited('c4', 'C1', UNDER_C1, false, false, 'dissatisfied'),
  visited('c5', 'C1', UNDER_C1, true, true, 'satisfied'),
  unreached('c6', 'C1', UNDER_C1),
  visited('c7', 'C1', UNDER_C1, false, false, 'dissatisfied', true), // exempt: would hurt, must not
  // C2: 1 valid visit
  visited('c8', 'C2', UNDER_C2, true, true, 'satisfied'),
  // S1 led itself: 2 valid visits, 1 exempt (with an invalid visit)
  visited('s1', 'S1', UNDER_S, true, true, 'satisfied'),
  visited('s2', 'S1', UNDER_S, true, false, 'basically_satisfied'),
  unreached('s3', 'S1', UNDER_S, true),
  // S2: 2 valid visits
  visited('t1', 'S2', UNDER_S, false, false, 'dissatisfied'),
  visited('t2', 'S2', UNDER_S, true, true, 'basically_satisfied'),
  // P1: 1 valid visit, perfect
  visited('p1', 'P1', [], true, true, 'satisfied'),
];

function byId(scores: UnitScore[], unitId: string): UnitScore {
  const s = scores.find((x) => x.unitId === unitId);
  if (s === undefined) throw new Error(`no score for ${unitId}`);
  return s;
}

describe('three rates and composite (default weights 0.10 / 0.50 / 0.40, factor 0.9)', () => {
  const scores = scoreUnits({ cases, units, weightsOn: '2026-10-19' });

  it('computes a community from its own cases', () => {
    // C1: 5 valid visits (c1–c5); c6 invalid and c7 exempt are left out.
    //   contacted: c1 c2 c3 c5 = 4        → 响应率 4/5 = 0.8
    //   solved:    c1 c2 c5 = 3           → 解决率 3/5 = 0.6
    //   satisfied: c1 c5 = 2; basically: c2 = 1 → 满意率 (2 + 0.9×1)/5 = 2.9/5 = 0.58
    //   composite = 0.1×0.8 + 0.5×0.6 + 0.4×0.58 = 0.08 + 0.30 + 0.232 = 0.612
    const c1 = byId(scores, 'C1');
    expect(c1.validVisits).toBe(5);
    expect(c1.responseRate).toBeCloseTo(0.8, 12);
    expect(c1.resolutionRate).toBeCloseTo(0.6, 12);
    expect(c1.satisfactionRate).toBeCloseTo(0.58, 12);
    expect(c1.composite).toBeCloseTo(0.612, 12);
  });

  it('leaves invalid visits out of the denominators but counts them', () => {
    const c1 = byId(scores, 'C1');
    expect(c1.invalidVisits).toBe(1); // c6
    expect(c1.validVisits).toBe(5); // not 6
  });

  it('leaves exempted cases out of the rates and counts them as exemptions', () => {
    // If c7 (not contacted, not solved, dissatisfied) counted, C1 would be 4/6, 3/6, 2.9/6.
    const c1 = byId(scores, 'C1');
    expect(c1.exemptions).toBe(1);
    expect(c1.composite).toBeCloseTo(0.612, 12);
    // s3 is exempt with an invalid visit: an exemption, not an invalid visit.
    const s1 = byId(scores, 'S1');
    expect(s1.exemptions).toBe(2); // c7 rolled up + s3
    expect(s1.invalidVisits).toBe(1); // c6 rolled up
  });

  it('rolls community cases up to the street', () => {
    // S1 = C1 (5 valid) + C2 (1 valid: c8) + its own s1, s2 = 8 valid visits
    //   contacted: 4 (C1) + 1 (c8) + 2 (s1, s2) = 7  → 7/8 = 0.875
    //   solved:    3 (C1) + 1 (c8) + 1 (s1)     = 5  → 5/8 = 0.625
    //   satisfied: 2 (C1) + 1 (c8) + 1 (s1) = 4; basically: 1 (c2) + 1 (s2) = 2
    //              → (4 + 0.9×2)/8 = 5.8/8 = 0.725
    //   composite = 0.1×0.875 + 0.5×0.625 + 0.4×0.725 = 0.0875 + 0.3125 + 0.29 = 0.69
    const s1 = byId(scores, 'S1');
    expect(s1.validVisits).toBe(8);
    expect(s1.ledCases).toBe(3); // s1, s2, s3
    expect(s1.contacted).toBe(7);
    expect(s1.solved).toBe(5);
    expect(s1.satisfied).toBe(4);
    expect(s1.basicallySatisfied).toBe(2);
    expect(s1.dissatisfied).toBe(2); // c3, c4
    expect(s1.responseRate).toBeCloseTo(0.875, 12);
    expect(s1.resolutionRate).toBeCloseTo(0.625, 12);
    expect(s1.satisfactionRate).toBeCloseTo(0.725, 12);
    expect(s1.composite).toBeCloseTo(0.69, 12);
  });

  it('scores a street from its own cases when nothing is below it', () => {
    // S2: t1, t2 = 2 valid; contacted 1 → 0.5; solved 1 → 0.5; (0 + 0.9×1)/2 = 0.45
    //   composite = 0.05 + 0.25 + 0.18 = 0.48
    const s2 = byId(scores, 'S2');
    expect(s2.validVisits).toBe(2);
    expect(s2.composite).toBeCloseTo(0.48, 12);
  });

  it('rolls streets up to the district', () => {
    // D1 = S1 (8 valid) + S2 (2 valid) = 10 valid visits
    //   contacted: 7 + 1 = 8 → 0.8;  solved: 5 + 1 = 6 → 0.6
    //   satisfied: 4 + 0 = 4; basically: 2 + 1 = 3 → (4 + 2.7)/10 = 0.67
    //   composite = 0.08 + 0.30 + 0.4×0.67 = 0.08 + 0.30 + 0.268 = 0.648
    const d1 = byId(scores, 'D1');
    expect(d1.validVisits).toBe(10);
    expect(d1.ledCases).toBe(0);
    expect(d1.responseRate).toBeCloseTo(0.8, 12);
    expect(d1.resolutionRate).toBeCloseTo(0.6, 12);
    expect(d1.satisfactionRate).toBeCloseTo(0.67, 12);
    expect(d1.composite).toBeCloseTo(0.648, 12);
    expect(d1.exemptions).toBe(2);
    expect(d1.invalidVisits).toBe(1);
  });

  it('keeps a department outside the tree to itself', () => {
    const p1 = byId(scores, 'P1');
    expect([p1.responseRate, p1.resolutionRate, p1.satisfactionRate, p1.composite]).toEqual([1, 1, 1, 1]);
    expect(byId(scores, 'D1').validVisits).toBe(10); // p1 not in it
  });

  it('gives null rates to a unit without a valid visit', () => {
    const only = scoreUnits({
      cases: [unreached('x1', 'S2', ['D1'])],
      units: [
        { unitId: 'S2', unitClass: 'street' },
        { unitId: 'D1', unitClass: 'district' },
        { unitId: 'S9', unitClass: 'street' },
      ],
      weightsOn: '2026-10-19',
    });
    for (const s of only) {
      expect(s.validVisits).toBe(0);
      expect(s.composite).toBeNull();
      expect(s.lowerBounds).toBeNull();
    }
    expect(byId(only, 'S2').invalidVisits).toBe(1);
  });

  it('counts a case once even if its chain repeats a unit', () => {
    const once = scoreUnits({
      cases: [visited('y1', 'S2', ['S2', 'D1', 'D1'], true, true, 'satisfied')],
      units,
      weightsOn: '2026-10-19',
    });
    expect(byId(once, 'S2').validVisits).toBe(1);
    expect(byId(once, 'D1').validVisits).toBe(1);
  });

  it('refuses unknown units and duplicate cases', () => {
    expect(() => scoreUnits({ cases: [visited('z', 'X9', [], true, true, 'satisfied')], units, weightsOn: '2026-10-19' })).toThrow(
      expect.objectContaining({ code: 'SCORING_UNKNOWN_UNIT' }),
    );
    const dup = visited('c1', 'C1', UNDER_C1, true, true, 'satisfied');
    expect(() => scoreUnits({ cases: [dup, dup], units, weightsOn: '2026-10-19' })).toThrow(DomainError);
  });
});

describe('weights chosen per unit class', () => {
  const versions: WeightVersion[] = [
    { validFrom: '2019-01-01', response: 0.1, resolution: 0.5, satisfaction: 0.4, basicallySatisfiedFactor: 0.9 },
    {
      validFrom: '2026-01-01',
      unitClass: 'enterprise',
      response: 0.2,
      resolution: 0.4,
      satisfaction: 0.4,
      basicallySatisfiedFactor: 0.8,
    },
  ];

  it('applies the enterprise version to an enterprise and the default to a street', () => {
    const scores = scoreUnits({
      cases: [
        visited('e1', 'E1', [], true, true, 'basically_satisfied'),
        visited('e2', 'E1', [], false, true, 'satisfied'),
        visited('f1', 'S2', [], true, true, 'basically_satisfied'),
        visited('f2', 'S2', [], false, true, 'satisfied'),
      ],
      units: [
        { unitId: 'E1', unitClass: 'enterprise' },
        { unitId: 'S2', unitClass: 'street' },
      ],
      weightVersions: versions,
      weightsOn: '2026-10-19',
    });
    // Both: 2 valid; contacted 1 → 0.5; solved 2 → 1.
    // E1 (0.2/0.4/0.4, factor 0.8): 满意率 (1 + 0.8×1)/2 = 0.9;
    //   composite = 0.2×0.5 + 0.4×1 + 0.4×0.9 = 0.1 + 0.4 + 0.36 = 0.86
    // S2 (0.1/0.5/0.4, factor 0.9): 满意率 (1 + 0.9×1)/2 = 0.95;
    //   composite = 0.1×0.5 + 0.5×1 + 0.4×0.95 = 0.05 + 0.5 + 0.38 = 0.93
    const e1 = byId(scores, 'E1');
    expect(e1.weights.unitClass).toBe('enterprise');
    expect(e1.satisfactionRate).toBeCloseTo(0.9, 12);
    expect(e1.composite).toBeCloseTo(0.86, 12);
    const s2 = byId(scores, 'S2');
    expect(s2.satisfactionRate).toBeCloseTo(0.95, 12);
    expect(s2.composite).toBeCloseTo(0.93, 12);
  });
});

describe('explanation: which cases cost a unit points', () => {
  const weights: WeightVersion = {
    validFrom: '2019-01-01',
    response: 0.1,
    resolution: 0.5,
    satisfaction: 0.4,
    basicallySatisfiedFactor: 0.9,
  };

  it('lists the costly cases of C1, costliest first, with components costliest first', () => {
    // n = 5; a failed component costs weight × (what was missed) / 5:
    //   c4: response 0.1/5 = 0.02, resolution 0.5/5 = 0.1, satisfaction 0.4/5 = 0.08 → 0.20
    //   c3: resolution 0.1, satisfaction 0.08                                    → 0.18
    //   c2: satisfaction 0.4×(1 − 0.9)/5 = 0.008                                → 0.008
    //   c1, c5 lost nothing; c6 (invalid) and c7 (exempt) do not count.
    //   Total 0.20 + 0.18 + 0.008 = 0.388 = 1 − 0.612.
    const e = explainUnitScore({ unitId: 'C1', cases, weights });
    expect(e.validVisits).toBe(5);
    expect(e.cases.map((c) => c.caseId)).toEqual(['c4', 'c3', 'c2']);
    const [c4, c3, c2] = e.cases;
    expect(c4?.pointsLost).toBeCloseTo(0.2, 12);
    expect(c4?.components.map((l) => l.component)).toEqual(['resolution', 'satisfaction', 'response']);
    expect(c4?.components.map((l) => l.pointsLost)).toEqual([expect.closeTo(0.1, 12), expect.closeTo(0.08, 12), expect.closeTo(0.02, 12)]);
    expect(c3?.pointsLost).toBeCloseTo(0.18, 12);
    expect(c3?.components.map((l) => l.component)).toEqual(['resolution', 'satisfaction']);
    expect(c2?.pointsLost).toBeCloseTo(0.008, 12);
    expect(c2?.components).toEqual([{ component: 'satisfaction', pointsLost: expect.closeTo(0.008, 12) }]);
    expect(e.pointsLost).toBeCloseTo(0.388, 12);
  });

  it("explains a street with its communities' cases, naming the lead", () => {
    // S1: n = 8. c4 → (0.1 + 0.5 + 0.4)/8 = 0.125; c3 → (0.5 + 0.4)/8 = 0.1125;
    //   s2 → resolution 0.5/8 + satisfaction 0.4×0.1/8 = 0.0625 + 0.005 = 0.0675; c2 → 0.04/8 = 0.005
    //   Total 0.125 + 0.1125 + 0.0675 + 0.005 = 0.31 = 1 − 0.69.
    const e = explainUnitScore({ unitId: 'S1', cases, weights });
    expect(e.validVisits).toBe(8);
    expect(e.cases.map((c) => [c.caseId, c.leadUnitId])).toEqual([
      ['c4', 'C1'],
      ['c3', 'C1'],
      ['s2', 'S1'],
      ['c2', 'C1'],
    ]);
    expect(e.cases.map((c) => c.pointsLost)).toEqual([expect.closeTo(0.125, 12), expect.closeTo(0.1125, 12), expect.closeTo(0.0675, 12), expect.closeTo(0.005, 12)]);
    expect(e.pointsLost).toBeCloseTo(0.31, 12);
  });

  it('orders equal losses by case id', () => {
    const e = explainUnitScore({
      unitId: 'S2',
      cases: [visited('b', 'S2', [], false, true, 'satisfied'), visited('a', 'S2', [], false, true, 'satisfied')],
      weights,
    });
    expect(e.cases.map((c) => c.caseId)).toEqual(['a', 'b']);
  });
});
