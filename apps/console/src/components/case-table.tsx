// The one list of cases every queue uses: number (opens the case), subject, category, urgency,
// status, lead unit, received, the clock's countdown; an optional column of row actions and an
// optional selection for batch actions. On a phone (< 768 px) the rows become cards.
import { Card, Checkbox, Grid, List, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-router-dom';
import type { CaseSummary } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useReference } from '../reference';
import { StatusTag, UrgencyTag } from './case-tags';
import { Countdown } from './countdown';

export interface CaseSelection {
  selected: string[];
  onChange(ids: string[]): void;
  /** Rows that may be selected (e.g. only those that can be signed). */
  isSelectable?(c: CaseSummary): boolean;
}

export function CaseTable({
  cases,
  loading,
  extra,
  pageSize = 10,
  selection,
}: {
  cases: CaseSummary[];
  loading?: boolean;
  extra?: (c: CaseSummary) => ReactNode;
  pageSize?: number;
  selection?: CaseSelection;
}) {
  const { t } = useI18n();
  const ref = useReference();
  const isPhone = !Grid.useBreakpoint().md;
  useEffect(() => ref.loadUnits(cases.map((c) => c.leadUnitCode)), [cases, ref]);
  const hasClock = cases.some((c) => c.clock);

  if (isPhone) {
    const toggle = (id: string, on: boolean) => selection?.onChange(on ? [...selection.selected, id] : selection.selected.filter((s) => s !== id));
    return (
      <List<CaseSummary>
        loading={loading ?? false}
        dataSource={cases}
        locale={{ emptyText: t('empty') }}
        pagination={cases.length > pageSize ? { pageSize, size: 'small', align: 'center' } : false}
        renderItem={(c) => (
          <List.Item key={c.id} style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
            <Card size="small" style={{ width: '100%' }} data-testid="case-card" data-number={c.caseNumber}>
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
                  <Space size={6} align="start">
                    {selection && (selection.isSelectable?.(c) ?? true) && (
                      <Checkbox checked={selection.selected.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} data-testid="card-select" aria-label={c.caseNumber} />
                    )}
                    <Link to={`/cases/${c.id}`} style={{ fontWeight: 600 }}>
                      {c.caseNumber}
                    </Link>
                  </Space>
                  <StatusTag status={c.status} />
                </Space>
                <Typography.Text strong style={{ fontSize: 15 }}>
                  {c.isOverdue && <Tag color="red">{t('overdue')}</Tag>}
                  {c.subject}
                </Typography.Text>
                <Space size={4} wrap>
                  <UrgencyTag urgency={c.urgency} />
                  <Typography.Text type="secondary">{ref.categoryName(c.categoryCode)}</Typography.Text>
                  <Typography.Text type="secondary">· {dayjs(c.receivedAt).format('MM-DD HH:mm')}</Typography.Text>
                </Space>
                {c.clock && <Countdown dueAt={c.clock.dueAt} label={c.clock.name} />}
                {extra && <div style={{ display: 'flex', justifyContent: 'flex-end' }}>{extra(c)}</div>}
              </Space>
            </Card>
          </List.Item>
        )}
      />
    );
  }

  const columns: ColumnsType<CaseSummary> = [
    { title: t('caseNumber'), dataIndex: 'caseNumber', width: 150, render: (v: string, c) => <Link to={`/cases/${c.id}`}>{v}</Link> },
    {
      title: t('subject'),
      dataIndex: 'subject',
      ellipsis: true,
      render: (v: string, c) => (
        <span>
          {c.isOverdue && <Tag color="red">{t('overdue')}</Tag>}
          {c.hasPendingExtension && <Tag color="gold">{t('tabExtensions')}</Tag>}
          {v}
        </span>
      ),
    },
    {
      title: t('category'),
      dataIndex: 'categoryCode',
      width: 150,
      ellipsis: true,
      render: (v: string) => <Tooltip title={ref.categoryName(v, true)}>{ref.categoryName(v)}</Tooltip>,
    },
    { title: t('urgency'), dataIndex: 'urgency', width: 100, render: (v: string) => <UrgencyTag urgency={v} /> },
    { title: t('status'), dataIndex: 'status', width: 110, render: (v: string) => <StatusTag status={v} /> },
    { title: t('leadUnit'), dataIndex: 'leadUnitCode', width: 150, ellipsis: true, render: (v: string | null) => ref.unitName(v) },
    { title: t('receivedAt'), dataIndex: 'receivedAt', width: 140, render: (v: string) => dayjs(v).format('MM-DD HH:mm') },
  ];
  if (hasClock) {
    columns.push({ title: t('dueAt'), key: 'due', width: 190, render: (_: unknown, c) => (c.clock ? <Countdown dueAt={c.clock.dueAt} label={c.clock.name} /> : '—') });
  }
  if (extra) columns.push({ title: t('actions'), key: 'actions', width: 220, render: (_: unknown, c) => extra(c) });
  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={cases}
      loading={loading ?? false}
      pagination={cases.length > pageSize ? { pageSize } : false}
      locale={{ emptyText: t('empty') }}
      {...(selection
        ? {
            rowSelection: {
              selectedRowKeys: selection.selected,
              onChange: (keys) => selection.onChange(keys.map(String)),
              getCheckboxProps: (c: CaseSummary) => ({ disabled: !(selection.isSelectable?.(c) ?? true) }),
            },
          }
        : {})}
    />
  );
}
