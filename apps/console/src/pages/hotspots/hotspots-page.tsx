// 热点发现 (analysts, the centre): mine a month's cases into groups about one problem, ranked by the
// published formula (frequency, spread, growth, difficulty); a group's detail shows its trend, the
// areas it spans and representative cases. The centre selects candidates for 每月一题 from here.
import { Alert, App, Button, Card, Descriptions, Drawer, Input, Space, Table, Tag, Typography } from 'antd';
import { HOTSPOT_ENDPOINTS, type ResponseOf } from '@jiesu/contracts';
import { useCallback, useEffect, useState } from 'react';
import { toApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { trendLineOption, volumeBarOption } from '../../charts/options';
import { Chart } from '../../components/chart';
import { useI18n } from '../../i18n/i18n';

const E = HOTSPOT_ENDPOINTS;
export type HotspotGroup = ResponseOf<typeof E.list>['groups'][number];
type HotspotList = ResponseOf<typeof E.list>;
type GroupDetail = ResponseOf<typeof E.group>;

const pct = (x: number) => `${Math.round(x * 100)}%`;

function previousMonth(): string {
  const d = new Date();
  const m = d.getMonth() === 0 ? 12 : d.getMonth();
  return `${d.getMonth() === 0 ? d.getFullYear() - 1 : d.getFullYear()}-${String(m).padStart(2, '0')}`;
}

export function HotspotsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [month, setMonth] = useState(previousMonth());
  const [list, setList] = useState<HotspotList | null>(null);
  const [busy, setBusy] = useState(false);
  const [detail, setDetail] = useState<GroupDetail | null>(null);

  const load = useCallback(async () => {
    try {
      setList(await api.call(E.list, { query: { limit: 50 } }));
    } catch (e) {
      const err = toApiError(e);
      if (err.code !== 'NOT_FOUND') void message.error(err.message);
    }
  }, [message]);
  useEffect(() => {
    void load();
  }, [load]);

  const compute = async () => {
    setBusy(true);
    try {
      await api.call(E.compute, { body: { month } });
      await load();
    } catch (e) {
      void message.error(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const open = async (id: string) => {
    try {
      setDetail(await api.call(E.group, { params: { id } }));
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('hotspotsTitle')}>
        <Space wrap>
          <Input aria-label={t('hotspotsMonth')} value={month} onChange={(e) => setMonth(e.target.value)} style={{ width: 120 }} placeholder="2026-11" />
          <Button type="primary" loading={busy} onClick={() => void compute()}>
            {t('hotspotsCompute')}
          </Button>
          {list && (
            <Typography.Text type="secondary">
              {list.run.options.label} · {list.run.caseCount} {t('hotspotsCases')} · {list.run.groupCount} {t('hotspotsGroups')}
            </Typography.Text>
          )}
        </Space>
        {list && (
          <Alert style={{ marginTop: 12 }} type="info" showIcon message={t('hotspotsFormula')} description={<code style={{ whiteSpace: 'pre-wrap' }}>{list.formula}</code>} />
        )}
      </Card>
      <Card>
        <Table<HotspotGroup>
          rowKey="id"
          size="small"
          dataSource={list?.groups ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          onRow={(g) => ({ onClick: () => void open(g.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: '#', dataIndex: 'rank', width: 50 },
            { title: t('hotspotsScore'), dataIndex: 'score', width: 70, render: (v: number) => v.toFixed(1) },
            { title: t('hotspotsWords'), dataIndex: 'topWords', render: (w: string[]) => w.slice(0, 6).map((x) => <Tag key={x}>{x}</Tag>) },
            { title: t('hotspotsSize'), dataIndex: 'size', width: 70 },
            { title: t('hotspotsRequesters'), render: (_, g) => g.metrics.requesters, width: 80 },
            { title: t('hotspotsStreets'), render: (_, g) => g.metrics.streets, width: 70 },
            { title: t('hotspotsGrowth'), render: (_, g) => `×${g.metrics.growth}`, width: 80 },
            { title: t('hotspotsHard'), render: (_, g) => `${pct(g.metrics.unresolvedShare)} / ${pct(g.metrics.dissatisfiedShare)} / ${pct(g.metrics.repeatShare)}`, width: 150 },
          ]}
        />
      </Card>
      <Drawer open={detail !== null} onClose={() => setDetail(null)} width={720} title={detail ? `#${detail.group.rank} ${detail.group.topWords.slice(0, 4).join(' ')}` : ''}>
        {detail && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('hotspotsSize')}>
                {detail.group.size} ({t('hotspotsAttached')} {detail.group.attachedCount})
              </Descriptions.Item>
              <Descriptions.Item label={t('hotspotsRequesters')}>{detail.group.metrics.requesters}</Descriptions.Item>
              <Descriptions.Item label={t('hotspotsStreets')}>
                {detail.group.metrics.streets} / {detail.group.metrics.communities}
              </Descriptions.Item>
              <Descriptions.Item label={t('hotspotsGrowth')}>
                ×{detail.group.metrics.growth} ({detail.group.metrics.previousSizes.join(' → ')} → {detail.group.size})
              </Descriptions.Item>
              <Descriptions.Item label="F / S / G / D" span={2}>
                {detail.group.signals.frequency} / {detail.group.signals.spread} / {detail.group.signals.growth} / {detail.group.signals.difficulty}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>{t('hotspotsTrend')}</Typography.Title>
            <Chart
              option={trendLineOption(
                detail.trend.map((d) => ({ key: d.day, value: d.count })),
                t('hotspotsSize'),
              )}
              height={220}
            />
            <Typography.Title level={5}>{t('hotspotsAreas')}</Typography.Title>
            <Chart
              option={volumeBarOption(
                detail.byStreet.slice(0, 12).map((s) => ({ key: s.code, value: s.count })),
                (k) => detail.byStreet.find((s) => s.code === k)?.name ?? k,
                { horizontal: true },
              )}
              height={300}
            />
            <Typography.Title level={5}>{t('hotspotsExamples')}</Typography.Title>
            <ul>
              {detail.representativeCases.map((c) => (
                <li key={c.caseId}>
                  <a href={`/cases/${c.caseId}`}>{c.caseNumber}</a> {c.subject}
                </li>
              ))}
            </ul>
          </Space>
        )}
      </Drawer>
    </Space>
  );
}
