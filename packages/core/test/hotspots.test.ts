// Pure hotspot rules: text grouping and attach, the metrics, the ranking formula (figures worked
// out by hand), weight validation, topic transitions and the before/after effect.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOTSPOT_WEIGHTS,
  DEFAULT_TEXT_GROUPING,
  decideTopic,
  fitTermWeights,
  GroupAttacher,
  groupTexts,
  type HotspotMember,
  hotspotFormula,
  hotspotRefreshMonths,
  measureHotspot,
  parseHotspotWeights,
  TextGroupIndex,
  problemEffect,
  scoreHotspot,
} from '../src/index';

const doc = (id: string, words: string) => ({ id, tokens: words.split(' ') });

describe('text grouping', () => {
  const docs = [
    doc('a1', '充电桩 电动车 飞线 楼道 火灾'),
    doc('a2', '电动车 充电桩 不足 飞线'),
    doc('a3', '飞线 充电 电动车 楼道'),
    doc('b1', '暖气 不热 温度 供暖'),
    doc('b2', '供暖 温度 不达标 暖气'),
    doc('b3', '暖气 不热 供暖 老人'),
    doc('c1', '护照 办理 材料'),
  ];

  it('groups texts about one problem and keeps other problems apart', () => {
    const g = groupTexts(docs);
    const groupOf = (id: string) => g.assignment.get(id)?.group;
    expect(groupOf('a1')).toBe(groupOf('a2'));
    expect(groupOf('a1')).toBe(groupOf('a3'));
    expect(groupOf('b1')).toBe(groupOf('b2'));
    expect(groupOf('b1')).toBe(groupOf('b3'));
    expect(groupOf('a1')).not.toBe(groupOf('b1'));
    // 护照/办理/材料 occur once each: no linking word, no group.
    expect(groupOf('c1')).toBeUndefined();
  });

  it('ignores excluded words (place names) when linking texts', () => {
    // Three requests from one place about three things, among others (so 望京 is not too common to count).
    const others = ['甲 乙', '丙 丁', '戊 己', '庚 辛'].map((w, i) => doc(`o${i}`, w));
    const places = [doc('p1', '望京 路灯'), doc('p2', '望京 电梯'), doc('p3', '望京 垃圾'), ...others];
    expect(groupTexts(places).groups.map((x) => x.memberIds)).toEqual([['p1', 'p2', 'p3']]);
    const weights = fitTermWeights(places, undefined, new Set(['望京']));
    expect(groupTexts(places, undefined, weights).groups).toEqual([]);
  });

  it('keeps blocks apart', () => {
    const others = ['甲 乙', '丙 丁', '戊 己'].map((w, i) => ({ ...doc(`o${i}`, w), block: 'A' }));
    const same = [
      { ...doc('x', '噪音 施工 夜间'), block: 'A' },
      { ...doc('y', '噪音 施工 夜间'), block: 'B' },
    ];
    expect(groupTexts([...same, ...others]).groups).toHaveLength(2);
    expect(groupTexts([...same.map((d) => ({ ...d, block: 'A' })), ...others]).groups).toHaveLength(1);
  });

  it("finds a text's group whatever the other blocks hold (blocks are grouped apart)", () => {
    // One posting per word: block B's group of three outweighs block A's one-text group on 漏水 and
    // 屋顶 and would push it out of a shared list, so that a2 could no longer find a1.
    const opts = { ...DEFAULT_TEXT_GROUPING, maxPostings: 1 };
    const a = [
      { ...doc('a1', '漏水 屋顶'), block: 'A' },
      { ...doc('a2', '漏水 屋顶'), block: 'A' },
    ];
    const b = ['b1', 'b2', 'b3'].map((id) => ({ ...doc(id, '漏水 屋顶 物业'), block: 'B' }));
    const filler = ['w1 w2', 'w3 w4', 'w5 w6', 'w7 w8', 'w9 w10', 'w11 w12'].map((w, i) => ({ ...doc(`f${i}`, w), block: 'C' }));
    const all = [a[0], ...b, a[1], ...filler] as typeof filler;
    const g = groupTexts(all, opts);
    expect(g.assignment.get('a1')?.group).toBe(g.assignment.get('a2')?.group);
    expect(g.assignment.get('b1')?.group).toBe(g.assignment.get('b3')?.group);
    expect(g.assignment.get('a1')?.group).not.toBe(g.assignment.get('b1')?.group);
  });

  it("keeps a growing group's word sums exactly (cosine against a plain map of the same sums)", () => {
    // 300 texts of 20 words out of 400, joined to one group: its sums outgrow every initial size.
    const index = new TextGroupIndex({ ...DEFAULT_TEXT_GROUPING, threshold: 0 });
    const sums = new Map<string, number>();
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    let key: number | null = null;
    for (let n = 0; n < 300; n++) {
      const terms = [...new Set(Array.from({ length: 20 }, () => `w${Math.floor(rnd() * 400)}`))];
      const raw = terms.map(() => 0.1 + rnd());
      const norm = Math.sqrt(raw.reduce((a, x) => a + x * x, 0));
      const v = { terms, weights: raw.map((x) => x / norm) };
      key = index.add(v, null, key);
      v.terms.forEach((t, i) => sums.set(t, (sums.get(t) ?? 0) + (v.weights[i] as number)));
    }
    const probe = { terms: ['w1', 'w17', 'w399', 'w250', 'absent'], weights: [0.5, 0.5, 0.5, 0.4, 0.3] };
    let dot = 0;
    probe.terms.forEach((t, i) => (dot += (sums.get(t) ?? 0) * (probe.weights[i] as number)));
    const norm2 = [...sums.values()].reduce((a, x) => a + x * x, 0);
    expect(index.groupSize(key as number)).toBe(300);
    expect(index.similarity(probe, key as number)).toBeCloseTo(dot / Math.sqrt(norm2), 10);
    // The signature: the strongest words of the same sums, in order.
    const strongest = [...sums]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 16)
      .map(([t]) => t);
    expect(index.signature(key as number).terms).toEqual(strongest);
  });

  it('attaches a new text to the stored group it belongs to', () => {
    const g = groupTexts(docs);
    const attacher = new GroupAttacher(
      g.weights,
      g.groups.map((x, i) => ({ key: i, block: x.block, signature: x.signature, size: x.memberIds.length })),
    );
    const heating = g.assignment.get('b1')?.group;
    expect(attacher.attach(['暖气', '不热', '供暖'], null)?.key).toBe(heating);
    expect(attacher.attach(['护照', '签证'], null)).toBeNull();
  });
});

