import type { EChartsOption } from 'echarts';
import ReactECharts from 'echarts-for-react';

export function Chart({ option, height = 320 }: { option: EChartsOption; height?: number }) {
  return <ReactECharts option={option} notMerge style={{ height, width: '100%' }} opts={{ renderer: 'canvas' }} />;
}
