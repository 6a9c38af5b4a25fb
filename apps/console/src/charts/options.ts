// ECharts option builders: pure functions from plain data (and the labels to print) to an option
// object. No React, no fetch, no DOM — so each is unit-tested by looking at the option it returns.
import type { RankingRow } from '@jiesu/contracts';
import type { EChartsOption } from 'echarts';
import type { Count, CrossTable } from './aggregate';
import { PALETTE, SERIES_COLORS } from './palette';

const GRID = { left: 12, right: 24, top: 40, bottom: 12, containLabel: true };

export interface OverdueUnit {
  unitName: string;
  overdue: number;
  nearDue: number;
}

/** 超期督办: overdue and due-soon clocks per unit, worst first, as a horizontal stacked bar. */
export function overdueByUnitOption(units: readonly OverdueUnit[], labels: { overdue: string; nearDue: string }, limit = 15): EChartsOption {
  const rows = [...units]
    .sort((a, b) => b.overdue - a.overdue || b.nearDue - a.nearDue)
    .slice(0, limit)
    .reverse();
  return {
    color: [PALETTE.red, PALETTE.gold],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: GRID,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.unitName), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      { name: labels.overdue, type: 'bar', stack: 'clocks', data: rows.map((r) => r.overdue), label: { show: true, position: 'inside' } },
      { name: labels.nearDue, type: 'bar', stack: 'clocks', data: rows.map((r) => r.nearDue), label: { show: true, position: 'inside' } },
    ],
  };
}

/** What the rate charts read of a ranking row (the row itself is declared once, in @jiesu/contracts). */
export type RateRow = Pick<RankingRow, 'unitName' | 'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'composite' | 'sampleSize'>;

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** 三率: response, resolution and satisfaction (percent) per unit as grouped bars, composite as a line. */
export function threeRatesOption(rows: readonly RateRow[], labels: { response: string; resolution: string; satisfaction: string; composite: string }): EChartsOption {
  return {
    color: [PALETTE.blue, PALETTE.green, PALETTE.gold, PALETTE.red],
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : '—') },
    legend: { top: 0 },
    grid: { ...GRID, bottom: 40 },
    xAxis: { type: 'category', data: rows.map((r) => r.unitName), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: labels.response, type: 'bar', barMaxWidth: 36, data: rows.map((r) => pct(r.responseRate)) },
      { name: labels.resolution, type: 'bar', barMaxWidth: 36, data: rows.map((r) => pct(r.resolutionRate)) },
      { name: labels.satisfaction, type: 'bar', barMaxWidth: 36, data: rows.map((r) => pct(r.satisfactionRate)) },
      { name: labels.composite, type: 'line', data: rows.map((r) => pct(r.composite)), symbolSize: 8, lineStyle: { width: 3 } },
    ],
  };
}

/** Top or bottom list: composite score (percent) as horizontal bars, best at the top, sample size in the label. */
export function rankListOption(rows: readonly RateRow[], which: 'top' | 'bottom'): EChartsOption {
  const ordered = [...rows].reverse();
  return {
    color: [which === 'top' ? PALETTE.green : PALETTE.red],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { ...GRID, top: 8, right: 80 },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}' } },
    yAxis: { type: 'category', data: ordered.map((r) => r.unitName), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        data: ordered.map((r) => pct(r.composite)),
        label: { show: true, position: 'right', formatter: (p) => `${String(p.value)}  (n=${ordered[p.dataIndex]?.sampleSize ?? 0})` },
        barMaxWidth: 18,
      },
    ],
  };
}

/** A volume per key (category, district …) as bars, largest first. */
export function volumeBarOption(counts: readonly Count[], nameOf: (key: string) => string, opts: { horizontal?: boolean; color?: string } = {}): EChartsOption {
  const names = counts.map((c) => nameOf(c.key));
  const values = counts.map((c) => c.value);
  const cat = {
    type: 'category' as const,
    data: opts.horizontal ? [...names].reverse() : names,
    axisLabel: { interval: 0, width: 110, overflow: 'truncate' as const, ...(opts.horizontal ? {} : { rotate: names.length > 6 ? 30 : 0 }) },
  };
  const val = { type: 'value' as const, minInterval: 1 };
  return {
    color: [opts.color ?? PALETTE.blue],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { ...GRID, top: 16 },
    xAxis: opts.horizontal ? val : cat,
    yAxis: opts.horizontal ? cat : val,
    series: [{ type: 'bar', data: opts.horizontal ? [...values].reverse() : values, barMaxWidth: 28, label: { show: true, position: opts.horizontal ? 'right' : 'top' } }],
  };
}

/** Daily counts as a smooth line with a soft area. */
export function trendLineOption(points: readonly Count[], name: string): EChartsOption {
  return {
    color: [PALETTE.red],
    tooltip: { trigger: 'axis' },
    grid: { ...GRID, top: 16 },
    xAxis: { type: 'category', boundaryGap: false, data: points.map((p) => p.key.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name, type: 'line', smooth: true, data: points.map((p) => p.value), areaStyle: { opacity: 0.15 }, symbolSize: 6 }],
  };
}

/** A two-way table (district × urgency …) as a heatmap. */
export function heatmapOption(table: CrossTable, rowName: (k: string) => string, colName: (k: string) => string): EChartsOption {
  return {
    tooltip: { position: 'top' },
    grid: { ...GRID, top: 8, bottom: 56 },
    xAxis: { type: 'category', data: table.cols.map(colName), splitArea: { show: true } },
    yAxis: { type: 'category', data: table.rows.map(rowName), splitArea: { show: true } },
    visualMap: {
      min: 0,
      max: Math.max(1, table.max),
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#fff5f5', '#ffccc7', '#ff7875', PALETTE.red] },
    },
    series: [{ type: 'heatmap', data: table.cells, label: { show: true } }],
  };
}

/** Share of cases per status as a doughnut. */
export function statusPieOption(counts: readonly Count[], nameOf: (key: string) => string): EChartsOption {
  return {
    color: SERIES_COLORS,
    tooltip: { trigger: 'item' },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        itemStyle: { borderRadius: 6, borderColor: '#fff', borderWidth: 2 },
        label: { formatter: '{b}\n{c}' },
        data: counts.map((c) => ({ name: nameOf(c.key), value: c.value })),
      },
    ],
  };
}
