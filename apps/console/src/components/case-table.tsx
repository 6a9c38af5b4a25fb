// The one table of cases every queue uses: number (opens the case), subject, category, urgency,
// status, lead unit, received, due; an optional column of row actions.
import { Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-router-dom';
import type { CaseSummary } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useReference } from '../reference';
import { StatusTag, UrgencyTag } from './case-tags';

export function CaseTable({ cases, loading, extra, pageSize = 10 }: { cases: CaseSummary[]; loading?: boolean; extra?: (c: CaseSummary) => ReactNode; pageSize?: number }) {
  const { t } = useI18n();
  const ref = useReference();
  useEffect(() => ref.loadUnits(cases.map((c) => c.leadUnitCode)), [cases, ref]);
  const hasClock = cases.some((c) => c.clock);
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
    columns.push({
      title: t('dueAt'),
      key: 'due',
      width: 140,
      render: (_: unknown, c) =>
        c.clock ? <span style={{ color: dayjs(c.clock.dueAt).isBefore(dayjs()) ? '#cf1322' : undefined }}>{dayjs(c.clock.dueAt).format('MM-DD HH:mm')}</span> : '—',
    });
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
    />
  );
}
