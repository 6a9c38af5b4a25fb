import { describe, expect, it } from 'vitest';
import { countBy, crossCount, dailyCounts, localDay } from './aggregate';
import { heatmapOption, overdueByUnitOption, rankListOption, statusPieOption, threeRatesOption, trendLineOption, volumeBarOption } from './options';

type Series = { name?: string; type: string; data: unknown[]; stack?: string };
const series = (o: { series?: unknown }) => o.series as Series[];

describe('aggregate', () => {
  it('counts by key, largest first, folding the tail into other', () => {
    const items = ['a', 'b', 'a', 'c', 'a', 'b', 'd', null];
    expect(countBy(items, (x) => x)).toEqual([
      { key: 'a', value: 3 },
      { key: 'b', value: 2 },
      { key: 'c', value: 1 },
      { key: 'd', value: 1 },
    ]);
    expect(countBy(items, (x) => x, { top: 2 })).toEqual([
      { key: 'a', value: 3 },
      { key: 'b', value: 2 },
      { key: 'other', value: 2 },
    ]);
  });

  it('counts per local day in the city zone, zero-filled', () => {
    // 2026-11-27T17:30Z is already 2026-11-28 01:30 in Beijing.
    expect(localDay('2026-11-27T17:30:00Z')).toBe('2026-11-28');
    const d = dailyCounts(['2026-11-27T17:30:00Z', '2026-11-28T02:00:00Z', '2026-11-26T03:00:00Z'], '2026-11-28', 3);
    expect(d).toEqual([
      { key: '2026-11-26', value: 1 },
      { key: '2026-11-27', value: 0 },
      { key: '2026-11-28', value: 2 },
    ]);
  });

  it('builds a two-way table with rows by total', () => {
    const t = crossCount(
      [
        { d: 'x', u: 'general' },
        { d: 'y', u: 'general' },
        { d: 'y', u: 'emergency' },
      ],
      (r) => r.d,
      (r) => r.u,
      ['emergency', 'general'],
    );
    expect(t.rows).toEqual(['y', 'x']);
    expect(t.max).toBe(1);
    expect(t.cells).toContainEqual([0, 0, 1]);
    expect(t.cells).toContainEqual([0, 1, 0]);
  });
});

describe('option builders', () => {
  it('overdue by unit: worst unit at the top of a stacked horizontal bar', () => {
    const o = overdueByUnitOption(
      [
        { unitName: '望京街道', overdue: 1, nearDue: 4 },
        { unitName: '建外街道', overdue: 5, nearDue: 0 },
      ],
      { overdue: '超期', nearDue: '临期' },
    );
    const s = series(o);
    expect(s.map((x) => x.name)).toEqual(['超期', '临期']);
    expect(s.every((x) => x.stack === 'clocks')).toBe(true);
    // ECharts draws category axes bottom-up, so the worst comes last.
    expect((o.yAxis as { data: string[] }).data).toEqual(['望京街道', '建外街道']);
    expect(s[0]?.data).toEqual([1, 5]);
  });

  it('three rates: percent bars plus a composite line, nulls kept as gaps', () => {
    const o = threeRatesOption(
      [
        { unitName: 'A', responseRate: 1, resolutionRate: 0.5, satisfactionRate: 0.95, composite: 0.78, sampleSize: 2 },
        { unitName: 'B', responseRate: null, resolutionRate: null, satisfactionRate: null, composite: null, sampleSize: 0 },
      ],
      {
        response: '响应率',
        resolution: '解决率',
        satisfaction: '满意率',
        composite: '综合',
      },
    );
    const s = series(o);
    expect(s.map((x) => x.type)).toEqual(['bar', 'bar', 'bar', 'line']);
    expect(s[0]?.data).toEqual([100, null]);
    expect(s[2]?.data).toEqual([95, null]);
    expect(s[3]?.data).toEqual([78, null]);
  });

  it('rank list: best first reads top-down (reversed for the axis)', () => {
    const o = rankListOption(
      [
        { unitName: 'first', responseRate: 1, resolutionRate: 1, satisfactionRate: 1, composite: 1, sampleSize: 9 },
        { unitName: 'second', responseRate: 1, resolutionRate: 1, satisfactionRate: 0.5, composite: 0.8, sampleSize: 3 },
      ],
      'top',
    );
    expect((o.yAxis as { data: string[] }).data).toEqual(['second', 'first']);
    expect(series(o)[0]?.data).toEqual([80, 100]);
  });

  it('volume bars name keys through the given function', () => {
    const o = volumeBarOption(
      [
        { key: '01', value: 3 },
        { key: '02', value: 1 },
      ],
      (k) => ({ '01': '城乡建设', '02': '交通管理' })[k] ?? k,
    );
    expect((o.xAxis as { data: string[] }).data).toEqual(['城乡建设', '交通管理']);
    expect(series(o)[0]?.data).toEqual([3, 1]);
    const h = volumeBarOption(
      [
        { key: '01', value: 3 },
        { key: '02', value: 1 },
      ],
      (k) => k,
      { horizontal: true },
    );
    expect((h.yAxis as { data: string[] }).data).toEqual(['02', '01']);
  });

  it('trend line shows month-day labels', () => {
    const o = trendLineOption([{ key: '2026-11-27', value: 2 }], '工单');
    expect((o.xAxis as { data: string[] }).data).toEqual(['11-27']);
    expect(series(o)[0]?.type).toBe('line');
  });

  it('heatmap carries the cells and a visual map up to the max', () => {
    const o = heatmapOption(
      { rows: ['110105'], cols: ['general'], cells: [[0, 0, 4]], max: 4 },
      () => '朝阳区',
      () => '一般',
    );
    expect((o.visualMap as { max: number }).max).toBe(4);
    expect(series(o)[0]?.data).toEqual([[0, 0, 4]]);
    expect((o.yAxis as { data: string[] }).data).toEqual(['朝阳区']);
  });

  it('status pie names each slice', () => {
    const o = statusPieOption([{ key: 'closed', value: 2 }], () => '已办结');
    expect(series(o)[0]?.data).toEqual([{ name: '已办结', value: 2 }]);
  });
});
