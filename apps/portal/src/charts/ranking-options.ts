// Pure ECharts option builders for the rankings page (no DOM): a horizontal bar chart of the
// composite score of the published top or bottom units, with the three rates beside it.
import type { RankingRow } from '../api';

const pct = (v: number | null) => (v === null ? 0 : Math.round(v * 1000) / 10);

export function rankingBarOption(rows: readonly RankingRow[], title: string, color: string) {
  const ordered = [...rows].reverse();
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, data: ['综合得分', '响应率', '解决率', '满意率'] },
    grid: { left: 8, right: 24, top: 36, bottom: 36, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}' } },
    yAxis: { type: 'category', data: ordered.map((r) => `${r.rank ?? '-'}. ${r.unitName}`), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      { name: '综合得分', type: 'bar', data: ordered.map((r) => pct(r.composite)), itemStyle: { color }, label: { show: true, position: 'right', fontSize: 10 } },
      { name: '响应率', type: 'bar', data: ordered.map((r) => pct(r.responseRate)), itemStyle: { color: '#9ab' }, barGap: 0 },
      { name: '解决率', type: 'bar', data: ordered.map((r) => pct(r.resolutionRate)), itemStyle: { color: '#7a9' } },
      { name: '满意率', type: 'bar', data: ordered.map((r) => pct(r.satisfactionRate)), itemStyle: { color: '#db7' } },
    ],
  };
}
