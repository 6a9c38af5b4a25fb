// 工单查询: search the cases in the user's scope by text (case number, its last digits, phone,
// address or words — the server ranks), status, urgency and overdue; keyset pages ("load more").
import { CASE_ENDPOINTS, type ResponseOf } from '@jiesu/contracts';
import { CASE_STATUSES, CASE_URGENCIES, type CaseStatus } from '@jiesu/core';
import { Button, Card, Checkbox, Input, Select, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { CaseSummary } from '../../api/types';
import { CaseTable } from '../../components/case-table';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { statusLabel, URGENCY_LABELS } from '../../i18n/labels';

type ListPage = ResponseOf<typeof CASE_ENDPOINTS.list>;
const PAGE = 50;

export function CaseSearchPage() {
  const { t, pick, lang } = useI18n();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<CaseStatus[]>([]);
  const [urgency, setUrgency] = useState<(typeof CASE_URGENCIES)[number] | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [items, setItems] = useState<CaseSummary[]>([]);
  const [page, setPage] = useState<ListPage | null>(null);
  const [loading, setLoading] = useState(false);
  const report = useReportError();
  const load = useCallback(
    (cursor: string | undefined) =>
      api.call(CASE_ENDPOINTS.list, {
        query: {
          ...(q ? { q } : {}),
          ...(status.length ? { status } : {}),
          ...(urgency ? { urgency } : {}),
          ...(overdue ? { overdue } : {}),
          ...(cursor ? { cursor } : {}),
          limit: PAGE,
        },
      }),
    [q, status, urgency, overdue],
  );
  useEffect(() => {
    setLoading(true);
    const h = setTimeout(() => {
      load(undefined)
        .then((p) => {
          setPage(p);
          setItems(p.items as CaseSummary[]);
        })
        .catch((e: unknown) => report(e))
        .finally(() => setLoading(false));
    }, 250);
    return () => clearTimeout(h);
  }, [load, report]);
  const loadMore = () => {
    if (!page?.nextCursor) return;
    setLoading(true);
    load(page.nextCursor)
      .then((p) => {
        setPage(p);
        setItems((prev) => [...prev, ...(p.items as CaseSummary[])]);
      })
      .catch((e: unknown) => report(e))
      .finally(() => setLoading(false));
  };

  return (
    <Card
      title={`${t('menuCases')}${page ? ` · ${page.total}${page.totalExact ? '' : '+'}` : ''}`}
      extra={
        <Space wrap>
          <Input.Search allowClear placeholder={t('search')} onSearch={setQ} style={{ width: 220 }} />
          <Select
            mode="multiple"
            allowClear
            placeholder={t('status')}
            value={status}
            onChange={setStatus}
            style={{ minWidth: 200 }}
            options={CASE_STATUSES.map((s) => ({ value: s, label: statusLabel(s, lang) }))}
            maxTagCount={2}
          />
          <Select
            allowClear
            placeholder={t('urgency')}
            value={urgency}
            onChange={setUrgency}
            style={{ width: 120 }}
            options={CASE_URGENCIES.map((u) => ({ value: u, label: pick(URGENCY_LABELS[u]) }))}
          />
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
            {t('overdue')}
          </Checkbox>
        </Space>
      }
    >
      <CaseTable cases={items} loading={loading} pageSize={15} />
      {page?.nextCursor ? (
        <Button block onClick={loadMore} loading={loading} style={{ marginTop: 12 }}>
          {t('workItemLoadMore')}
        </Button>
      ) : null}
    </Card>
  );
}
