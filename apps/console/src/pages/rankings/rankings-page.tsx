// 考核排名 and dashboards: a period's three-rate rankings per unit class (GET
// /api/scoring/periods/{period}/rankings — top/bottom lists, the three rates, sample size and the
// small-sample-aware Wilson order beside the official rank) and a CSV export with progress. The
// dashboard is its own screen (pages/dashboard), from server-side aggregates.
import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined, SyncOutlined } from '@ant-design/icons';
import type { MONTHLY_CLASSES, PeriodRankingsSchema } from '@jiesu/contracts';
import { evaluationPeriodKeyOf, shiftPeriodKey } from '@jiesu/core';
import { Alert, App, Button, Card, Col, Empty, Progress, Row, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Static } from 'typebox';
import { toApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { rankListOption, threeRatesOption } from '../../charts/options';
import { Chart } from '../../components/chart';
import { useReportError } from '../../components/use-report-error';
import { messageForError } from '../../i18n/error-messages';
import { useI18n } from '../../i18n/i18n';
import { UNIT_CLASS_LABELS } from '../../i18n/labels';

type Rankings = Static<typeof PeriodRankingsSchema>;
type RankRow = Rankings['classes'][number]['rows'][number];
type RankedClass = (typeof MONTHLY_CLASSES)[number];
const CLASSES: RankedClass[] = ['street', 'district', 'department', 'enterprise'];

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export function RankingsPage() {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <RankingsPanel />
    </Space>
  );
}

function RankingsPanel() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const current = useMemo(() => evaluationPeriodKeyOf(new Date()), []);
  const [period, setPeriod] = useState(current);
  const [unitClass, setUnitClass] = useState<RankedClass>('street');
  const [data, setData] = useState<Rankings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ label: string; percent: number } | null>(null);
  const report = useReportError();

  const load = useCallback(
    async (source?: 'live') => {
      setError(null);
      const ticker = source ? startTicker((p) => setProgress({ label: t('recomputing'), percent: p })) : null;
      try {
        setData(await api.get<Rankings>(`/api/scoring/periods/${period}/rankings`, { class: unitClass, source }));
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
    [period, unitClass, lang, t, message],
  );
  useEffect(() => void load(), [load]);

  const exportCsv = async () => {
    const stop = startTicker((p) => setProgress({ label: t('exporting'), percent: p }));
    try {
      const res = await fetch(`/api/scoring/periods/${period}/score-sheet?format=csv&class=${unitClass}`, { headers: { authorization: `Bearer ${api.token ?? ''}` } });
      if (!res.ok) throw new Error(String(res.status));
      const blob = await res.blob();
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `score-sheet-${period}-${unitClass}.csv`;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (e) {
      report(e);
    } finally {
      stop();
      setProgress(null);
    }
  };

  const cls = data?.classes.find((c) => c.unitClass === unitClass) ?? data?.classes[0];
  const rows = cls?.rows ?? [];
  const byCode = new Map(rows.map((r) => [r.unitCode, r]));
  const top = (cls?.top ?? []).map((c) => byCode.get(c)).filter((r): r is RankRow => !!r);
  const bottom = (cls?.bottom ?? []).map((c) => byCode.get(c)).filter((r): r is RankRow => !!r);
  const ranked = rows.filter((r) => r.sampleSize > 0);
  const periodOptions = Array.from({ length: 12 }, (_, i) => shiftPeriodKey(current, -i));
  const labels = { response: t('responseRate'), resolution: t('resolutionRate'), satisfaction: t('satisfactionRate'), composite: t('composite') };

  return (
    <Card
      title={t('rankingsTitle')}
      extra={
        <Space wrap>
          <Select value={period} onChange={setPeriod} options={periodOptions.map((p) => ({ value: p, label: p }))} style={{ width: 110 }} aria-label={t('period')} />
          <Segmented value={unitClass} onChange={(v) => setUnitClass(v as RankedClass)} options={CLASSES.map((c) => ({ value: c, label: pick(UNIT_CLASS_LABELS[c]) }))} />
          <Button icon={<SyncOutlined />} onClick={() => void load('live')} data-testid="recompute">
            {t('recompute')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void exportCsv()}>
            {t('export')}
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
            {data.source === 'published' ? (lang === 'zh' ? `已发布 v${data.version ?? ''}` : `published v${data.version ?? ''}`) : lang === 'zh' ? '实时计算' : 'live'}
          </Tag>
          {cls && `${lang === 'zh' ? '权重' : 'weights'} ${cls.weights.response}/${cls.weights.resolution}/${cls.weights.satisfaction}`}
        </Typography.Paragraph>
      )}
      {data && ranked.length === 0 && <Empty description={t('empty')} />}
      {ranked.length > 0 && (
        <>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('top10')}</Typography.Title>
              <Chart option={rankListOption(top.length ? top : ranked.slice(0, 10), 'top')} height={Math.max(160, 34 * Math.min(10, top.length || ranked.length) + 40)} />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('bottom10')}</Typography.Title>
              {bottom.length ? (
                <Chart option={rankListOption(bottom, 'bottom')} height={Math.max(160, 34 * bottom.length + 40)} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
              )}
            </Col>
          </Row>
          <Typography.Title level={5}>{lang === 'zh' ? '三率对比' : 'Three rates'}</Typography.Title>
          <Chart option={threeRatesOption(ranked.slice(0, 12), labels)} height={300} />
        </>
      )}
      <Table<RankRow>
        rowKey="unitCode"
        size="small"
        dataSource={ranked}
        pagination={ranked.length > 15 ? { pageSize: 15 } : false}
        locale={{ emptyText: t('empty') }}
        data-testid="rankings-table"
        columns={[
          { title: '#', dataIndex: 'rank', width: 60, render: (v: number | null) => v ?? '—' },
          {
            title: t('unit'),
            dataIndex: 'unitName',
            render: (v: string, r) => (
              <span data-unit={r.unitCode}>
                {v} {r.isTop && <Tag color="green">TOP</Tag>}
                {r.isBottom && <Tag color="red">BOTTOM</Tag>}
              </span>
            ),
          },
          { title: t('composite'), dataIndex: 'composite', width: 100, render: (v: number | null) => <b>{pct(v)}</b> },
          { title: t('responseRate'), dataIndex: 'responseRate', width: 90, render: pct },
          { title: t('resolutionRate'), dataIndex: 'resolutionRate', width: 90, render: pct },
          { title: t('satisfactionRate'), dataIndex: 'satisfactionRate', width: 90, render: pct },
          { title: t('sampleSize'), dataIndex: 'sampleSize', width: 100 },
          {
            title: <Tooltip title="Wilson lower bound">{t('wilson')}</Tooltip>,
            dataIndex: 'wilsonRank',
            width: 110,
            render: (v: number | null, r) => (v === null ? '—' : `#${v} · ${pct(r.wilsonComposite)}`),
          },
          {
            title: lang === 'zh' ? '较上期' : 'vs last',
            key: 'trend',
            width: 90,
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
    </Card>
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
