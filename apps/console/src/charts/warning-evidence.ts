// The evidence chart of an early warning: weekly requests, the same weeks last year, the expected
// count and the warning bound, with the forecast weeks (no observation yet) shaded. Pure builder.
import type { EChartsOption } from 'echarts';
import { PALETTE } from './palette';

export interface EvidencePoint {
  weekEnd: string;
  observed: number | null;
  lastYear: number | null;
  expected: number;
  upper: number;
}

export function warningEvidenceOption(points: readonly EvidencePoint[], labels: { observed: string; lastYear: string; expected: string; upper: string }): EChartsOption {
  const firstForecast = points.findIndex((p) => p.observed === null);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 12, right: 24, top: 40, bottom: 12, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.weekEnd.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: labels.observed,
        type: 'bar',
        data: points.map((p) => p.observed),
        itemStyle: { color: PALETTE.red },
        ...(firstForecast >= 0
          ? {
              markArea: {
                silent: true,
                itemStyle: { color: 'rgba(0,0,0,0.04)' },
                data: [[{ xAxis: points[firstForecast]!.weekEnd.slice(5) }, { xAxis: points[points.length - 1]!.weekEnd.slice(5) }]],
              },
            }
          : {}),
      },
      { name: labels.lastYear, type: 'line', data: points.map((p) => p.lastYear), lineStyle: { type: 'dotted' }, symbol: 'none' },
      { name: labels.expected, type: 'line', data: points.map((p) => p.expected), smooth: true, symbol: 'none' },
      { name: labels.upper, type: 'line', step: 'middle', data: points.map((p) => p.upper), lineStyle: { type: 'dashed' }, symbol: 'none', itemStyle: { color: PALETTE.gold } },
    ],
  };
}
