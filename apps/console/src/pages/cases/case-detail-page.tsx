// One case: what was asked, by whom (masked as the API gives it), where, who holds it, its clocks,
// feedback and visit, the full timeline, and the actions the viewer may take.
import { ClockCircleOutlined, EyeInvisibleOutlined, ReloadOutlined } from '@ant-design/icons';
import { CASE_ENDPOINTS, CONSOLE_ENDPOINTS, type HttpCaseAction, type ResponseOf } from '@jiesu/contracts';
import type { CaseAction, CaseKind } from '@jiesu/core';
import { isCaseStatus } from '@jiesu/core';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Grid, Result, Row, Space, Spin, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { toApiError } from '../../api/api-error';
import { api } from '../../api/client';
import type { CaseDetail, Timeline as CaseTimeline } from '../../api/types';
import { useAuth } from '../../auth';
import { AppealModal } from '../../components/appeal-modal';
import { AttachmentList } from '../../components/attachment-view';
import { CaseActionModal } from '../../components/case-action-modal';
import { StatusTag, UrgencyTag } from '../../components/case-tags';
import { Countdown } from '../../components/countdown';
import { messageForError } from '../../i18n/error-messages';
import { useI18n } from '../../i18n/i18n';
import { ACTION_LABELS, CHANNEL_LABELS, clockLabel, KIND_LABELS, SATISFACTION_LABELS, statusLabel } from '../../i18n/labels';
import { WorkItemList } from '../work-items/WorkItemList';
import { useReference } from '../../reference';

