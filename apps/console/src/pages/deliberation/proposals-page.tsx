// 居民提案: the community's queue, most supported first (proposer masked). Open one for support,
// answer why it will not go to a meeting, or put it on a scheduled meeting's agenda.
import { DELIBERATION_ENDPOINTS as E, type ResponseOf } from '@jiesu/contracts';
import { PROPOSAL_STATUS_INFO, type ProposalStatus } from '@jiesu/core';
import { App, Button, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { CommunityPicker, FieldsModal, STATUS_COLORS, useCommunities } from './deliberation-shared';

type ProposalPage = ResponseOf<typeof E.proposals>;
type ProposalRow = ProposalPage['items'][number];

export function ProposalsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { communities, current, setCurrent } = useCommunities();
  const [filter, setFilter] = useState<ProposalStatus | 'all'>('all');
  const [page, setPage] = useState<ProposalPage | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'answer' | 'agenda'; p: ProposalRow } | null>(null);
  const [meetings, setMeetings] = useState<Array<{ value: string; label: string }>>([]);
  const load = useCallback(() => {
    if (!current) return;
    api
      .call(E.proposals, { query: { communityCode: current, ...(filter === 'all' ? {} : { status: [filter] }), limit: 200 } })
      .then(setPage)
      .catch((e: unknown) => report(e));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- report is stable for this load
  }, [current, filter]);
  const report = useReportError(load);
  useEffect(load, [load]);
  const act = async (f: () => Promise<unknown>) => {
    try {
      await f();
      void message.success(t('done'));
      setDialog(null);
      load();
    } catch (e) {
      report(e);
      throw e;
    }
  };

  return (
    <Card
      title={t('menuProposals')}
      extra={
        <Space wrap>
          <CommunityPicker communities={communities} value={current} onChange={setCurrent} />
          <Segmented
            size="small"
            value={filter}
            onChange={(v) => setFilter(v as ProposalStatus | 'all')}
            options={[
              { value: 'all', label: t('all') },
              ...(['submitted', 'open', 'on_agenda', 'answered'] as const).map((s) => ({ value: s, label: PROPOSAL_STATUS_INFO[s][lang] })),
            ]}
          />
        </Space>
      }
    >
      <List
        dataSource={page?.items ?? []}
        locale={{ emptyText: t('empty') }}
        data-testid="proposals"
        renderItem={(p) => (
          <List.Item data-testid="proposal">
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={STATUS_COLORS[p.status]}>{PROPOSAL_STATUS_INFO[p.status][lang]}</Tag>
                <Typography.Text strong>{p.title}</Typography.Text>
                <Tag color={p.isSupported ? 'green' : undefined} data-testid="support-count">
                  {t('dlSupports')} {p.supportCount}
                </Tag>
              </Space>
              <Typography.Text>{p.detail}</Typography.Text>
              <Typography.Text type="secondary">
                {dayjs(p.submittedAt).format('YYYY-MM-DD')} · {p.proposer.name ?? '—'} {p.proposer.phone}
              </Typography.Text>
              {p.answer ? (
                <Typography.Text type="secondary">
                  {t('dlAnswer')}：{p.answer}
                </Typography.Text>
              ) : null}
              <Space wrap>
                {p.allowedActions.includes('open') ? (
                  <Button
                    size="small"
                    type="primary"
                    data-testid="proposal-open"
                    onClick={() => void act(() => api.call(E.openProposal, { params: { id: p.id }, body: { expectedVersion: p.version } })).catch(() => undefined)}
                  >
                    {t('dlProposalOpen')}
                  </Button>
                ) : null}
                {p.allowedActions.includes('put_on_agenda') ? (
                  <Button
                    size="small"
                    type="primary"
                    data-testid="proposal-to-agenda"
                    onClick={() => {
                      api
                        .call(E.meetings, { query: { communityCode: current ?? undefined, status: ['scheduled', 'in_session'], limit: 50 } })
                        .then((ms) => {
                          setMeetings(ms.items.map((x) => ({ value: x.id, label: `${dayjs(x.scheduledAt).format('MM-DD')} ${x.title}` })));
                          setDialog({ kind: 'agenda', p });
                        })
                        .catch((e: unknown) => report(e));
                    }}
                  >
                    {t('dlProposalToAgenda')}
                  </Button>
                ) : null}
                {p.allowedActions.includes('answer') ? (
                  <Button size="small" onClick={() => setDialog({ kind: 'answer', p })}>
                    {t('dlProposalAnswer')}
                  </Button>
                ) : null}
              </Space>
            </Space>
          </List.Item>
        )}
      />
      <FieldsModal
        open={dialog !== null}
        testId="proposal-dialog"
        title={dialog?.kind === 'agenda' ? t('dlProposalToAgenda') : t('dlProposalAnswer')}
        fields={
          dialog?.kind === 'agenda'
            ? [{ name: 'meetingId', label: t('dlChooseMeeting'), kind: 'select', required: true, options: meetings }]
            : [{ name: 'answer', label: t('dlAnswer'), kind: 'textarea', required: true }]
        }
        onClose={() => setDialog(null)}
        onOk={(v) =>
          act(() =>
            dialog?.kind === 'agenda'
              ? api.call(E.addItem, { params: { id: String(v.meetingId) }, body: { sourceType: 'proposal', proposalId: dialog.p.id } })
              : api.call(E.answerProposal, { params: { id: dialog?.p.id ?? '' }, body: { answer: String(v.answer), expectedVersion: dialog?.p.version } }),
          )
        }
      />
    </Card>
  );
}
