// 派单调度: the dispatch queue and board of the centre or a district sub-centre — cases to
// dispatch, returns to review, disputes to rule, feedback to review, extension requests.
import { CASE_ENDPOINTS, type HttpCaseAction, QUEUE_ENDPOINTS } from '@jiesu/contracts';
import { App, Badge, Button, Card, Space, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { CaseDetail, CaseSummary, DispatchQueue } from '../../api/types';
import { CaseActionModal } from '../../components/case-action-modal';
import { CaseTable } from '../../components/case-table';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { ACTION_LABELS } from '../../i18n/labels';
import type { StringKey } from '../../i18n/strings';

const TABS: { key: keyof DispatchQueue; label: StringKey; actions: HttpCaseAction[] }[] = [
  { key: 'toDispatch', label: 'tabToDispatch', actions: ['dispatch'] },
  { key: 'returned', label: 'tabReturned', actions: ['accept_return', 'refuse_return', 'open_dispute'] },
  { key: 'disputed', label: 'tabDisputed', actions: ['rule_dispute'] },
  { key: 'awaitingReview', label: 'tabAwaitingReview', actions: ['close', 'send_back'] },
  { key: 'extensionRequests', label: 'tabExtensions', actions: ['approve_extension', 'refuse_extension'] },
];

export function DispatchBoardPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [queue, setQueue] = useState<DispatchQueue | null>(null);
  const [loading, setLoading] = useState(false);
  const [target, setTarget] = useState<{ c: CaseDetail; action: HttpCaseAction } | null>(null);
  const [tab, setTab] = useState<keyof DispatchQueue>('toDispatch');
  const report = useReportError();
  const load = useCallback(() => {
    setLoading(true);
    api
      .call(QUEUE_ENDPOINTS.dispatch, {})
      .then(setQueue)
      .catch((e: unknown) => report(e, load))
      .finally(() => setLoading(false));
  }, [report]);
  useEffect(load, [load]);

  const open = async (s: CaseSummary, action: HttpCaseAction) => {
    try {
      setTarget({ c: await api.call(CASE_ENDPOINTS.get, { params: { id: s.id } }), action });
    } catch (e) {
      report(e, load);
    }
  };

  return (
    <Card>
      <Tabs
        tabBarExtraContent={<Button onClick={load}>{t('reload')}</Button>}
        activeKey={tab}
        onChange={(k) => setTab(k as keyof DispatchQueue)}
        items={TABS.map((tb) => ({
          key: tb.key,
          label: (
            <Space size={6}>
              {t(tb.label)}
              <Badge count={queue?.[tb.key].length ?? 0} showZero={false} color={tb.key === 'toDispatch' ? '#c8102e' : '#faad14'} />
            </Space>
          ),
          children: (
            <CaseTable
              cases={queue?.[tb.key] ?? []}
              loading={loading}
              extra={(c) => (
                <Space wrap size={4}>
                  {tb.actions.map((a, i) => (
                    <Button
                      key={a}
                      size="small"
                      type={i === 0 ? 'primary' : 'default'}
                      danger={a === 'send_back' || a.startsWith('refuse')}
                      onClick={() => void open(c, a)}
                      data-testid={`row-${a}`}
                    >
                      {pick(ACTION_LABELS[a])}
                    </Button>
                  ))}
                </Space>
              )}
            />
          ),
        }))}
      />
      {target && (
        <CaseActionModal
          c={target.c}
          action={target.action}
          open
          onClose={() => setTarget(null)}
          onDone={(u) => {
            void message.success(`${u.caseNumber} · ${pick(ACTION_LABELS[target.action])} · ${t('done')}`);
            setTarget(null);
            load();
          }}
        />
      )}
    </Card>
  );
}
