// A street's quarterly ranking of its communities: the three rates plus the street's own items.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMMUNITY_RANKING_CONFIG, rankCommunities, type CommunityRankingConfig } from '../src/index';

describe('rankCommunities (default config: rates 0.07 / 0.35 / 0.28, three items 0.1 each on 0–100)', () => {
  const entries = rankCommunities(
    [
      // rates: 0.07×0.8 + 0.35×0.6 + 0.28×0.58 = 0.056 + 0.21 + 0.1624 = 0.4284
      // items: 0.1×80/100 + 0.1×90/100 + 0.1×70/100 = 0.08 + 0.09 + 0.07 = 0.24 → total 0.6684
      {
        unitId: 'C1',
        rates: { responseRate: 0.8, resolutionRate: 0.6, satisfactionRate: 0.58, validVisits: 5 },
        itemScores: { face_to_face: 80, coordination: 90, work_traces: 70 },
      },
      // rates: 0.07 + 0.35 + 0.28 = 0.70; items: 0.02 + 0 (coordination missing) + 0.03 → total 0.75
      {
        unitId: 'C2',
        rates: { responseRate: 1, resolutionRate: 1, satisfactionRate: 1, validVisits: 1 },
        itemScores: { face_to_face: 20, work_traces: 30 },
      },
      // rates: 0.07×0.5 + 0.35×0.5 + 0.28×0.45 = 0.035 + 0.175 + 0.126 = 0.336; items 0.3 → total 0.636
      {
        unitId: 'C3',
        rates: { responseRate: 0.5, resolutionRate: 0.5, satisfactionRate: 0.45, validVisits: 2 },
        itemScores: { face_to_face: 100, coordination: 100, work_traces: 100 },
      },
      // no valid visit → unranked
      {
        unitId: 'C4',
        rates: { responseRate: null, resolutionRate: null, satisfactionRate: null, validVisits: 0 },
        itemScores: { face_to_face: 100 },
      },
      // same rates as C1, items 0.07 + 0.09 + 0.08 = 0.24 → total 0.6684, ties C1; more visits → listed first
      {
        unitId: 'C5',
        rates: { responseRate: 0.8, resolutionRate: 0.6, satisfactionRate: 0.58, validVisits: 10 },
        itemScores: { face_to_face: 70, coordination: 90, work_traces: 80 },
      },
    ],
    DEFAULT_COMMUNITY_RANKING_CONFIG,
  );

  it('orders by total, ties sharing a rank, unranked last', () => {
    expect(entries.map((e) => [e.unitId, e.rank])).toEqual([
      ['C2', 1],
      ['C5', 2],
      ['C1', 2],
      ['C3', 4],
      ['C4', null],
    ]);
    expect(entries.map((e) => e.total)).toEqual([expect.closeTo(0.75, 12), expect.closeTo(0.6684, 12), expect.closeTo(0.6684, 12), expect.closeTo(0.636, 12), null]);
  });

  it('shows the rates part and each item part', () => {
    const c1 = entries.find((e) => e.unitId === 'C1');
    expect(c1?.ratesPart).toBeCloseTo(0.4284, 12);
    expect(c1?.items).toEqual([
      { key: 'face_to_face', score: 80, points: expect.closeTo(0.08, 12) },
      { key: 'coordination', score: 90, points: expect.closeTo(0.09, 12) },
      { key: 'work_traces', score: 70, points: expect.closeTo(0.07, 12) },
    ]);
    const c2 = entries.find((e) => e.unitId === 'C2');
    expect(c2?.items[1]).toEqual({ key: 'coordination', score: 0, points: 0 });
  });
});

describe('rankCommunities with a custom config', () => {
  const config: CommunityRankingConfig = {
    rateWeights: { response: 0.1, resolution: 0.3, satisfaction: 0.3 },
    items: [{ key: 'meetings', weight: 0.3, maxScore: 4 }],
  };

  it('scales items by their max score', () => {
    // A: rates 0.1×1 + 0.3×0.5 + 0.3×0.5 = 0.4; meetings 0.3×4/4 = 0.3 → 0.7
    // B: rates 0.1×1 + 0.3×1 + 0.3×1 = 0.7; meetings 0.3×1/4 = 0.075 → 0.775
    const ranked = rankCommunities(
      [
        { unitId: 'A', rates: { responseRate: 1, resolutionRate: 0.5, satisfactionRate: 0.5, validVisits: 4 }, itemScores: { meetings: 4 } },
        { unitId: 'B', rates: { responseRate: 1, resolutionRate: 1, satisfactionRate: 1, validVisits: 4 }, itemScores: { meetings: 1 } },
      ],
      config,
    );
    expect(ranked.map((e) => [e.unitId, e.rank])).toEqual([
      ['B', 1],
      ['A', 2],
    ]);
    expect(ranked[0]?.total).toBeCloseTo(0.775, 12);
    expect(ranked[1]?.total).toBeCloseTo(0.7, 12);
  });

  it('refuses weights that do not sum to 1, unknown items and out-of-range scores', () => {
    const rates = { responseRate: 1, resolutionRate: 1, satisfactionRate: 1, validVisits: 1 };
    expect(() => rankCommunities([], { rateWeights: { response: 0.1, resolution: 0.5, satisfaction: 0.4 }, items: [{ key: 'x', weight: 0.1 }] })).toThrow(
      expect.objectContaining({ code: 'SCORING_INVALID_WEIGHTS' }),
    );
    expect(() => rankCommunities([{ unitId: 'A', rates, itemScores: { meeting: 1 } }], config)).toThrow(expect.objectContaining({ code: 'SCORING_INVALID_INPUT' }));
    expect(() => rankCommunities([{ unitId: 'A', rates, itemScores: { meetings: 5 } }], config)).toThrow(expect.objectContaining({ code: 'SCORING_INVALID_INPUT' }));
  });
});