const member = (over: Partial<HotspotMember>): HotspotMember => ({
  caseId: Math.random().toString(36),
  receivedAt: new Date('2026-11-05T00:00:00Z'),
  requesterKey: null,
  districtCode: 'D1',
  streetCode: 'S1',
  communityCode: 'C1',
  isClosed: true,
  isSolved: true,
  satisfaction: null,
  hasRepeatLink: false,
  ...over,
});

describe('hotspot metrics and score', () => {
  const members = [
    member({ requesterKey: 'p1', streetCode: 'S1', isClosed: false, isSolved: null }),
    member({ requesterKey: 'p1', streetCode: 'S1', satisfaction: 'dissatisfied', isSolved: false }),
    member({ requesterKey: 'p2', streetCode: 'S2', satisfaction: 'satisfied' }),
    member({ requesterKey: null, streetCode: 'S3', communityCode: 'C3', districtCode: 'D2' }),
  ];
  const m = measureHotspot(members, [1, 3]);

  it('counts requesters, spread, growth and the hard signals', () => {
    expect(m).toMatchObject({ size: 4, requesters: 3, districts: 2, streets: 3, communities: 2 });
    // (4+1)/(mean(1,3)+1) = 5/3
    expect(m.growth).toBe(1.667);
    // one open, one closed unsolved
    expect(m.unresolvedShare).toBe(0.5);
    // one of two visited
    expect(m.dissatisfiedShare).toBe(0.5);
    // p1 called twice: 2 of 4 cases
    expect(m.repeatShare).toBe(0.5);
    expect(m.byStreet[0]).toEqual({ code: 'S1', count: 2 });
  });

  it('counts a case linked as a repeat call once, beside the same requester twice', () => {
    // p2's case repeats an earlier call (linked); p1's second case is linked too (already counted).
    const linked = [members[0], { ...members[1], hasRepeatLink: true }, { ...members[2], hasRepeatLink: true }, members[3]] as HotspotMember[];
    // p1 twice (2) + p2 linked (1) = 3 of 4
    expect(measureHotspot(linked, []).repeatShare).toBe(0.75);
  });

  it('scores by the published formula', () => {
    const s = scoreHotspot(m, { maxRequesters: 3, maxStreets: 9 });
    const F = 1;
    const S = Math.log(4) / Math.log(10);
    const G = Math.log2(1.667) / 2;
    const D = 0.5;
    expect(s.score).toBeCloseTo(100 * (0.35 * F + 0.3 * S + 0.15 * G + 0.2 * D), 1);
    expect(hotspotFormula(DEFAULT_HOTSPOT_WEIGHTS)).toContain('0.35·F + 0.3·S + 0.15·G + 0.2·D');
    expect(scoreHotspot(m, { maxRequesters: 3, maxStreets: 9 }, { frequency: 1, spread: 0, growth: 0, difficulty: 0 }).score).toBe(100);
  });

  it('validates weights, naming the field', () => {
    expect(() => parseHotspotWeights({ ...DEFAULT_HOTSPOT_WEIGHTS, spread: -1 })).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'weights.spread' }) }),
    );
    expect(() => parseHotspotWeights({ frequency: 0, spread: 0, growth: 0, difficulty: 0 })).toThrow(/above 0/);
    expect(() => parseHotspotWeights({ ...DEFAULT_HOTSPOT_WEIGHTS, extra: 1 })).toThrow(/Unknown weight/);
    expect(parseHotspotWeights({ frequency: 2, spread: 1, growth: 1, difficulty: 1 }).frequency).toBe(2);
  });
});

