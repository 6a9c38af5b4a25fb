// 工单查询: search the cases in the user's scope by text (case number, its last digits, phone,
// address or words — the server ranks), status, urgency and overdue; keyset pages ("load more").
// Supervisors and dispatchers select open cases and remind them at once (批量催办): the server runs
// each through the core decider and answers per case; failures are listed by case number.
import { CASE_ENDPOINTS, CONSOLE_ENDPOINTS, type ResponseOf } from '@jiesu/contracts';
import { CASE_STATUSES, CASE_URGENCIES, type CaseStatus, isOpenStatus, mayRemind } from '@jiesu/core';
import { App, Button, Card, Checkbox, Input, Modal, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { CaseSummary } from '../../api/types';
import { CaseTable } from '../../components/case-table';
import { useBadges } from '../../components/notification-bell';
import { useReportError } from '../../components/use-report-error';
import { useAuth } from '../../auth';
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
  const { me } = useAuth();
  const { message } = App.useApp();
  const { refresh: refreshBadges } = useBadges();
  const canRemind = me !== null && mayRemind(me);
  const [selected, setSelected] = useState<string[]>([]);
  const [isReminding, setReminding] = useState(false);
  const [failures, setFailures] = useState<{ caseNumber: string; message: string }[]>([]);
  const remindSelected = async () => {
    setReminding(true);
    try {
      const r = await api.call(CONSOLE_ENDPOINTS.remindCases, { body: { caseIds: selected } });
      const numberOf = new Map(items.map((c) => [c.id, c.caseNumber]));
      const failed = r.results
        .filter((x) => x.outcome === 'failed')
        .map((x) => ({ caseNumber: x.caseNumber ?? numberOf.get(x.caseId) ?? x.caseId, message: x.message ?? x.code ?? '' }));
      const summary = `${t('batchRemind')}：${t('batchReminded')} ${r.reminded} · ${t('batchAlreadyReminded')} ${r.alreadyReminded} · ${t('batchFailed')} ${r.failed}`;
      if (failed.length) void message.warning(summary);
      else void message.success(summary);
      setFailures(failed);
      setSelected([]);
      refreshBadges();
    } catch (e) {
      report(e);
    } finally {
      setReminding(false);
    }
  };
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
      {canRemind && selected.length > 0 && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Button type="primary" loading={isReminding} onClick={() => void remindSelected()} data-testid="batch-remind">
            {t('batchRemind')} ({selected.length})
          </Button>
          <Button onClick={() => setSelected([])}>{t('cancel')}</Button>
        </Space>
      )}
      <CaseTable
        cases={items}
        loading={loading}
        pageSize={15}
        {...(canRemind ? { selection: { selected, onChange: setSelected, isSelectable: (c: CaseSummary) => isOpenStatus(c.status) } } : {})}
      />
      <Modal open={failures.length > 0} title={t('batchRemindFailures')} onCancel={() => setFailures([])} onOk={() => setFailures([])} data-testid="batch-remind-failures">
        {failures.map((f) => (
          <div key={f.caseNumber}>
            <Typography.Text strong>{f.caseNumber}</Typography.Text> <Typography.Text type="secondary">{f.message}</Typography.Text>
          </div>
        ))}
      </Modal>
      {page?.nextCursor ? (
        <Button block onClick={loadMore} loading={loading} style={{ marginTop: 12 }}>
          {t('workItemLoadMore')}
        </Button>
      ) : null}
    </Card>
  );
}
