// 单位待办: a unit's inbox — to sign, in hand, due soon, overdue. Sign straight from the list; the
// rest of the handling (return with evidence, contact, whistle, extension, feedback with photos)
// happens on the case page, where the action buttons are.
import { App, Badge, Button, Card, Space, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import type { CaseSummary, InboxQueue } from '../../api/types';
import { actionPath } from '../../components/case-action-modal';
import { CaseTable } from '../../components/case-table';
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
  const load = useCallback(() => {
    setLoading(true);
    api
      .get<InboxQueue>('/api/queues/inbox')
      .then(setInbox)
      .catch((e: unknown) => report(e, load))
      .finally(() => setLoading(false));
  }, [report]);
  useEffect(load, [load]);

  const sign = async (c: CaseSummary) => {
    try {
      await api.post(actionPath(c.id, 'sign'), { expectedVersion: c.version });
      void message.success(`${c.caseNumber} · ${t('done')}`);
      void navigate(`/cases/${c.id}`);
    } catch (e) {
      report(e, load);
    }
  };

  return (
    <Card>
      <Tabs
        tabBarExtraContent={<Button onClick={load}>{t('reload')}</Button>}
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
