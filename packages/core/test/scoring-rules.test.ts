// The rules Beijing publishes beside the three rates: ranking classes, the minimum sample, the tie
// rule at the list cut, the official Wilson order, 千人诉求量, 进步较快, 治理类 and the appeal window.
// Every expected figure is worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import {
  appealWindow,
  assignRankingGroups,
  DEFAULT_RANKING_CLASSES,
  mostImproved,
  parsePopulationCsv,
  RANKING_CLASSES_SETTING,
  rankUnits,
  requestsPerThousand,
  type ScoredUnitClass,
  specialGovernance,
  type UnitScore,
} from '../src/index';
import { scoreRow } from './scoring-fixtures';

/** A score row with a given composite and Wilson composite. */
const row = (unitId: string, composite: number | null, validVisits = 10, wilson = composite === null ? null : composite / 2, unitClass: ScoredUnitClass = 'street'): UnitScore =>
  scoreRow(unitId, composite, { validVisits, wilson, unitClass });

describe('ranking classes', () => {
  it('puts city departments and district departments apart, the latter grouped by district', () => {
    const groups = assignRankingGroups(
      [
        { unitId: 'D110000-SWJ', unitClass: 'department', districtId: null },
        { unitId: 'D110105-CGW', unitClass: 'department', districtId: '110105' },
        { unitId: 'D110108-CGW', unitClass: 'department', districtId: '110108' },
        { unitId: '110105026', unitClass: 'street', districtId: '110105' },
        { unitId: '110105', unitClass: 'district', districtId: null },
        { unitId: '110105026034', unitClass: 'community', districtId: '110105' },
      ],
      DEFAULT_RANKING_CLASSES,
    );
    expect(Object.fromEntries(groups)).toEqual({
      'D110000-SWJ': { classKey: 'department', groupId: null },
      'D110105-CGW': { classKey: 'district_department', groupId: '110105' },
      'D110108-CGW': { classKey: 'district_department', groupId: '110108' },
      '110105026': { classKey: 'street', groupId: null },
      '110105': { classKey: 'district', groupId: null },
    });
  });

  it('refuses classes that overlap or name a bad field', () => {
    const overlapping = [...DEFAULT_RANKING_CLASSES, { ...DEFAULT_RANKING_CLASSES[2], key: 'all_departments', level: 'any' }];
    expect(() => RANKING_CLASSES_SETTING.parse(overlapping)).toThrow(/overlapping levels/);
    expect(() => RANKING_CLASSES_SETTING.parse([{ ...DEFAULT_RANKING_CLASSES[0], minSampleSize: 0 }])).toThrow(/minSampleSize/);
    expect(() => RANKING_CLASSES_SETTING.parse([{ ...DEFAULT_RANKING_CLASSES[0], officialOrder: 'luck' }])).toThrow(/officialOrder/);
    expect(RANKING_CLASSES_SETTING.parse([{ ...DEFAULT_RANKING_CLASSES[0], minSampleSize: 20, officialOrder: 'wilson' }])[0]).toMatchObject({
      minSampleSize: 20,
      officialOrder: 'wilson',
    });
  });
});

