// Wilson lower bounds checked against numbers worked out by hand, and the small-sample-aware order.
import { describe, expect, it } from 'vitest';
import { rankUnits, scoreUnits, wilsonLowerBound, type ScoredCase } from '../src/index';

// LB = (p̂ + z²/2n − z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), z = 1.96, z² = 3.8416
describe('wilsonLowerBound', () => {
  it('p̂ = 1, n = 3 → 0.4385', () => {
    // p̂(1−p̂) = 0, so the root is z/2n: centre − margin = 1 + z²/2n − z²/2n = 1
    // LB = 1 / (1 + 3.8416/3) = 1 / 2.28053 = 0.43849
    expect(wilsonLowerBound(3, 3)).toBeCloseTo(0.43849, 5);
  });

  it('p̂ = 1, n = 3000 → 0.99872', () => {
    // LB = 1 / (1 + 3.8416/3000) = 3000 / 3003.8416 = 0.998721
    expect(wilsonLowerBound(3000, 3000)).toBeCloseTo(0.998721, 6);
  });

  it('p̂ = 0.5, n = 10 → 0.2366', () => {
    // centre = 0.5 + 3.8416/20 = 0.69208
    // root  = √(0.25/10 + 3.8416/400) = √(0.025 + 0.009604) = √0.034604 = 0.186021
    // margin = 1.96 × 0.186021 = 0.364602
    // LB = (0.69208 − 0.364602) / (1 + 0.38416) = 0.327478 / 1.38416 = 0.236590
    expect(wilsonLowerBound(5, 10)).toBeCloseTo(0.23659, 5);
  });

  it('p̂ = 0.95, n = 100 → 0.8882', () => {
    // centre = 0.95 + 3.8416/200 = 0.969208
    // root  = √(0.95×0.05/100 + 3.8416/40000) = √(0.000475 + 0.00009604) = √0.00057104 = 0.0238965
    // margin = 1.96 × 0.0238965 = 0.0468371
    // LB = (0.969208 − 0.0468371) / 1.038416 = 0.9223709 / 1.038416 = 0.888248
    expect(wilsonLowerBound(95, 100)).toBeCloseTo(0.888248, 5);
  });

  it('is 0 for p̂ = 0 and null for n = 0', () => {
    expect(wilsonLowerBound(0, 5)).toBe(0);
    expect(wilsonLowerBound(0, 0)).toBeNull();
  });

  it('accepts a fractional success count (basically satisfied × 0.9)', () => {
    // 2.9 of 5: p̂ = 0.58; centre = 0.58 + 0.38416 = 0.96416
    // root = √(0.58×0.42/5 + 3.8416/100) = √(0.04872 + 0.038416) = √0.087136 = 0.295188
    // margin = 0.578568; LB = (0.96416 − 0.578568) / 1.76832 = 0.385592 / 1.76832 = 0.218055
    expect(wilsonLowerBound(2.9, 5)).toBeCloseTo(0.218055, 5);
  });
});

describe('small-sample-aware order', () => {
  function perfect(id: string, unit: string): ScoredCase {
    return {
      caseId: id,
      leadUnitId: unit,
      ancestorUnitIds: [],
      isExempt: false,
      visit: { status: 'valid', answers: { isContacted: true, isSolved: true, satisfaction: 'satisfied' } },
    };
  }
  function unsolved(id: string, unit: string): ScoredCase {
    return {
      caseId: id,
      leadUnitId: unit,
      ancestorUnitIds: [],
      isExempt: false,
      visit: { status: 'valid', answers: { isContacted: true, isSolved: false, satisfaction: 'dissatisfied' } },
    };
  }
  // SMALL: 3 perfect cases. BIG: 100 cases, all contacted, 95 solved and satisfied, 5 neither.
  const cases: ScoredCase[] = [
    ...[1, 2, 3].map((i) => perfect(`a${i}`, 'SMALL')),
    ...Array.from({ length: 95 }, (_, i) => perfect(`b${i}`, 'BIG')),
    ...Array.from({ length: 5 }, (_, i) => unsolved(`u${i}`, 'BIG')),
  ];
  const scores = scoreUnits({
    cases,
    units: [
      { unitId: 'SMALL', unitClass: 'street' },
      { unitId: 'BIG', unitClass: 'street' },
    ],
    weightsOn: '2026-10-19',
  });

  it('combines the three lower bounds with the official weights', () => {
    // SMALL: every rate 3/3 → LB 0.438494 each → composite 0.438494
    // BIG: response 100/100 → LB 100/103.8416 = 0.963005; resolution and satisfaction 95/100 → 0.888248
    //   composite = 0.1×0.963005 + 0.5×0.888248 + 0.4×0.888248 = 0.0963005 + 0.7994232 = 0.895724
    const small = scores.find((s) => s.unitId === 'SMALL');
    const big = scores.find((s) => s.unitId === 'BIG');
    expect(small?.composite).toBe(1);
    expect(small?.lowerBounds?.composite).toBeCloseTo(0.438494, 5);
    // official: 0.1×1 + 0.5×0.95 + 0.4×0.95 = 0.955
    expect(big?.composite).toBeCloseTo(0.955, 12);
    expect(big?.lowerBounds?.response).toBeCloseTo(0.963005, 5);
    expect(big?.lowerBounds?.resolution).toBeCloseTo(0.888248, 5);
    expect(big?.lowerBounds?.composite).toBeCloseTo(0.895724, 5);
  });

  it('ranks SMALL first officially but BIG first by the Wilson composite, and shows the sample size', () => {
    const [street] = rankUnits({ scores, unitClasses: ['street'] });
    expect(street?.ranked.map((e) => [e.unitId, e.rank, e.sampleSize])).toEqual([
      ['SMALL', 1, 3],
      ['BIG', 2, 100],
    ]);
    expect(street?.wilsonOrder.map((e) => [e.unitId, e.wilsonRank])).toEqual([
      ['BIG', 1],
      ['SMALL', 2],
    ]);
  });
});
