// One meeting, phone first: the header with the session's actions and vote rules, the invitation
// list, then each agenda item as a card — linked cases (requesters masked) and whether they were
// told, minutes, motions (move → second → discuss → vote, with the result and the rule applied),
// the conclusion, and the follow-up tasks of a passed motion (work items on the shared clocks).
import { type BodyOf, CASE_ENDPOINTS, DELIBERATION_ENDPOINTS as E, type ResponseOf } from '@jiesu/contracts';
import { AGENDA_ITEM_STATUS_INFO, MEETING_STATUS_INFO, MOTION_STATUS_INFO } from '@jiesu/core';
import { App, Button, Card, Descriptions, Divider, Input, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { WorkItemList } from '../work-items/WorkItemList';
import { type FieldSpec, FieldsModal, localToIso, STATUS_COLORS } from './deliberation-shared';

type MeetingDetail = ResponseOf<typeof E.meeting>;
type ItemOutcome = BodyOf<typeof E.conclude>['outcome'];
type ItemView = MeetingDetail['items'][number];
type MotionView = ItemView['motions'][number];

type Dialog =
  | { kind: 'cancel' }
  | { kind: 'addItem'; source: 'case' | 'proposal' | 'other' }
  | { kind: 'move'; item: ItemView }
  | { kind: 'second' | 'vote'; motion: MotionView }
  | { kind: 'conclude'; item: ItemView }
  | { kind: 'followUp'; motion: MotionView; key: string };

export function MeetingPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [data, setData] = useState<MeetingDetail | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [proposals, setProposals] = useState<Array<{ value: string; label: string }>>([]);
  const [minutes, setMinutes] = useState<Record<string, string>>({});
  const [reloadKey, setReloadKey] = useState(0);
  const load = useCallback(() => {
    api
      .call(E.meeting, { params: { id } })
      .then((d) => {
        setData(d);
        setMinutes(Object.fromEntries(d.items.map((i) => [i.id, i.minutes ?? ''])));
        setReloadKey((k) => k + 1);
      })
      .catch((e: unknown) => report(e));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- report is stable for this load
  }, [id]);
  const report = useReportError(load);
  useEffect(load, [load]);

  const run = async (f: () => Promise<unknown>) => {
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
  if (!data) return <Card loading />;
  const m = data.meeting;
  const params = { id: m.id };
  const canEdit = m.canRun && (m.status === 'scheduled' || m.status === 'in_session');
  const rules = `${m.rules.majority === 'simple' ? t('dlMajoritySimple') : t('dlMajorityTwoThirds')} · ${t('dlQuorum').replace(' (%)', '')} ${Math.round(m.rules.quorumShare * 100)}% · ${m.rules.abstentionsCount ? t('dlAbstentionsCount') : lang === 'zh' ? '弃权不计入基数' : 'abstentions not counted'}`;

  const dialogFields = (): { title: string; fields: FieldSpec[]; submit(v: Record<string, unknown>): Promise<unknown> } | null => {
    if (!dialog) return null;
    switch (dialog.kind) {
      case 'cancel':
        return {
          title: t('dlCancelMeeting'),
          fields: [{ name: 'reason', label: t('dlReason'), kind: 'textarea', required: true }],
          submit: (v) => api.call(E.cancel, { params, body: { reason: String(v.reason), expectedVersion: m.version } }),
        };
      case 'addItem':
        if (dialog.source === 'case') {
          return {
            title: `${t('dlAddItem')} · ${t('dlSourceCase')}`,
            fields: [{ name: 'caseNumber', label: t('dlCaseNumber'), kind: 'text', required: true }],
            submit: async (v) => {
              const found = await api.call(CASE_ENDPOINTS.list, { query: { q: String(v.caseNumber).trim(), limit: 5 } });
              const hit = found.items.find((c) => c.caseNumber === String(v.caseNumber).trim()) ?? found.items[0];
              if (!hit) throw new Error('not found');
              return api.call(E.addItem, { params, body: { sourceType: 'case', caseId: hit.id } });
            },
          };
        }
        if (dialog.source === 'proposal') {
          return {
            title: `${t('dlAddItem')} · ${t('dlSourceProposal')}`,
            fields: [{ name: 'proposalId', label: t('dlSourceProposal'), kind: 'select', required: true, options: proposals }],
            submit: (v) => api.call(E.addItem, { params, body: { sourceType: 'proposal', proposalId: String(v.proposalId) } }),
          };
        }
        return {
          title: `${t('dlAddItem')} · ${t('dlSourceOther')}`,
          fields: [{ name: 'title', label: t('dlTitle'), kind: 'text', required: true }],
          submit: (v) => api.call(E.addItem, { params, body: { sourceType: 'other', title: String(v.title) } }),
        };
      case 'move':
        return {
          title: t('dlMove'),
          fields: [
            { name: 'text', label: t('dlMotionText'), kind: 'textarea', required: true },
            { name: 'movedBy', label: t('dlMovedBy'), kind: 'text', required: true },
          ],
          submit: (v) => api.call(E.moveMotion, { params, body: { itemId: dialog.item.id, text: String(v.text), movedBy: String(v.movedBy) } }),
        };
      case 'second':
        return {
          title: t('dlSecond'),
          fields: [{ name: 'secondedBy', label: t('dlSecondedBy'), kind: 'text', required: true }],
          submit: (v) =>
            api.call(E.second, { params: { ...params, motionId: dialog.motion.id }, body: { secondedBy: String(v.secondedBy), expectedVersion: dialog.motion.version } }),
        };
      case 'vote':
        return {
          title: t('dlVote'),
          fields: [
            { name: 'for', label: t('dlFor'), kind: 'number', required: true, min: 0 },
            { name: 'against', label: t('dlAgainst'), kind: 'number', required: true, min: 0 },
            { name: 'abstain', label: t('dlAbstain'), kind: 'number', required: true, min: 0, initial: 0 },
            { name: 'present', label: `${t('dlPresent')} (≤ ${m.eligibleVoters})`, kind: 'number', min: 0, max: m.eligibleVoters },
          ],
          submit: (v) =>
            api.call(E.vote, {
              params: { ...params, motionId: dialog.motion.id },
              body: {
                for: Number(v.for),
                against: Number(v.against),
                abstain: Number(v.abstain),
                ...(v.present !== undefined && v.present !== null ? { present: Number(v.present) } : {}),
                expectedVersion: dialog.motion.version,
              },
            }),
        };
      case 'conclude':
        return {
          title: t('dlConclude'),
          fields: [
            {
              name: 'outcome',
              label: t('dlOutcome'),
              kind: 'select',
              required: true,
              initial: dialog.item.motions.some((x) => x.status === 'passed') ? 'decided' : 'not_decided',
              options: [
                { value: 'decided', label: t('dlOutcomeDecided') },
                { value: 'not_decided', label: t('dlOutcomeNotDecided') },
                { value: 'deferred', label: t('dlOutcomeDeferred') },
              ],
            },
            { name: 'summary', label: t('dlSummary'), kind: 'textarea', required: true },
          ],
          submit: (v) => api.call(E.conclude, { params: { ...params, itemId: dialog.item.id }, body: { outcome: v.outcome as ItemOutcome, summary: String(v.summary) } }),
        };
      case 'followUp':
        // One idempotency key per opening of the form: a retried submit cannot create a second task.
        return {
          title: t('dlAddFollowUp'),
          fields: [
            { name: 'title', label: t('dlTitle'), kind: 'text', required: true },
            { name: 'ownerUnit', label: t('dlOwnerUnit'), kind: 'text', initial: m.communityCode },
            { name: 'ownerPerson', label: t('dlOwnerPerson'), kind: 'text' },
            { name: 'dueAt', label: t('dlDue'), kind: 'datetime', required: true, initial: dayjs().add(14, 'day').hour(18).minute(0).format('YYYY-MM-DDTHH:mm') },
          ],
          submit: (v) => {
            const person = typeof v.ownerPerson === 'string' && v.ownerPerson.trim() !== '' ? v.ownerPerson.trim() : null;
            const unitCode = typeof v.ownerUnit === 'string' && v.ownerUnit.trim() !== '' ? v.ownerUnit.trim() : m.communityCode;
            return api.call(
              E.followUp,
              {
                params,
                body: { motionId: dialog.motion.id, title: String(v.title), owner: person ? { personName: person, unitCode } : { unitCode }, due: { dueAt: localToIso(v.dueAt) } },
              },
              { 'idempotency-key': dialog.key },
            );
          },
        };
    }
  };
  const d = dialogFields();

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="meeting-page">
      <Card
        title={
          <Space wrap>
            <Tag color={STATUS_COLORS[m.status]} data-testid="meeting-status">
              {MEETING_STATUS_INFO[m.status][lang]}
            </Tag>
            <span style={{ whiteSpace: 'normal' }}>{m.title}</span>
          </Space>
        }
      >
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('dlCommunity')}>
            <Link to="/deliberation/meetings">{m.communityName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('dlTime')}>{dayjs(m.scheduledAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
          <Descriptions.Item label={t('dlPlace')}>{m.place}</Descriptions.Item>
          <Descriptions.Item label={t('dlChair')}>
            {m.chairName}
            {m.isChairResident ? ` · ${t('dlChairIsResident')}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('dlRules')}>
            {rules} · {t('dlEligible')} {m.eligibleVoters}
          </Descriptions.Item>
        </Descriptions>
        <Space wrap>
          {m.allowedActions.includes('start') ? (
            <Button
              type="primary"
              data-testid="meeting-start"
              onClick={() => void run(() => api.call(E.start, { params, body: { expectedVersion: m.version } })).catch(() => undefined)}
            >
              {t('dlStart')}
            </Button>
          ) : null}
          {m.allowedActions.includes('close') ? (
            <Button data-testid="meeting-close" onClick={() => void run(() => api.call(E.close, { params, body: { expectedVersion: m.version } })).catch(() => undefined)}>
              {t('dlClose')}
            </Button>
          ) : null}
          {m.allowedActions.includes('cancel') ? (
            <Button danger onClick={() => setDialog({ kind: 'cancel' })}>
              {t('dlCancelMeeting')}
            </Button>
          ) : null}
        </Space>
      </Card>

      <Card size="small" title={`${t('dlParticipants')} · ${data.participants.length}`}>
        <Space wrap style={{ marginBottom: 8 }}>
          {data.participants.map((p) => (
            <Tag key={p.id} color={p.invitedAt ? 'green' : undefined}>
              {p.name}
            </Tag>
          ))}
        </Space>
        {canEdit ? (
          <Space wrap>
            <Button
              size="small"
              data-testid="invite-leads"
              onClick={() => void run(() => api.call(E.participants, { params, body: { allBuildingLeads: true } })).catch(() => undefined)}
            >
              {t('dlInviteLeads')}
            </Button>
            <Button size="small" data-testid="send-invitations" onClick={() => void run(() => api.call(E.invitations, { params })).catch(() => undefined)}>
              {t('dlSendInvitations')}
            </Button>
          </Space>
        ) : null}
      </Card>

      <Typography.Title level={5} style={{ margin: '4px 0' }}>
        {t('dlAgenda')}
      </Typography.Title>
      {canEdit ? (
        <Space wrap>
          <Button size="small" data-testid="add-case-item" onClick={() => setDialog({ kind: 'addItem', source: 'case' })}>
            + {t('dlSourceCase')}
          </Button>
          <Button
            size="small"
            data-testid="add-proposal-item"
            onClick={() => {
              api
                .call(E.proposals, { query: { communityCode: m.communityCode, status: ['open'], limit: 100 } })
                .then((p) => {
                  setProposals(p.items.map((x) => ({ value: x.id, label: `${x.title} · ${t('dlSupports')} ${x.supportCount}` })));
                  setDialog({ kind: 'addItem', source: 'proposal' });
                })
                .catch((e: unknown) => report(e));
            }}
          >
            + {t('dlSourceProposal')}
          </Button>
          <Button size="small" onClick={() => setDialog({ kind: 'addItem', source: 'other' })}>
            + {t('dlSourceOther')}
          </Button>
        </Space>
      ) : null}

      {data.items.map((item) => (
        <Card
          key={item.id}
          size="small"
          data-testid="agenda-item"
          title={
            <Space wrap style={{ whiteSpace: 'normal' }}>
              <span>{item.position}.</span>
              <Tag color={STATUS_COLORS[item.status]}>{AGENDA_ITEM_STATUS_INFO[item.status][lang]}</Tag>
              <span>{item.titleSnapshot}</span>
            </Space>
          }
        >
          {item.linkedCases.length > 0 ? (
            <List
              size="small"
              header={<Typography.Text type="secondary">{t('dlLinkedCases')}</Typography.Text>}
              dataSource={item.linkedCases}
              renderItem={(c) => (
                <List.Item>
                  <Space direction="vertical" size={0}>
                    <Link to={`/cases/${c.caseId}`}>{c.caseNumber}</Link>
                    <Typography.Text type="secondary">
                      {c.statusLabel} · {c.requester.name ?? '—'} {c.requester.phone ?? ''} ·{' '}
                      {c.outcomeToldAt ? `${t('dlToldAt')} ${dayjs(c.outcomeToldAt).format('MM-DD HH:mm')}` : t('dlNotTold')}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          ) : null}
          {m.status !== 'scheduled' && m.status !== 'cancelled' ? (
            <>
              <Divider plain style={{ margin: '8px 0' }}>
                {t('dlMinutes')}
              </Divider>
              <Input.TextArea
                rows={2}
                value={minutes[item.id] ?? ''}
                disabled={!m.canRun}
                onChange={(e) => setMinutes({ ...minutes, [item.id]: e.target.value })}
                data-testid="minutes"
              />
              {m.canRun ? (
                <Button
                  size="small"
                  style={{ marginTop: 6 }}
                  data-testid="save-minutes"
                  onClick={() => void run(() => api.call(E.minutes, { params: { ...params, itemId: item.id }, body: { minutes: minutes[item.id] ?? '' } })).catch(() => undefined)}
                >
                  {t('dlSaveMinutes')}
                </Button>
              ) : null}
            </>
          ) : null}
          <Divider plain style={{ margin: '8px 0' }}>
            {t('dlMotions')}
          </Divider>
          {item.motions.map((x) => (
            <Card key={x.id} size="small" type="inner" style={{ marginBottom: 8 }} data-testid="motion">
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  <Tag color={STATUS_COLORS[x.status]} data-testid="motion-status">
                    {MOTION_STATUS_INFO[x.status][lang]}
                  </Tag>
                  <Typography.Text>{x.text}</Typography.Text>
                </Space>
                <Typography.Text type="secondary">
                  {t('dlMovedBy')} {x.movedBy}
                  {x.secondedBy ? ` · ${t('dlSecondedBy')} ${x.secondedBy}` : ''}
                </Typography.Text>
                {x.result ? <Typography.Text data-testid="vote-result">{x.result.statement[lang]}</Typography.Text> : null}
                <Space wrap>
                  {x.allowedActions.includes('second') ? (
                    <Button size="small" data-testid="motion-second" onClick={() => setDialog({ kind: 'second', motion: x })}>
                      {t('dlSecond')}
                    </Button>
                  ) : null}
                  {x.allowedActions.includes('open_discussion') ? (
                    <Button
                      size="small"
                      data-testid="motion-discuss"
                      onClick={() =>
                        void run(() => api.call(E.openDiscussion, { params: { ...params, motionId: x.id }, body: { expectedVersion: x.version } })).catch(() => undefined)
                      }
                    >
                      {t('dlOpenDiscussion')}
                    </Button>
                  ) : null}
                  {x.allowedActions.includes('vote') ? (
                    <Button size="small" type="primary" data-testid="motion-vote" onClick={() => setDialog({ kind: 'vote', motion: x })}>
                      {t('dlVote')}
                    </Button>
                  ) : null}
                  {x.allowedActions.includes('withdraw') ? (
                    <Button
                      size="small"
                      onClick={() => void run(() => api.call(E.withdraw, { params: { ...params, motionId: x.id }, body: { expectedVersion: x.version } })).catch(() => undefined)}
                    >
                      {t('dlWithdraw')}
                    </Button>
                  ) : null}
                </Space>
                {x.status === 'passed' ? (
                  <div data-testid="follow-ups">
                    <Typography.Text strong>{t('dlFollowUps')}</Typography.Text>
                    {/* The shared work-item list (branch wi): follow-ups are work items sourced from this motion. */}
                    <WorkItemList kind="meeting_followup" sourceType="meeting_motion" sourceId={x.id} pageSize={10} reloadKey={reloadKey} />
                    {m.canRun ? (
                      <Button size="small" data-testid="add-follow-up" onClick={() => setDialog({ kind: 'followUp', motion: x, key: crypto.randomUUID() })}>
                        {t('dlAddFollowUp')}
                      </Button>
                    ) : null}
                  </div>
                ) : null}
              </Space>
            </Card>
          ))}
          {m.canRun && m.status === 'in_session' && item.status === 'pending' ? (
            <Space wrap>
              <Button size="small" data-testid="move-motion" onClick={() => setDialog({ kind: 'move', item })}>
                {t('dlMove')}
              </Button>
              <Button size="small" data-testid="conclude-item" onClick={() => setDialog({ kind: 'conclude', item })}>
                {t('dlConclude')}
              </Button>
            </Space>
          ) : null}
          {item.outcomeSummary ? (
            <Typography.Paragraph style={{ marginTop: 8 }} data-testid="outcome">
              {AGENDA_ITEM_STATUS_INFO[item.status][lang]}：{item.outcomeSummary}
            </Typography.Paragraph>
          ) : null}
        </Card>
      ))}

      <FieldsModal
        open={d !== null}
        title={d?.title ?? ''}
        fields={d?.fields ?? []}
        testId="dialog"
        onClose={() => setDialog(null)}
        onOk={(v) => run(() => (d ? d.submit(v) : Promise.resolve()))}
      />
    </Space>
  );
}
