// 考核排名 and dashboards: a period's three-rate rankings per ranking class (考核类别 — district
// departments per district), with the units below the class's minimum sample listed apart
// (不参与排名, n < k), the published top/bottom and the tie at their cut in words, the
// small-sample-aware Wilson order beside the official one, 诉求量 and 千人诉求量, the most-improved
// and special-governance lists; the 成绩单 as Excel, CSV or a printable page. The dashboard is its
// own screen (pages/dashboard), from server-side aggregates.
import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined, PrinterOutlined, SyncOutlined } from '@ant-design/icons';
import { type ResponseOf, SCORING_ENDPOINTS } from '@jiesu/contracts';
import { evaluationPeriodKeyOf, shiftPeriodKey } from '@jiesu/core';
import { Alert, App, Button, Card, Col, Empty, List, Progress, Row, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { toApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { rankListOption, threeRatesOption } from '../../charts/options';
import { Chart } from '../../components/chart';
import { useReportError } from '../../components/use-report-error';
import { messageForError } from '../../i18n/error-messages';
import { useI18n } from '../../i18n/i18n';

type Rankings = ResponseOf<typeof SCORING_ENDPOINTS.rankings>;
type ClassView = Rankings['classes'][number];
/** The contracts' RankingRow, as JSON carries it. */
type RankRow = ClassView['rows'][number];
type Boundary = ClassView['topBoundary'];
type ScoringSettings = ResponseOf<typeof SCORING_ENDPOINTS.settings>;

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const perK = (v: number | null) => (v === null ? '—' : v.toFixed(2));

export function RankingsPage() {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <RankingsPanel />
    </Space>
  );
}

/** The tie at a list's cut, in words (the tie rule: other score, then valid visits; equal on all → all listed). */
function boundaryText(b: Boundary, which: 'top' | 'bottom', names: Map<string, string>, zh: boolean): string | null {
  if (b === null) return null;
  const n = (codes: string[]) => codes.map((c) => names.get(c) ?? c).join(zh ? '、' : ', ');
  const score = (b.score * 100).toFixed(2);
  if (zh) {
    return `${which === 'top' ? '前' : '后'}${b.place}名边界并列：${n(b.tied)}综合得分同为${score}分（并列第${b.rank}名），依次按另一得分、有效回访量区分，列入${n(b.listed)}${b.left.length ? `；${n(b.left)}未列入` : ''}。`;
  }
  return `Tie at the ${which} ${b.place} cut: ${n(b.tied)} share rank ${b.rank} at ${score}; the tie-break (the other score, then valid visits) lists ${n(b.listed)}${b.left.length ? ` and leaves out ${n(b.left)}` : ''}.`;
}

async function download(url: string, fileName: string): Promise<void> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${api.token ?? ''}` } });
  if (!res.ok) throw new Error(String(res.status));
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(a.href);
}

function RankingsPanel() {
  const { t, lang } = useI18n();
  const zh = lang === 'zh';
  const { message } = App.useApp();
  const current = useMemo(() => evaluationPeriodKeyOf(new Date()), []);
  const [period, setPeriod] = useState(current);
  const [classKey, setClassKey] = useState('street');
  const [district, setDistrict] = useState<string | null>(null);
  const [settings, setSettings] = useState<ScoringSettings | null>(null);
  const [data, setData] = useState<Rankings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ label: string; percent: number } | null>(null);
  const report = useReportError();

  useEffect(() => {
    api.call(SCORING_ENDPOINTS.settings, {}).then(setSettings, (e: unknown) => report(e));
  }, [report]);

  const load = useCallback(
    async (source?: 'live') => {
      setError(null);
      const ticker = source ? startTicker((p) => setProgress({ label: t('recomputing'), percent: p })) : null;
      try {
        setData(await api.call(SCORING_ENDPOINTS.rankings, { params: { period }, query: { class: classKey, ...(source ? { source } : {}) } }));
        if (source) void message.success(t('done'));
      } catch (e) {
        const err = toApiError(e);
        setData(null);
        setError(err.code === 'NOT_FOUND' ? t('rankingsUnavailable') : messageForError(err, lang));
      } finally {
        ticker?.();
        setProgress(null);
      }
    },
    [period, classKey, lang, t, message],
  );
  useEffect(() => void load(), [load]);

  const sheetUrl = (format: 'xlsx' | 'csv' | 'html') => {
    const q = new URLSearchParams({ format, class: classKey });
    if (cls?.groupCode) q.set('district', cls.groupCode);
    return `/api/scoring/periods/${period}/score-sheet?${q.toString()}`;
  };
  const exportSheet = async (format: 'xlsx' | 'csv') => {
    const stop = startTicker((p) => setProgress({ label: t('exporting'), percent: p }));
    try {
      await download(sheetUrl(format), `成绩单-${period}-${classKey}${cls?.groupCode ? `-${cls.groupCode}` : ''}.${format}`);
    } catch (e) {
      report(e);
    } finally {
      stop();
      setProgress(null);
    }
  };
  const printSheet = async () => {
    try {
      const res = await fetch(sheetUrl('html'), { headers: { authorization: `Bearer ${api.token ?? ''}` } });
      if (!res.ok) throw new Error(String(res.status));
      // Written into a window we open (not a blob: URL), so the page's script path resolves
      // against our origin and the CSP lets its 打印 button work.
      const html = await res.text();
      const w = window.open('', '_blank');
      if (!w) throw new Error(t('popupBlocked'));
      w.document.open();
      w.document.write(html);
      w.document.close();
    } catch (e) {
      report(e);
    }
  };

  const groups = data?.classes.filter((c) => c.classKey === classKey) ?? [];
  const cls: ClassView | undefined = groups.find((c) => c.groupCode === district) ?? groups.find((g) => g.rows.some((r) => r.rank !== null)) ?? groups[0];
  const rows = cls?.rows ?? [];
  const byCode = new Map(rows.map((r) => [r.unitCode, r]));
  const names = new Map(rows.map((r) => [r.unitCode, r.unitName]));
  const top = (cls?.top ?? []).map((c) => byCode.get(c)).filter((r): r is RankRow => !!r);
  const bottom = (cls?.bottom ?? []).map((c) => byCode.get(c)).filter((r): r is RankRow => !!r);
  const ranked = rows.filter((r) => r.rank !== null);
  const belowMin = rows.filter((r) => r.unrankedReason === 'below_min_sample');
  const periodOptions = Array.from({ length: 12 }, (_, i) => shiftPeriodKey(current, -i));
  const labels = { response: t('responseRate'), resolution: t('resolutionRate'), satisfaction: t('satisfactionRate'), composite: t('composite') };
  const n = data?.policy.publishCount ?? 10;
  const notes = cls ? [boundaryText(cls.topBoundary, 'top', names, zh), boundaryText(cls.bottomBoundary, 'bottom', names, zh)].filter((x): x is string => x !== null) : [];
  const classOptions = (settings?.rankingClasses ?? []).map((c) => ({ value: c.key, label: zh ? c.label : c.key.replace(/_/g, ' ') }));
  const governed = data && cls && data.specialGovernance.classKey === cls.classKey && cls.groupCode === null ? data.specialGovernance : null;

  return (
    <Card
      title={t('rankingsTitle')}
      extra={
        <Space wrap>
          <Select value={period} onChange={setPeriod} options={periodOptions.map((p) => ({ value: p, label: p }))} style={{ width: 110 }} aria-label={t('period')} />
          <Segmented
            value={classKey}
            onChange={(v) => {
              setClassKey(String(v));
              setDistrict(null);
            }}
            options={classOptions.length ? classOptions : [{ value: 'street', label: zh ? '街乡镇' : 'street' }]}
            data-testid="ranking-class"
          />
          {groups.length > 1 && (
            <Select
              value={cls?.groupCode ?? null}
              onChange={setDistrict}
              options={groups.map((g) => ({ value: g.groupCode, label: g.groupName ?? g.groupCode }))}
              style={{ width: 120 }}
              aria-label={zh ? '区' : 'district'}
              data-testid="ranking-district"
            />
          )}
          <Button icon={<SyncOutlined />} onClick={() => void load('live')} data-testid="recompute">
            {t('recompute')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void exportSheet('xlsx')} data-testid="export-xlsx">
            {zh ? '成绩单（Excel）' : 'Score sheet (Excel)'}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void exportSheet('csv')}>
            CSV
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => void printSheet()}>
            {zh ? '打印' : 'Print'}
          </Button>
        </Space>
      }
    >
      {progress && <Progress percent={progress.percent} status="active" format={() => progress.label} style={{ marginBottom: 12 }} />}
      {error && <Alert type="info" showIcon title={error} style={{ marginBottom: 12 }} />}
      {data && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('period')} {data.periodKey}: {data.period.firstDay} ~ {data.period.lastDay} ·{' '}
          <Tag color={data.source === 'published' ? 'green' : 'blue'}>
            {data.source === 'published' ? (zh ? `已发布 v${data.version ?? ''}` : `published v${data.version ?? ''}`) : zh ? '实时计算' : 'live'}
          </Tag>
          {cls && `${zh ? '权重' : 'weights'} ${cls.weights.response}/${cls.weights.resolution}/${cls.weights.satisfaction}`}
          {cls &&
            (zh
              ? ` · 有效回访不少于 ${cls.minSampleSize} 件参与排名 · 按${cls.officialOrder === 'wilson' ? '小样本修正得分' : '综合得分'}排序 · 参与排名 ${ranked.length} 个，不参与 ${rows.length - ranked.length} 个`
              : ` · ranked with ≥ ${cls.minSampleSize} valid visits · ordered by ${cls.officialOrder} · ${ranked.length} ranked, ${rows.length - ranked.length} not`)}
        </Typography.Paragraph>
      )}
      {notes.map((note) => (
        <Alert key={note} type="warning" showIcon title={note} style={{ marginBottom: 8 }} data-testid="tie-note" />
      ))}
      {data && ranked.length === 0 && <Empty description={t('empty')} />}
      {ranked.length > 0 && (
        <>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{zh ? `前${n}名` : `Top ${n}`}</Typography.Title>
              <Chart option={rankListOption(top, 'top')} height={Math.max(160, 34 * top.length + 40)} />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{zh ? `后${n}名` : `Bottom ${n}`}</Typography.Title>
              {bottom.length ? (
                <Chart option={rankListOption(bottom, 'bottom')} height={Math.max(160, 34 * bottom.length + 40)} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
              )}
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{zh ? '进步较快' : 'Most improved'}</Typography.Title>
              <List
                size="small"
                data-testid="improved-list"
                locale={{ emptyText: zh ? '本期无' : 'none this period' }}
                dataSource={cls?.improved ?? []}
                renderItem={(e) => (
                  <List.Item>
                    {names.get(e.unitCode) ?? e.unitCode}：
                    {zh ? `上升 ${e.rankChange} 位，+${(e.compositeDelta * 100).toFixed(2)} 分` : `+${e.rankChange} places, +${(e.compositeDelta * 100).toFixed(2)}`}
                  </List.Item>
                )}
              />
            </Col>
            {governed && (
              <Col xs={24} lg={12}>
                <Typography.Title level={5}>{zh ? '治理类' : 'Special governance'}</Typography.Title>
                <Typography.Paragraph type="secondary">{governed.ruleText}</Typography.Paragraph>
                <List
                  size="small"
                  data-testid="governance-list"
                  locale={{ emptyText: zh ? '本期无' : 'none this period' }}
                  dataSource={governed.units}
                  renderItem={(u) => <List.Item>{u.unitName}</List.Item>}
                />
              </Col>
            )}
          </Row>
          <Typography.Title level={5}>{zh ? '三率对比' : 'Three rates'}</Typography.Title>
          <Chart option={threeRatesOption(ranked.slice(0, 12), labels)} height={300} />
        </>
      )}
      <RowsTable rows={ranked} n={n} testId="rankings-table" />
      {belowMin.length > 0 && (
        <>
          <Typography.Title level={5} data-testid="unranked-title">
            {zh ? `不参与排名（有效回访 n < ${cls?.minSampleSize ?? ''}）· ${belowMin.length} 个单位` : `Not ranked (n < ${cls?.minSampleSize ?? ''}) · ${belowMin.length} units`}
          </Typography.Title>
          <RowsTable rows={belowMin} n={n} testId="unranked-table" />
        </>
      )}
    </Card>
  );
}

function RowsTable({ rows, n, testId }: { rows: RankRow[]; n: number; testId: string }) {
  const { t, lang } = useI18n();
  const zh = lang === 'zh';
  return (
    <Table<RankRow>
      rowKey="unitCode"
      size="small"
      dataSource={rows}
      pagination={rows.length > 15 ? { pageSize: 15 } : false}
      locale={{ emptyText: t('empty') }}
      data-testid={testId}
      scroll={{ x: 1100 }}
      columns={[
        { title: '#', dataIndex: 'rank', width: 56, render: (v: number | null) => v ?? '—' },
        {
          title: t('unit'),
          dataIndex: 'unitName',
          render: (v: string, r) => (
            <span data-unit={r.unitCode}>
              {v} {r.isTop && <Tag color="green">{zh ? `前${n}` : `top ${n}`}</Tag>}
              {r.isBottom && <Tag color="red">{zh ? `后${n}` : `bottom ${n}`}</Tag>}
              {r.isImproved && <Tag color="cyan">{zh ? '进步较快' : 'improved'}</Tag>}
              {r.isSpecialGovernance && <Tag color="orange">{zh ? '治理类' : 'governance'}</Tag>}
              {r.unrankedReason === 'below_min_sample' && <Tag>{zh ? '样本不足' : 'too few visits'}</Tag>}
            </span>
          ),
        },
        { title: t('composite'), dataIndex: 'composite', width: 90, render: (v: number | null) => <b>{pct(v)}</b> },
        { title: t('responseRate'), dataIndex: 'responseRate', width: 80, render: pct },
        { title: t('resolutionRate'), dataIndex: 'resolutionRate', width: 80, render: pct },
        { title: t('satisfactionRate'), dataIndex: 'satisfactionRate', width: 80, render: pct },
        { title: t('sampleSize'), dataIndex: 'sampleSize', width: 90 },
        {
          title: <Tooltip title="Wilson lower bound">{t('wilson')}</Tooltip>,
          dataIndex: 'wilsonRank',
          width: 110,
          render: (v: number | null, r) => (v === null ? pct(r.wilsonComposite) : `#${v} · ${pct(r.wilsonComposite)}`),
        },
        { title: zh ? '诉求量' : 'Requests', dataIndex: 'requests', width: 80 },
        { title: zh ? '千人诉求量' : 'Per 1,000', dataIndex: 'requestsPerThousand', width: 90, render: perK },
        {
          title: zh ? '较上期' : 'vs last',
          key: 'trend',
          width: 80,
          render: (_: unknown, r) =>
            r.trend?.rankChange ? (
              r.trend.rankChange > 0 ? (
                <Tag color="green" icon={<ArrowUpOutlined />}>
                  {r.trend.rankChange}
                </Tag>
              ) : (
                <Tag color="red" icon={<ArrowDownOutlined />}>
                  {-r.trend.rankChange}
                </Tag>
              )
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

/** Advances a progress bar while a long request runs; returns a stop function. */
function startTicker(set: (percent: number) => void): () => void {
  let p = 5;
  set(p);
  const h = setInterval(() => {
    p = Math.min(95, p + Math.max(1, Math.round((95 - p) / 6)));
    set(p);
  }, 200);
  return () => clearInterval(h);
}
