// Rankings per unit class: competition ranks, published top and bottom 10, trend, unranked units.
import { describe, expect, it } from 'vitest';
import { rankUnits, type ScoredUnitClass, type UnitScore } from '../src/index';
import { scoreRow } from './scoring-fixtures';

/** A score row with a given composite (the rates do not matter to the ranking). */
const row = (unitId: string, composite: number | null, validVisits = 10, unitClass: ScoredUnitClass = 'street'): UnitScore =>
  scoreRow(unitId, composite, { validVisits, unitClass, exemptions: 1 });

describe('competition ranking', () => {
  it('gives ties a shared rank and skips the next (1, 2, 2, 4), ties ordered by sample size', () => {
    const [street] = rankUnits({
      scores: [row('A', 0.7), row('B', 0.8, 5), row('C', 0.9), row('D', 0.8, 50)],
      unitClasses: ['street'],
    });
    expect(street?.ranked.map((e) => [e.unitId, e.rank])).toEqual([
      ['C', 1],
      ['D', 2],
      ['B', 2],
      ['A', 4],
    ]);
  });

  it('treats composites equal up to floating-point noise as ties', () => {
    // 0.1×0.11 + 0.5×0.11 + 0.4×0.11 evaluates to 0.11000000000000001, not 0.11.
    const noisy = 0.1 * 0.11 + 0.5 * 0.11 + 0.4 * 0.11;
    expect(noisy).not.toBe(0.11);
    const [street] = rankUnits({
      scores: [row('A', noisy), row('B', 0.11)],
      unitClasses: ['street'],
    });
    expect(street?.ranked.map((e) => e.rank)).toEqual([1, 1]);
  });

  it('ranks each class apart and leaves units without valid visits unranked', () => {
    const rankings = rankUnits({
      scores: [row('S1', 0.5), row('S2', null), row('D1', 0.4, 10, 'district'), row('P1', 0.9, 10, 'department'), row('C1', 1, 10, 'community')],
    });
    expect(rankings.map((r) => r.unitClass)).toEqual(['street', 'district', 'department', 'enterprise']);
    const street = rankings[0];
    expect(street?.ranked.map((e) => e.unitId)).toEqual(['S1']);
    expect(street?.unranked.map((e) => [e.unitId, e.rank, e.sampleSize])).toEqual([['S2', null, 0]]);
    expect(rankings[1]?.ranked.map((e) => [e.unitId, e.rank])).toEqual([['D1', 1]]);
    expect(rankings[2]?.ranked.map((e) => [e.unitId, e.rank])).toEqual([['P1', 1]]);
    expect(rankings[3]?.ranked).toEqual([]);
    // Communities are not ranked monthly by default.
    expect(rankings.flatMap((r) => r.ranked).some((e) => e.unitId === 'C1')).toBe(false);
  });

  it('can require a minimum sample size', () => {
    const [street] = rankUnits({ scores: [row('A', 1, 2), row('B', 0.5, 30)], unitClasses: ['street'], minSampleSize: 3 });
    expect(street?.ranked.map((e) => e.unitId)).toEqual(['B']);
    expect(street?.unranked.map((e) => e.unitId)).toEqual(['A']);
  });

  it('carries the sample size and exemptions into each entry', () => {
    const [street] = rankUnits({ scores: [row('A', 0.6, 42)], unitClasses: ['street'] });
    expect(street?.ranked[0]).toMatchObject({ sampleSize: 42, exemptions: 1, composite: 0.6, wilsonComposite: 0.3, wilsonRank: 1 });
  });
});

describe('top 10 and bottom 10', () => {
  // 25 streets, U01 best (0.99) … U25 worst (0.75), each 0.01 apart.
  const ids = Array.from({ length: 25 }, (_, i) => `U${String(i + 1).padStart(2, '0')}`);
  const distinct = ids.map((id, i) => row(id, Math.round((0.99 - i * 0.01) * 100) / 100));

  it('publishes the first ten and the last ten, worst first', () => {
    const [street] = rankUnits({ scores: distinct, unitClasses: ['street'] });
    expect(street?.top.map((e) => e.unitId)).toEqual(ids.slice(0, 10));
    expect(street?.bottom.map((e) => e.unitId)).toEqual(ids.slice(15).reverse());
    expect(street?.bottom[0]).toMatchObject({ unitId: 'U25', rank: 25 });
  });

  it('keeps everyone tied at the cut in the list', () => {
    // U10 and U11 tie at 0.90 → both rank 10 → top has 11 entries.
    // U15 (0.85) lowered to tie U16 at 0.84 → counted from the bottom, both are 10th → bottom has 11 entries.
    const tied = distinct.map((r) => (r.unitId === 'U11' ? row('U11', 0.9) : r.unitId === 'U15' ? row('U15', 0.84) : r));
    const [street] = rankUnits({ scores: tied, unitClasses: ['street'] });
    expect(street?.top).toHaveLength(11);
    expect(street?.top.slice(-2).map((e) => [e.unitId, e.rank])).toEqual([
      ['U10', 10],
      ['U11', 10],
    ]);
    expect(street?.bottom).toHaveLength(11);
    expect(
      street?.bottom
        .slice(-2)
        .map((e) => e.unitId)
        .sort(),
    ).toEqual(['U15', 'U16']);
  });

  it('honours another publish count', () => {
    const [street] = rankUnits({ scores: distinct, unitClasses: ['street'], publishCount: 3 });
    expect(street?.top.map((e) => e.unitId)).toEqual(['U01', 'U02', 'U03']);
    expect(street?.bottom.map((e) => e.unitId)).toEqual(['U25', 'U24', 'U23']);
  });
});

describe('trend against the previous period', () => {
  it('reports the previous rank, the rank change (up = positive) and the composite delta', () => {
    const [street] = rankUnits({
      scores: [row('A', 0.9), row('B', 0.85), row('C', 0.8), row('N', 0.7)],
      unitClasses: ['street'],
      previous: [
        { unitId: 'A', rank: 3, composite: 0.85 }, // 3rd → 1st: +2, 0.9 − 0.85 = +0.05
        { unitId: 'B', rank: 1, composite: 0.95 }, // 1st → 2nd: −1, 0.85 − 0.95 = −0.10
        { unitId: 'C', rank: null, composite: null }, // unranked last period
      ],
    });
    const trend = Object.fromEntries((street?.ranked ?? []).map((e) => [e.unitId, e.trend]));
    expect(trend.A).toEqual({ previousRank: 3, rankChange: 2, compositeDelta: expect.closeTo(0.05, 12) });
    expect(trend.B).toEqual({ previousRank: 1, rankChange: -1, compositeDelta: expect.closeTo(-0.1, 12) });
    expect(trend.C).toEqual({ previousRank: null, rankChange: null, compositeDelta: null });
    expect(trend.N).toBeNull();
  });
});
