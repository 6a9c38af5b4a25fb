// 数据看板: the period's figures from the server's aggregates (GET /api/dashboard) for the user's
// scope or one unit in it — volume, open/finished, overdue now (the supervision board's count),
// status, categories, districts, urgency and the daily trend. Nothing is summed in the browser.
import { CONSOLE_ENDPOINTS, type ResponseOf } from '@jiesu/contracts';
import { type CaseStatus, type CaseUrgency } from '@jiesu/core';
import { Card, Col, DatePicker, Row, Space, Statistic, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Count } from '../../charts/aggregate';
import { statusPieOption, trendLineOption, volumeBarOption } from '../../charts/options';
import { Chart } from '../../components/chart';
import { UnitSelect } from '../../components/unit-select';
import { useReportError } from '../../components/use-report-error';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n/i18n';
import { statusLabel, URGENCY_LABELS } from '../../i18n/labels';
import { useReference } from '../../reference';

type Dashboard = ResponseOf<typeof CONSOLE_ENDPOINTS.dashboard>;
const counts = (rows: readonly { key: string; count: number }[], top?: number): Count[] => {
  const all = rows.map((r) => ({ key: r.key, value: r.count }));
  if (top === undefined || all.length <= top) return all;
  return [...all.slice(0, top), { key: 'other', value: all.slice(top).reduce((n, c) => n + c.value, 0) }];
};

export function DashboardPage() {
  const { t, pick, lang } = useI18n();
  const { me } = useAuth();
  const ref = useReference();
  const report = useReportError();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(29, 'day'), dayjs()]);
  const [unitCode, setUnitCode] = useState<string | undefined>(undefined);
  const [data, setData] = useState<Dashboard | null>(null);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  useEffect(() => {
    api
      .call(CONSOLE_ENDPOINTS.dashboard, { query: { from, to, ...(unitCode ? { unitCode } : {}) } })
      .then(setData)
      .catch((e: unknown) => report(e));
  }, [from, to, unitCode, report]);
  useEffect(() => {
    if (data) ref.loadUnits(data.byDistrict.map((d) => d.key));
  }, [data, ref]);
  const other = lang === 'zh' ? '其他' : 'other';

  return (
    <Card
      title={t('menuDashboard')}
      extra={
        <Space wrap>
          <DatePicker.RangePicker
            allowClear={false}
            value={range}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            aria-label={t('dashboardPeriod')}
            data-testid="dashboard-period"
          />
          {me && me.unitClass !== 'street' && me.unitClass !== 'community' && (
            <div style={{ width: 200 }}>
              <UnitSelect value={unitCode ?? null} onChange={(v) => setUnitCode(typeof v === 'string' ? v : undefined)} placeholder={t('dashboardScope')} />
            </div>
          )}
        </Space>
      }
    >
      {data && (
        <>
          <Row gutter={[16, 16]} className="jiesu-kpi" data-testid="dashboard-kpis">
            <Col xs={12} md={6}>
              <Statistic title={t('totalCases')} value={data.total} data-testid="kpi-total" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('openCases')} value={data.open} styles={{ content: { color: '#1677ff' } }} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('finishedCases')} value={data.finished} styles={{ content: { color: '#52c41a' } }} />
            </Col>
            <Col xs={12} md={6}>
              <Tooltip title={t('overdueNowHelp')}>
                <Statistic title={t('overdueNow')} value={data.overdueNow} styles={{ content: { color: '#cf1322' } }} data-testid="kpi-overdue" />
              </Tooltip>
            </Col>
          </Row>
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('trend')}</Typography.Title>
              <Chart
                option={trendLineOption(
                  data.trend.map((d) => ({ key: d.day, value: d.count })),
                  t('totalCases'),
                )}
                height={260}
              />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('statusMix')}</Typography.Title>
              <Chart option={statusPieOption(counts(data.byStatus), (k) => statusLabel(k as CaseStatus, lang))} height={260} />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('volumeByCategory')}</Typography.Title>
              <Chart option={volumeBarOption(counts(data.byCategory, 10), (k) => (k === 'other' ? other : ref.categoryName(k)), { horizontal: true })} height={300} />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('volumeByDistrict')}</Typography.Title>
              <Chart option={volumeBarOption(counts(data.byDistrict, 12), (k) => (k === 'other' ? other : k === '' ? '—' : ref.unitName(k)), { color: '#13c2c2' })} height={300} />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('urgency')}</Typography.Title>
              <Chart option={statusPieOption(counts(data.byUrgency), (k) => pick(URGENCY_LABELS[k as CaseUrgency], k))} height={240} />
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}
