// 排名公布: the month's published rankings of streets/townships and districts — top and bottom
// with the tie at the cut said in words, the sample size beside every score, the units with too
// few valid visits listed apart (不参与排名), the most improved (进步较快), the special-governance
// list (治理类) and 千人诉求量.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, type PublicRankings, type RankingRow } from '../api';
import { rankingBarOption } from '../charts/ranking-options';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

type PublicClass = PublicRankings['classes'][number];
type Boundary = PublicClass['topBoundary'];

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
const perK = (v: number | null) => (v === null ? '—' : v.toFixed(2));

/** The tie at a list's cut in words: who shares the rank, who the tie rule listed, who it left out. */
function BoundaryNote({ b, names, which }: { b: Boundary; names: Map<string, string>; which: '前' | '后' }) {
  if (b === null) return null;
  const n = (codes: string[]) => codes.map((c) => names.get(c) ?? c).join('、');
  return (
    <p className="hint tie-note" data-testid="tie-note">
      {which}
      {b.place}名边界并列：{n(b.tied)}综合得分同为{(b.score * 100).toFixed(2)}分（并列第{b.rank}名），按小样本修正得分、有效回访量依次区分，列入{n(b.listed)}
      {b.left.length > 0 ? `；${n(b.left)}未列入` : ''}。
    </p>
  );
}

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
            <th>千人诉求量</th>
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
              <td>{perK(r.requestsPerThousand)}</td>
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

  const current = data?.classes.find((c) => c.classKey === unitClass);
  const names = new Map((current ? [...current.top, ...current.bottom] : []).map((r) => [r.unitCode, r.unitName]));
  const n = data?.publishCount ?? 10;
  return (
    <section className="card">
      <h2>排名公布</h2>
      <p className="hint">
        按“三率”综合得分（响应率 10%、解决率 50%、满意率 40%）每月公布前十名和后十名；“样本”为有效回访数，有效回访不足规定件数的单位不参与排名；千人诉求量 = 诉求量 × 1000 ÷
        常住人口。
      </p>
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
              {data.classes.map((c) => (
                <button key={c.classKey} type="button" className={unitClass === c.classKey ? 'on' : ''} onClick={() => setUnitClass(c.classKey)}>
                  {c.label}
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
              <Chart option={rankingBarOption(current.top, `前${n}名`, '#c8102e')} height={Math.max(220, current.top.length * 44 + 80)} />
              <BoundaryNote b={current.topBoundary} names={names} which="前" />
              <Table rows={current.top} />
              <Chart option={rankingBarOption(current.bottom, `后${n}名`, '#666')} height={Math.max(220, current.bottom.length * 44 + 80)} />
              <BoundaryNote b={current.bottomBoundary} names={names} which="后" />
              <Table rows={current.bottom} />
              {current.improved.length > 0 && (
                <>
                  <h3>进步较快</h3>
                  <ul className="plain" data-testid="improved">
                    {current.improved.map((e) => (
                      <li key={e.unitCode}>
                        {e.unitName}：名次上升 {e.rankChange} 位，综合得分提高 {(e.compositeDelta * 100).toFixed(2)} 分
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {current.unranked.length > 0 && (
                <>
                  <h3>
                    不参与排名（有效回访 n &lt; {current.minSampleSize}）· {current.unranked.length} 个单位
                  </h3>
                  <p className="hint" data-testid="unranked">
                    {current.unranked.map((u) => `${u.unitName}（n = ${u.sampleSize}）`).join('、')}
                  </p>
                </>
              )}
            </>
          ) : (
            <p className="empty">本期该类单位暂无排名。</p>
          )}
          {current?.classKey === 'street' && data.specialGovernance.ruleText !== '' && (
            <>
              <h3>治理类街乡镇</h3>
              <p className="hint">规则：{data.specialGovernance.ruleText}</p>
              <p data-testid="governance">{data.specialGovernance.units.map((u) => u.unitName).join('、') || '本期无'}</p>
            </>
          )}
        </>
      )}
    </section>
  );
}
