// 工单查询: search the cases in the user's scope by text, status, urgency and overdue.
import { CASE_STATUSES, CASE_URGENCIES, type CaseStatus } from '@jiesu/core';
import { Card, Checkbox, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { CaseSummary, Page } from '../../api/types';
import { CaseTable } from '../../components/case-table';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { statusLabel, URGENCY_LABELS } from '../../i18n/labels';

export function CaseSearchPage() {
  const { t, pick, lang } = useI18n();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<CaseStatus[]>([]);
  const [urgency, setUrgency] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState<Page<CaseSummary> | null>(null);
  const [loading, setLoading] = useState(false);
  const report = useReportError();
  useEffect(() => {
    setLoading(true);
    const h = setTimeout(() => {
      api
        .get<Page<CaseSummary>>('/api/cases', { q: q || undefined, status, urgency, overdue: overdue || undefined, limit: 200 })
        .then(setPage)
        .catch((e: unknown) => report(e))
        .finally(() => setLoading(false));
    }, 250);
    return () => clearTimeout(h);
  }, [q, status, urgency, overdue, report]);

  return (
    <Card
      title={`${t('menuCases')}${page ? ` · ${page.total}` : ''}`}
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
      <CaseTable cases={page?.items ?? []} loading={loading} pageSize={15} />
    </Card>
  );
}
