// 审计日志: who did what to which record — administrative edits, unmasked views of a requester's
// identity, exemptions — for administrators and supervisors, entries by actors of their unit
// subtree (GET /api/audit). A period (default the last 30 days) and filters; newest first, more
// by keyset ("load more" continues after the last row).
import { AUDIT_ENDPOINTS, type ResponseOf } from '@jiesu/contracts';
import { Button, Card, DatePicker, Input, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';

type AuditPage = ResponseOf<typeof AUDIT_ENDPOINTS.list>;
type AuditItem = AuditPage['items'][number];

export function AuditPage() {
  const { t } = useI18n();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(30, 'day').startOf('day'), dayjs().add(1, 'day').startOf('day')]);
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [targetId, setTargetId] = useState('');
  const [items, setItems] = useState<AuditItem[]>([]);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [loading, setLoading] = useState(false);
  const report = useReportError();

  const fetchPage = useCallback(
    (cursor: string | null) => {
      setLoading(true);
      const query = {
        from: range[0].toISOString(),
        to: range[1].toISOString(),
        limit: 50,
        ...(action.trim() ? { action: action.trim() } : {}),
        ...(actor.trim() ? { actor: actor.trim() } : {}),
        ...(targetId.trim() ? { targetId: targetId.trim() } : {}),
        ...(cursor ? { cursor } : {}),
      };
      api
        .call(AUDIT_ENDPOINTS.list, { query })
        .then((r) => {
          setItems((prev) => (cursor ? [...prev, ...r.items] : r.items));
          setPage(r);
        })
        .catch((e: unknown) => report(e))
        .finally(() => setLoading(false));
    },
    [range, action, actor, targetId, report],
  );
  useEffect(() => fetchPage(null), [fetchPage]);

  return (
    <Card title={t('menuAudit')} size="small" data-testid="audit-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          aria-label={t('auditWindow')}
          value={range}
          allowClear={false}
          onChange={(v) => {
            if (v?.[0] && v[1]) setRange([v[0].startOf('day'), v[1].add(1, 'day').startOf('day')]);
          }}
        />
        <Input.Search placeholder={t('auditAction')} allowClear style={{ width: 200 }} onSearch={setAction} data-testid="audit-action" />
        <Input.Search placeholder={t('auditActor')} allowClear style={{ width: 160 }} onSearch={setActor} />
        <Input.Search placeholder={t('auditTarget')} allowClear style={{ width: 240 }} onSearch={setTargetId} />
      </Space>
      {page && <Typography.Text type="secondary">{t(page.totalExact ? 'auditTotal' : 'auditTotalAbout').replace('{n}', page.total.toLocaleString())}</Typography.Text>}
      <Table<AuditItem>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="audit-table"
        columns={[
          { title: t('auditWindow'), dataIndex: 'at', width: 150, render: (v: AuditItem['at']) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
          { title: t('auditActor'), dataIndex: 'actorUsername', width: 140, render: (v: string | null) => v ?? t('auditSystem') },
          { title: t('auditAction'), dataIndex: 'action', width: 190 },
          { title: t('auditTarget'), key: 'target', render: (_: unknown, r) => `${r.targetType} · ${r.targetId}` },
          {
            title: t('auditData'),
            dataIndex: 'data',
            render: (v: AuditItem['data']) => <Typography.Text style={{ fontSize: 12 }}>{Object.keys(v).length > 0 ? JSON.stringify(v) : ''}</Typography.Text>,
          },
        ]}
      />
      {page?.nextCursor ? (
        <Button block onClick={() => fetchPage(page.nextCursor)} loading={loading} style={{ marginTop: 12 }} data-testid="audit-more">
          {t('workItemLoadMore')}
        </Button>
      ) : null}
    </Card>
  );
}
