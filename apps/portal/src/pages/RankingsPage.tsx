// 排名公布: the month's published rankings of streets/townships and districts — top and bottom,
// with the sample size beside every score (a unit with 3 visits is less certain than one with 3,000).
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, type PublicRankings, type RankingRow } from '../api';
import { rankingBarOption } from '../charts/ranking-options';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

const CLASS_LABEL: Record<string, string> = { street: '街道（乡镇）', district: '各区' };

function Chart({ option, height }: { option: echarts.EChartsCoreOption; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(option);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} style={{ width: '100%', height }} />;
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}`);

function Table({ rows }: { rows: RankingRow[] }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>名次</th>
            <th>单位</th>
            <th>综合</th>
            <th>响应率</th>
            <th>解决率</th>
            <th>满意率</th>
            <th>样本</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.unitCode}>
              <td>{r.rank ?? '—'}</td>
              <td>{r.unitName}</td>
              <td>{pct(r.composite)}</td>
              <td>{pct(r.responseRate)}</td>
              <td>{pct(r.resolutionRate)}</td>
              <td>{pct(r.satisfactionRate)}</td>
              <td>{r.sampleSize}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RankingsPage() {
  const [data, setData] = useState<PublicRankings | null>(null);
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [unitClass, setUnitClass] = useState('street');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.rankings(period).then(setData, (e: unknown) => setError(e instanceof ApiError ? e.message : '排名加载失败'));
  }, [period]);

  const current = data?.classes.find((c) => c.unitClass === unitClass);
  return (
    <section className="card">
      <h2>排名公布</h2>
      <p className="hint">按“三率”综合得分（响应率 10%、解决率 50%、满意率 40%）每月公布前十名和后十名；“样本”为有效回访数。</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {data && data.periods.length === 0 && (
        <p className="empty" data-testid="no-rankings">
          暂无已公布的排名。
        </p>
      )}
      {data && data.periods.length > 0 && (
        <>
          <div className="row">
            <select value={data.periodKey ?? ''} onChange={(e) => setPeriod(e.target.value)} aria-label="考核周期">
              {data.periods.map((p) => (
                <option key={p} value={p}>
                  {p.replace('-', '年')}月
                </option>
              ))}
            </select>
            <div className="segmented">
              {Object.entries(CLASS_LABEL).map(([k, label]) => (
                <button key={k} type="button" className={unitClass === k ? 'on' : ''} onClick={() => setUnitClass(k)}>
                  {label}
                </button>
              ))}
            </div>
          </div>
          {data.publishedAt && (
            <p className="hint">
              第 {data.version} 版 · 公布于 {new Date(data.publishedAt).toLocaleDateString('zh-CN')} · 参与排名 {current?.rankedCount ?? 0} 个单位
            </p>
          )}
          {current && current.top.length > 0 ? (
            <>
              <Chart option={rankingBarOption(current.top, '前十名', '#c8102e')} height={Math.max(220, current.top.length * 44 + 80)} />
              <Table rows={current.top} />
              <Chart option={rankingBarOption(current.bottom, '后十名', '#666')} height={Math.max(220, current.bottom.length * 44 + 80)} />
              <Table rows={current.bottom} />
            </>
          ) : (
            <p className="empty">本期该类单位暂无排名。</p>
          )}
        </>
      )}
    </section>
  );
}
