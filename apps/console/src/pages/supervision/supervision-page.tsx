// 督办催办: the overdue board — running clocks past or near their deadline, by unit (bar chart)
// and one by one, with remind (催办) and escalate (督办) buttons and a "run the sweep now" button;
// below, the work items marked overdue (their buttons come from the server, in the item's drawer).
import { AlertOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, InputNumber, Progress, Row, Space, Table, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { CASE_ENDPOINTS, QUEUE_ENDPOINTS } from '@jiesu/contracts';
import type { OverdueBoard, OverdueClockRow, SweepResult } from '../../api/types';
import { overdueByUnitOption } from '../../charts/options';
import { performCaseAction } from '../../components/case-action-modal';
import { StatusTag } from '../../components/case-tags';
import { Chart } from '../../components/chart';
import { useReportError } from '../../components/use-report-error';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n/i18n';
import { clockLabel } from '../../i18n/labels';
import { useReference } from '../../reference';
import { WorkItemList } from '../work-items/WorkItemList';
import { OPEN_WORK_ITEM_STATUSES } from '@jiesu/core';

export function SupervisionPage() {
  const { t, lang } = useI18n();
  const { hasRole } = useAuth();
  const ref = useReference();
  const { message } = App.useApp();
  const [board, setBoard] = useState<OverdueBoard | null>(null);
  const [nearHours, setNearHours] = useState(24);
  const [sweep, setSweep] = useState<{ running: boolean; result: SweepResult | null }>({ running: false, result: null });
  const report = useReportError();
  const load = useCallback(() => {
    api
      .call(QUEUE_ENDPOINTS.overdue, { query: { nearHours } })
      .then(setBoard)
      .catch((e: unknown) => report(e, load));
  }, [nearHours, report]);
  useEffect(load, [load]);
  useEffect(() => {
    if (board) ref.loadUnits(board.clocks.map((c) => c.ownerUnitCode));
  }, [board, ref]);

  const runSweep = async () => {
    setSweep({ running: true, result: null });
    try {
      const r = await api.call(QUEUE_ENDPOINTS.sweep, {});
      setSweep({ running: false, result: r });
      load();
    } catch (e) {
      setSweep({ running: false, result: null });
      report(e, load);
    }
  };

  const act = async (row: OverdueClockRow, action: 'remind' | 'escalate') => {
    try {
      const c = await api.call(CASE_ENDPOINTS.get, { params: { id: row.caseId } });
      await performCaseAction(row.caseId, action, { expectedVersion: c.version, clockKey: row.clockKey });
      void message.success(`${row.caseNumber} · ${t(action)} · ${t('done')}`);
      load();
    } catch (e) {
      report(e, load);
    }
  };

  const isSupervisor = hasRole('supervisor', 'administrator');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <AlertOutlined style={{ color: '#c8102e' }} />
            {t('overdueBoard')}
          </Space>
        }
        extra={
          <Space>
            <span>{t('nearDue')} ≤</span>
            <InputNumber min={1} max={720} value={nearHours} onChange={(v) => setNearHours(v ?? 24)} suffix={t('hours')} style={{ width: 120 }} />
            {isSupervisor && (
              <Button type="primary" icon={<ThunderboltOutlined />} loading={sweep.running} onClick={() => void runSweep()}>
                {t('runSweep')}
              </Button>
            )}
          </Space>
        }
      >
        {sweep.running && <Progress percent={60} status="active" showInfo={false} />}
        {sweep.result && (
          <Descriptions size="small" title={t('sweepDone')} column={4} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('examined')}>{sweep.result.casesExamined}</Descriptions.Item>
            <Descriptions.Item label={t('reminded')}>{sweep.result.reminded}</Descriptions.Item>
            <Descriptions.Item label={t('escalated')}>{sweep.result.escalated}</Descriptions.Item>
            <Descriptions.Item label="skipped">{sweep.result.skippedLocked}</Descriptions.Item>
            <Descriptions.Item label={`${t('workItems')} · ${t('reminded')}`}>{sweep.result.workItems.reminded}</Descriptions.Item>
            <Descriptions.Item label={`${t('workItems')} · ${t('escalated')}`}>{sweep.result.workItems.escalated}</Descriptions.Item>
          </Descriptions>
        )}
        <Row gutter={16}>
          <Col span={24} style={{ marginBottom: 16 }}>
            <Card size="small" title={t('byUnit')}>
              {board && board.units.length > 0 ? (
                <Chart option={overdueByUnitOption(board.units, { overdue: t('overdue'), nearDue: t('nearDue') })} height={Math.max(220, board.units.length * 36 + 60)} />
              ) : (
                <div style={{ padding: 40, textAlign: 'center', color: '#999' }}>{t('empty')}</div>
              )}
            </Card>
          </Col>
          <Col span={24}>
            <Table<OverdueClockRow>
              rowKey={(r) => `${r.caseId}:${r.clockKey}`}
              size="small"
              dataSource={board?.clocks ?? []}
              loading={board === null}
              pagination={(board?.clocks.length ?? 0) > 12 ? { pageSize: 12 } : false}
              locale={{ emptyText: t('empty') }}
              columns={[
                { title: t('caseNumber'), dataIndex: 'caseNumber', width: 150, render: (v: string, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link> },
                { title: t('subject'), dataIndex: 'subject', ellipsis: true },
                { title: t('status'), dataIndex: 'status', width: 100, render: (v: string) => <StatusTag status={v} /> },
                { title: t('clock'), dataIndex: 'clockName', width: 100, render: (v: string) => clockLabel(v, lang) },
                { title: t('unit'), dataIndex: 'ownerUnitCode', width: 130, ellipsis: true, render: (v: string) => ref.unitName(v) },
                {
                  title: t('dueAt'),
                  dataIndex: 'dueAt',
                  width: 150,
                  render: (v: string, r) => (
                    <Space size={4}>
                      <span>{dayjs(v).format('MM-DD HH:mm')}</span>
                      {r.isOverdue ? <Tag color="red">{t('overdue')}</Tag> : <Tag color="gold">{t('nearDue')}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: t('actions'),
                  key: 'a',
                  width: 150,
                  render: (_: unknown, r) =>
                    isSupervisor ? (
                      <Space size={4}>
                        {/* A greyed button says why (hover or tap). */}
                        <Tooltip title={r.remindedAt ? t('whyRemindedAlready') : undefined}>
                          <Button size="small" disabled={!!r.remindedAt} onClick={() => void act(r, 'remind')}>
                            {t('remind')}
                          </Button>
                        </Tooltip>
                        <Tooltip title={r.escalatedAt ? t('whyEscalatedAlready') : !r.isOverdue ? t('whyNotOverdueYet') : undefined}>
                          <Button size="small" danger disabled={!!r.escalatedAt || !r.isOverdue} onClick={() => void act(r, 'escalate')} data-testid="row-escalate">
                            {t('escalate')}
                          </Button>
                        </Tooltip>
                      </Space>
                    ) : null,
                },
              ]}
            />
          </Col>
        </Row>
      </Card>
      <Card title={`${t('workItems')} · ${t('overdue')}`} size="small">
        <WorkItemList isOverdue status={OPEN_WORK_ITEM_STATUSES} pageSize={10} />
      </Card>
    </Space>
  );
}