describe('minimum sample and the tie rule at the cut', () => {
  it('lists units below the minimum apart with the reason', () => {
    const [c] = rankUnits({ scores: [row('A', 1, 2), row('B', 0.8, 12), row('C', null)], unitClasses: ['street'], minSampleSize: 10 });
    expect(c?.ranked.map((e) => e.unitId)).toEqual(['B']);
    expect(c?.unranked.map((e) => [e.unitId, e.unrankedReason])).toEqual([
      ['A', 'below_min_sample'],
      ['C', 'no_valid_visit'],
    ]);
    expect(c?.minSampleSize).toBe(10);
  });

  it('breaks a tie across place 3 by the Wilson score, then the sample, and reports the boundary', () => {
    // Composites: A 0.95; B, C, D, E all 0.9; F 0.8. Ranks: A 1, B–E 2 (shared), F 6.
    // Wilson (the tie-break): C 0.70, D 0.60 (n 30), E 0.60 (n 20), B 0.50.
    // Official order: A, C, D, E, B, F. Top 3 = A, C, D — E is equal to D on composite and Wilson
    // but has fewer visits (20 < 30), so it is left out; B too.
    const scores = [row('A', 0.95, 40, 0.8), row('B', 0.9, 12, 0.5), row('C', 0.9, 50, 0.7), row('D', 0.9, 30, 0.6), row('E', 0.9, 20, 0.6), row('F', 0.8, 40, 0.65)];
    const [c] = rankUnits({ scores, unitClasses: ['street'], publishCount: 3 });
    expect(c?.ranked.map((e) => [e.unitId, e.rank])).toEqual([
      ['A', 1],
      ['C', 2],
      ['D', 2],
      ['E', 2],
      ['B', 2],
      ['F', 6],
    ]);
    expect(c?.top.map((e) => e.unitId)).toEqual(['A', 'C', 'D']);
    expect(c?.topBoundary).toEqual({ place: 3, rank: 2, score: 0.9, tied: ['C', 'D', 'E', 'B'], listed: ['C', 'D'], left: ['E', 'B'] });
    // Bottom 3 read from the end, worst first: F, B, E (E and D differ only by sample; D stays out).
    expect(c?.bottom.map((e) => e.unitId)).toEqual(['F', 'B', 'E']);
    expect(c?.bottomBoundary).toMatchObject({ place: 3, rank: 2, tied: ['B', 'E', 'D', 'C'], listed: ['B', 'E'], left: ['D', 'C'] });
  });

  it('lists all units equal on every key, and there is no boundary when nothing straddles', () => {
    // 40 streets all at 1.0 with 10 visits each (same Wilson): all equal on every key → all listed.
    const same = Array.from({ length: 40 }, (_, i) => row(`S${String(i).padStart(2, '0')}`, 1, 10, 0.7));
    const [c] = rankUnits({ scores: same, unitClasses: ['street'] });
    expect(c?.top).toHaveLength(40);
    expect(c?.topBoundary).toMatchObject({ place: 10, rank: 1, left: [] });
    // The same 40 but with different samples: Wilson differs, so exactly 10 are listed, the other 30 named as left out.
    const varied = Array.from({ length: 40 }, (_, i) => row(`S${String(i).padStart(2, '0')}`, 1, 10 + i, 0.5 + i / 100));
    const [v] = rankUnits({ scores: varied, unitClasses: ['street'] });
    expect(v?.top.map((e) => e.unitId)).toEqual(['S39', 'S38', 'S37', 'S36', 'S35', 'S34', 'S33', 'S32', 'S31', 'S30']);
    expect(v?.topBoundary?.left).toHaveLength(30);
    const [d] = rankUnits({ scores: [row('A', 0.9), row('B', 0.8), row('C', 0.7)], unitClasses: ['street'], publishCount: 2 });
    expect(d?.topBoundary).toBeNull();
  });

  it('can rank officially by the Wilson score', () => {
    // A: 3 of 3 perfect (composite 1, Wilson 0.44); B: composite 0.95 over 3,000 (Wilson 0.94).
    const [c] = rankUnits({ scores: [row('A', 1, 3, 0.44), row('B', 0.95, 3000, 0.94)], unitClasses: ['street'], officialOrder: 'wilson' });
    expect(c?.officialOrder).toBe('wilson');
    expect(c?.ranked.map((e) => [e.unitId, e.rank, e.wilsonRank])).toEqual([
      ['B', 1, 1],
      ['A', 2, 2],
    ]);
  });
});

