// 单位待办: a unit's inbox — to sign, in hand, due soon, overdue. Sign straight from the list; the
// rest of the handling (return with evidence, contact, whistle, extension, feedback with photos)
// happens on the case page, where the action buttons are.
import { App, Badge, Button, Card, Space, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { QUEUE_ENDPOINTS } from '@jiesu/contracts';
import type { CaseSummary, InboxQueue } from '../../api/types';
import { performCaseAction } from '../../components/case-action-modal';
import { CaseTable } from '../../components/case-table';
import { useBadges } from '../../components/notification-bell';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { ACTION_LABELS } from '../../i18n/labels';
import type { StringKey } from '../../i18n/strings';

type TabKey = Exclude<keyof InboxQueue, 'unitCode'>;
const TABS: { key: TabKey; label: StringKey; color: string }[] = [
  { key: 'toSign', label: 'tabToSign', color: '#c8102e' },
  { key: 'inHand', label: 'tabInHand', color: '#1677ff' },
  { key: 'dueSoon', label: 'tabDueSoon', color: '#faad14' },
  { key: 'overdue', label: 'tabOverdue', color: '#cf1322' },
];

export function InboxPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [inbox, setInbox] = useState<InboxQueue | null>(null);
  const [loading, setLoading] = useState(false);
  const [tab, setTab] = useState<TabKey>('toSign');
  const report = useReportError();
  const { refresh: refreshBadges } = useBadges();
  const load = useCallback(() => {
    setLoading(true);
    refreshBadges();
    api
      .call(QUEUE_ENDPOINTS.inbox, {})
      .then(setInbox)
      .catch((e: unknown) => report(e, load))
      .finally(() => setLoading(false));
  }, [report, refreshBadges]);
  useEffect(load, [load]);

  const [selected, setSelected] = useState<string[]>([]);
  const [isBatching, setBatching] = useState(false);
  // 批量签收: one sign per selected case (each with its own version, so a case that moved on is
  // refused alone); the outcome is counted, the list reloaded.
  const signSelected = async () => {
    const chosen = (inbox?.toSign ?? []).filter((c) => selected.includes(c.id));
    setBatching(true);
    let done = 0;
    const failed: string[] = [];
    for (const c of chosen) {
      try {
        await performCaseAction(c.id, 'sign', { expectedVersion: c.version });
        done += 1;
      } catch {
        failed.push(c.caseNumber);
      }
    }
    setBatching(false);
    setSelected([]);
    if (failed.length) void message.warning(`${t('batchDone')} ${done} · ${t('batchFailed')} ${failed.length}: ${failed.join(', ')}`);
    else void message.success(`${t('batchDone')} ${done}`);
    load();
  };

  const sign = async (c: CaseSummary) => {
    try {
      await performCaseAction(c.id, 'sign', { expectedVersion: c.version });
      void message.success(`${c.caseNumber} · ${t('done')}`);
      void navigate(`/cases/${c.id}`);
    } catch (e) {
      report(e, load);
    }
  };

  return (
    <Card>
      <Tabs
        tabBarExtraContent={
          <Space size={6}>
            {tab === 'toSign' && selected.length > 0 && (
              <Button type="primary" loading={isBatching} onClick={() => void signSelected()} data-testid="batch-sign">
                {t('batchSign')} ({selected.length})
              </Button>
            )}
            <Button onClick={load}>{t('reload')}</Button>
          </Space>
        }
        activeKey={tab}
        onChange={(k) => setTab(k as TabKey)}
        items={TABS.map((tb) => ({
          key: tb.key,
          label: (
            <Space size={6}>
              {t(tb.label)}
              <Badge count={inbox?.[tb.key].length ?? 0} color={tb.color} />
            </Space>
          ),
          children: (
            <CaseTable
              cases={inbox?.[tb.key] ?? []}
              loading={loading}
              {...(tb.key === 'toSign' ? { selection: { selected, onChange: setSelected, isSelectable: (c: CaseSummary) => c.status === 'dispatched' } } : {})}
              extra={(c) => (
                <Space size={4}>
                  {c.status === 'dispatched' && (
                    <Button size="small" type="primary" onClick={() => void sign(c)} data-testid="row-sign">
                      {pick(ACTION_LABELS.sign)}
                    </Button>
                  )}
                  <Button size="small" onClick={() => navigate(`/cases/${c.id}`)}>
                    {t('open')}
                  </Button>
                </Space>
              )}
            />
          ),
        }))}
      />
    </Card>
  );
}