describe('topics', () => {
  it('starts a draft with 2–3 problems, closes a running one, refuses the rest', () => {
    expect(decideTopic('draft', 'start', 2)).toBe('running');
    expect(() => decideTopic('draft', 'start', 1)).toThrow(/2–3 problems/);
    expect(() => decideTopic('running', 'start', 2)).toThrow(/only a draft/);
    expect(decideTopic('running', 'close', 2)).toBe('closed');
    expect(decideTopic('closed', 'reopen', 2)).toBe('running');
    expect(() => decideTopic('draft', 'close', 2)).toThrow(/only a running/);
  });

  it('measures the effect week by week before and after the start', () => {
    const start = new Date('2026-12-01T00:00:00Z');
    const at = (days: number) => new Date(start.getTime() + days * 86_400_000);
    const cases = [
      { receivedAt: at(-10), isClosed: true, isSolved: false, satisfaction: 'dissatisfied' as const },
      { receivedAt: at(-3), isClosed: true, isSolved: true, satisfaction: 'basically_satisfied' as const },
      { receivedAt: at(-2), isClosed: false, isSolved: null, satisfaction: null },
      { receivedAt: at(2), isClosed: true, isSolved: true, satisfaction: 'satisfied' as const },
      { receivedAt: at(-30), isClosed: true, isSolved: true, satisfaction: 'satisfied' as const },
    ];
    const e = problemEffect(cases, start, at(10), 2);
    expect(e.series.map((b) => [b.week, b.count])).toEqual([
      [-2, 1],
      [-1, 2],
      [0, 1],
      [1, 0],
    ]);
    expect(e.before).toMatchObject({ count: 3, visited: 2, resolutionRate: 0.5, satisfactionRate: 0.45, perWeek: 1.5 });
    expect(e.after).toMatchObject({ count: 1, visited: 1, resolutionRate: 1, satisfactionRate: 1, weeks: 2 });
  });
});

describe('scheduled hotspot refresh', () => {
  const tz = 'Asia/Shanghai';
  const every = 6 * 3_600_000;
  const at = (s: string) => new Date(s);
  it('computes the current month when the last refresh is old enough, and the previous month once after it ends', () => {
    expect(hotspotRefreshMonths({ now: at('2026-11-15T10:00:00+08:00'), timeZone: tz, lastFinishedAt: null, everyMs: every })).toEqual(['2026-10', '2026-11']);
    expect(hotspotRefreshMonths({ now: at('2026-11-15T10:00:00+08:00'), timeZone: tz, lastFinishedAt: at('2026-11-15T05:00:00+08:00'), everyMs: every })).toEqual([]);
    expect(hotspotRefreshMonths({ now: at('2026-11-15T10:00:00+08:00'), timeZone: tz, lastFinishedAt: at('2026-11-15T04:00:00+08:00'), everyMs: every })).toEqual(['2026-11']);
    // 00:30 local on 1 December is still 30 November in UTC: the local month decides.
    expect(hotspotRefreshMonths({ now: at('2026-12-01T00:30:00+08:00'), timeZone: tz, lastFinishedAt: at('2026-11-30T23:00:00+08:00'), everyMs: every })).toEqual([
      '2026-11',
      '2026-12',
    ]);
    expect(hotspotRefreshMonths({ now: at('2027-01-01T00:30:00+08:00'), timeZone: tz, lastFinishedAt: at('2026-12-31T23:00:00+08:00'), everyMs: every })).toEqual([
      '2026-12',
      '2027-01',
    ]);
  });
});