describe('千人诉求量, 进步较快, 治理类', () => {
  it('counts requests per 1,000 residents', () => {
    // 望京 1,234 requests over 178,000 residents → 1234 × 1000 / 178000 = 6.9325…
    expect(requestsPerThousand(1234, 178_000)).toBeCloseTo(6.932584, 6);
    expect(requestsPerThousand(5, null)).toBeNull();
  });

  it('reads the filled-in population template, naming the bad line', () => {
    const csv = '\uFEFF单位编码,单位名称,常住人口\r\n110105026,望京街道,178000\r\n110105001,建外街道,\r\n110105002,朝外街道,"45000"\r\n';
    expect(parsePopulationCsv(csv)).toEqual([
      { unitCode: '110105026', population: 178000 },
      { unitCode: '110105002', population: 45000 },
    ]);
    expect(() => parsePopulationCsv('单位编码,单位名称,常住人口\n110105026,望京街道,十万')).toThrow(/line 2/);
  });

  it('lists the most improved: moved up and scored higher, by places gained', () => {
    const list = mostImproved(
      [
        { unitId: 'A', rank: 3, composite: 0.9, previousRank: 10, previousComposite: 0.85 }, // +7 places, +0.05
        { unitId: 'B', rank: 1, composite: 0.95, previousRank: 4, previousComposite: 0.9 }, // +3, +0.05
        { unitId: 'C', rank: 5, composite: 0.88, previousRank: 8, previousComposite: 0.8 }, // +3, +0.08 → before B
        { unitId: 'D', rank: 2, composite: 0.92, previousRank: 2, previousComposite: 0.9 }, // no places gained
        { unitId: 'E', rank: 6, composite: 0.8, previousRank: 9, previousComposite: 0.81 }, // up but scored lower
        { unitId: 'F', rank: 4, composite: 0.89, previousRank: null, previousComposite: null }, // new
      ],
      { by: 'rank_change', count: 2 },
    );
    expect(list.map((e) => [e.unitId, e.rankChange])).toEqual([
      ['A', 7],
      ['C', 3],
    ]);
  });

  it('picks the special-governance streets by either rule', () => {
    // In the bottom list three periods running: only Y (X missed the middle one).
    expect(
      specialGovernance(
        { kind: 'bottom_composite', months: 3 },
        {
          bottomByPeriod: [
            ['X', 'Y', 'Z'],
            ['Y', 'Z'],
            ['X', 'Y'],
          ],
          perThousand: [],
        },
      ),
    ).toEqual([{ unitId: 'Y', value: 3 }]);
    // Not enough periods yet: nobody.
    expect(specialGovernance({ kind: 'bottom_composite', months: 3 }, { bottomByPeriod: [['X']], perThousand: [] })).toEqual([]);
    // Highest 千人诉求量, ties at the cut included.
    const perThousand = [
      { unitId: 'P', value: 12.5 },
      { unitId: 'Q', value: 30 },
      { unitId: 'R', value: 12.5 },
      { unitId: 'S', value: 3 },
    ];
    expect(specialGovernance({ kind: 'highest_per_thousand', count: 2 }, { bottomByPeriod: [], perThousand }).map((e) => e.unitId)).toEqual(['Q', 'P', 'R']);
  });
});

describe('appeal window', () => {
  const visitedAt = new Date('2026-11-10T02:00:00Z');
  it('is open for N days after the visit and closes at publication', () => {
    // 7 days after 2026-11-10T02:00Z is 2026-11-17T02:00Z.
    expect(appealWindow({ visitedAt, publishedAt: null, now: new Date('2026-11-17T02:00:00Z'), windowDays: 7 })).toEqual({
      isOpen: true,
      deadline: new Date('2026-11-17T02:00:00Z'),
    });
    expect(appealWindow({ visitedAt, publishedAt: null, now: new Date('2026-11-17T02:00:01Z'), windowDays: 7 })).toMatchObject({ isOpen: false, reason: 'after_window' });
    const publishedAt = new Date('2026-11-15T00:00:00Z');
    expect(appealWindow({ visitedAt, publishedAt, now: new Date('2026-11-16T00:00:00Z'), windowDays: 7 })).toEqual({
      isOpen: false,
      reason: 'after_publication',
      deadline: publishedAt,
    });
    expect(appealWindow({ visitedAt: null, publishedAt: null, now: new Date(), windowDays: 7 })).toEqual({ isOpen: true, deadline: null });
  });
});