const PRIMARY: ReadonlySet<HttpCaseAction> = new Set(['dispatch', 'sign', 'contact', 'submit_feedback', 'close', 'accept_return', 'rule_dispute', 'approve_extension']);

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t, pick, lang } = useI18n();
  const { me, hasRole } = useAuth();
  const ref = useReference();
  const { message } = App.useApp();
  const [c, setCase] = useState<CaseDetail | null>(null);
  const [timeline, setTimeline] = useState<CaseTimeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<HttpCaseAction | null>(null);
  const [appealing, setAppealing] = useState(false);
  const [repeats, setRepeats] = useState<ResponseOf<typeof CONSOLE_ENDPOINTS.repeats> | null>(null);
  // On a phone the actions sit under the title as full-width buttons, and labels stand above values.
  const isPhone = !Grid.useBreakpoint().md;

  const load = useCallback(() => {
    setError(null);
    Promise.all([api.call(CASE_ENDPOINTS.get, { params: { id } }), api.call(CASE_ENDPOINTS.timeline, { params: { id } })])
      .then(([cd, tl]) => {
        setCase(cd);
        setTimeline(tl);
      })
      .then(() => api.call(CONSOLE_ENDPOINTS.repeats, { params: { id } }))
      .then(setRepeats)
      .catch((e: unknown) => setError(messageForError(toApiError(e), lang)));
  }, [id, lang]);
  useEffect(load, [load]);
  useEffect(() => {
    if (c)
      ref.loadUnits([...c.assignments.map((a) => a.unit.code), c.location.districtCode, c.location.streetCode, c.location.communityCode, ...c.clocks.map((k) => k.ownerUnitCode)]);
  }, [c, ref]);

  if (error) return <Result status="warning" title={error} extra={<Button onClick={load}>{t('reload')}</Button>} />;
  if (!c || !me) return <Spin style={{ display: 'block', margin: 80 }} />;

  // Exactly what the server's guards allow this viewer now; the console re-states no rule.
  const actions = c.allowedActions;
  const r = c.requester;
  const running = c.clocks.filter((k) => k.status === 'running');
  // Units appeal a finished case (the API checks that theirs was the lead).
  const canAppeal = hasRole('handler', 'unit_leader') && (c.status === 'closed' || c.status === 'visited' || c.status === 'scored');

  const actionBar = (
    <Space wrap>
      {actions.map((a) => (
        <Button key={a} type={PRIMARY.has(a) ? 'primary' : 'default'} danger={a === 'return' || a === 'send_back' || a === 'escalate'} onClick={() => setAction(a)}>
          {pick(ACTION_LABELS[a])}
        </Button>
      ))}
      {canAppeal && (
        <Button onClick={() => setAppealing(true)} data-testid="file-appeal">
          {t('fileAppeal')}
        </Button>
      )}
      {!isPhone && <Button icon={<ReloadOutlined />} onClick={load} aria-label={t('reload')} />}
    </Space>
  );

  return (
    <Space orientation="vertical" size={isPhone ? 8 : 16} style={{ width: '100%' }}>
      <Card
        size={isPhone ? 'small' : 'default'}
        title={
          <Space size={12} wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-number">
              {c.caseNumber}
            </Typography.Title>
            <StatusTag status={c.status} />
            <UrgencyTag urgency={c.urgency} />
            <Tag>{pick(KIND_LABELS[c.kind as CaseKind], c.kind)}</Tag>
            {c.overdue.length > 0 && <Tag color="red">{t('overdue')}</Tag>}
          </Space>
        }
        extra={isPhone ? <Button icon={<ReloadOutlined />} onClick={load} aria-label={t('reload')} /> : actionBar}
      >
        {isPhone && actions.length + (canAppeal ? 1 : 0) > 0 && <div className="jiesu-phone-actions">{actionBar}</div>}
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {c.subject}
        </Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.detail}</Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered={!isPhone} layout={isPhone ? 'vertical' : 'horizontal'}>
          <Descriptions.Item label={t('requester')}>
            <Space>
              <span data-testid="requester-name">{r.name ?? '—'}</span>
              <span data-testid="requester-phone">{r.phone ?? ''}</span>
              {r.isMasked && <Tag icon={<EyeInvisibleOutlined />}>{t('requesterMasked')}</Tag>}
              {r.isAnonymous && <Tag color="purple">{lang === 'zh' ? '匿名' : 'anonymous'}</Tag>}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('category')}>{ref.categoryName(c.categoryCode, true)}</Descriptions.Item>
          <Descriptions.Item label={t('channel')}>{pick(CHANNEL_LABELS[c.channel])}</Descriptions.Item>
          <Descriptions.Item label={t('location')} span={2}>
            {c.location.address}
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {[c.location.districtCode, c.location.streetCode, c.location.communityCode]
                .filter((x): x is string => !!x)
                .map((x) => ref.unitName(x))
                .join(' › ')}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('receivedAt')}>{dayjs(c.receivedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
          <Descriptions.Item label={t('leadUnit')}>
            {c.assignments
              .filter((a) => a.role === 'lead' && (a.state === 'pending' || a.state === 'signed' || a.state === 'done'))
              .map((a) => a.unit.name)
              .join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('coHandlers')}>
            {c.assignments
              .filter((a) => a.role === 'co' && a.state !== 'withdrawn')
              .map((a) => a.unit.name)
              .join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('clocks')}>
            {running.length === 0
              ? '—'
              : running.map((k) => (
                  <span key={k.key} style={{ display: 'inline-block', margin: '2px 6px 2px 0' }}>
                    <ClockCircleOutlined style={{ marginRight: 4 }} />
                    <Countdown dueAt={k.dueAt} label={clockLabel(k.name, lang)} />
                  </span>
                ))}
          </Descriptions.Item>
        </Descriptions>
        {repeats && (repeats.repeatOf || repeats.repeatedBy.length > 0) && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="repeat-links"
            message={
              <Space size={4} wrap>
                {repeats.repeatOf && (
                  <span>
                    {t('repeatOf')} <Link to={`/cases/${repeats.repeatOf.caseId}`}>{repeats.repeatOf.caseNumber}</Link>
                  </span>
                )}
                {repeats.repeatedBy.length > 0 && (
                  <span>
                    {t('repeatedBy')}{' '}
                    {repeats.repeatedBy.map((r) => (
                      <Link key={r.caseId} to={`/cases/${r.caseId}`} style={{ marginRight: 6 }}>
                        {r.caseNumber}
                      </Link>
                    ))}
                  </span>
                )}
              </Space>
            }
          />
        )}
        {c.attachments.length > 0 && (
          <div style={{ marginTop: 12 }}>
            <AttachmentList items={c.attachments} />
          </div>
        )}
      </Card>

      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('timeline')} size="small">
            {timeline ? (
              <Timeline
                items={timeline.events.map((e) => ({
                  key: e.seq,
                  color:
                    e.action === 'escalate' || e.action === 'return' || e.action === 'send_back' ? 'red' : e.action === 'close' || e.action === 'record_visit' ? 'green' : 'blue',
                  // On a phone the time sits above the event, not in a column beside it (which left the text a third of the width).
                  ...(isPhone ? {} : { title: dayjs(e.at).format('MM-DD HH:mm') }),
                  content: (
                    <div data-testid={`event-${e.action}`}>
                      {isPhone && (
                        <div style={{ fontSize: 12, color: '#888' }} data-testid="event-time">
                          {dayjs(e.at).format('MM-DD HH:mm')}
                        </div>
                      )}
                      <Typography.Text strong>{pick(ACTION_LABELS[e.action as CaseAction | 'intake'], e.action)}</Typography.Text>
                      <Typography.Text type="secondary" style={isPhone ? { display: 'block', fontSize: 12 } : { marginLeft: 8 }}>
                        {String(e.data.actorDisplayName ?? e.actor.username)}
                        {ref.unitName(e.actor.unitCode) !== e.actor.unitCode ? ` · ${ref.unitName(e.actor.unitCode)}` : ''}
                      </Typography.Text>
                      {isCaseStatus(e.toStatus) && e.fromStatus !== e.toStatus && (
                        <div style={{ fontSize: 12, color: '#888' }}>
                          {e.fromStatus && isCaseStatus(e.fromStatus) ? statusLabel(e.fromStatus, lang) : '∅'} → {statusLabel(e.toStatus, lang)}
                        </div>
                      )}
                      {describeEvent(e.data, lang, ref.unitName) && <div>{describeEvent(e.data, lang, ref.unitName)}</div>}
                      {e.note && <div>{e.note}</div>}
                      {e.attachments.length > 0 && <AttachmentList items={e.attachments} />}
                    </div>
                  ),
                }))}
              />
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Card title={t('feedbacks')} size="small">
              {c.feedbacks.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
              ) : (
                c.feedbacks.map((f) => (
                  <div key={f.round} style={{ marginBottom: 12 }}>
                    <Space>
                      <Tag color={f.isSolved ? 'green' : 'orange'}>{f.isSolved ? t('solved') : t('unsolved')}</Tag>
                      <Typography.Text type="secondary">
                        {f.submittedBy.displayName} · {dayjs(f.submittedAt).format('MM-DD HH:mm')}
                      </Typography.Text>
                    </Space>
                    <Typography.Paragraph style={{ margin: '6px 0' }}>{f.summary}</Typography.Paragraph>
                    <AttachmentList items={f.attachments} />
                  </div>
                ))
              )}
            </Card>
            <Card title={t('visit')} size="small">
              {c.visit === null ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
              ) : c.visit.status === 'valid' ? (
                <Space wrap>
                  <Tag color={c.visit.answers.isContacted ? 'green' : 'red'}>
                    {t('isContactedQ')}: {c.visit.answers.isContacted ? t('yes') : t('no')}
                  </Tag>
                  <Tag color={c.visit.answers.isSolved ? 'green' : 'red'}>
                    {t('isSolvedQ')}: {c.visit.answers.isSolved ? t('yes') : t('no')}
                  </Tag>
                  <Tag color="blue">{pick(SATISFACTION_LABELS[c.visit.answers.satisfaction])}</Tag>
                </Space>
              ) : (
                <Tag>
                  {t('visitInvalid')}: {c.visit.reason}
                </Tag>
              )}
            </Card>
            <Card title={t('workItems')} size="small">
              <WorkItemList linkedCaseId={c.id} pageSize={5} />
            </Card>
          </Space>
        </Col>
      </Row>

      <AppealModal caseId={c.id} caseNumber={c.caseNumber} open={appealing} onClose={() => setAppealing(false)} />
      {action && (
        <CaseActionModal
          c={c}
          action={action}
          open
          onClose={() => setAction(null)}
          onDone={(updated) => {
            setAction(null);
            setCase(updated);
            void message.success(`${pick(ACTION_LABELS[action])} · ${t('done')}`);
            load();
          }}
        />
      )}
    </Space>
  );
}

/** A short line from an event's data: lead unit, summary, reason, satisfaction … */
function describeEvent(d: Record<string, unknown>, lang: 'zh' | 'en', unitName: (c: string) => string): string {
  const parts: string[] = [];
  if (typeof d.leadUnitCode === 'string') parts.push(`${lang === 'zh' ? '主办' : 'lead'}: ${unitName(d.leadUnitCode)}`);
  if (typeof d.summary === 'string') parts.push(d.summary);
  if (typeof d.reason === 'string') parts.push(d.reason);
  if (typeof d.basis === 'string') parts.push(d.basis);
  if (typeof d.satisfaction === 'string' && d.satisfaction in SATISFACTION_LABELS) parts.push(SATISFACTION_LABELS[d.satisfaction as keyof typeof SATISFACTION_LABELS][lang]);
  return parts.join(' · ');
}
