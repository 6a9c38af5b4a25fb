// 时限设置: the case policy an administrator edits (GET/PUT /api/settings/case-policy) — the
// clocks per urgency (dispatch, sign, first contact, feedback, rework) as amount + unit, the
// whistle arrival clock, the default reminder, extensions, evidence switches and attachment
// limits per kind. The API's field errors mark the inputs they name.
import { type CasePolicyResponse, SETTINGS_ENDPOINTS } from '@jiesu/contracts';
import { ATTACHMENT_KINDS, CASE_URGENCIES, type CaseUrgency, DURATION_UNITS } from '@jiesu/core';
import { App, Button, Card, Col, Descriptions, InputNumber, Row, Segmented, Select, Space, Spin, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { Static } from 'typebox';
import { api } from '../../api/client';
import { useAuth } from '../../auth';
import { FieldProblemAlert, useFieldProblem } from '../../components/field-errors';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { URGENCY_LABELS } from '../../i18n/labels';
import type { StringKey } from '../../i18n/strings';

type PolicyResponse = Static<typeof CasePolicyResponse>;
type Policy = PolicyResponse['policy'];
type ClockRule = Policy['clocks']['whistleArrival'];
type Remind = Policy['clocks']['defaultRemind'];
type ClockKey = keyof Policy['clocks']['byUrgency']['general'];
type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
type DurationUnit = (typeof DURATION_UNITS)[number];

const CLOCKS: { key: ClockKey; label: StringKey }[] = [
  { key: 'dispatch', label: 'clockDispatch' },
  { key: 'sign', label: 'clockSign' },
  { key: 'firstContact', label: 'clockFirstContact' },
  { key: 'feedback', label: 'clockFeedback' },
  { key: 'rework', label: 'clockRework' },
];
const UNIT_LABEL: Record<DurationUnit, StringKey> = { minutes: 'minutes', hours: 'hours', calendar_days: 'calendarDays', working_days: 'workingDays' };
const KIND_LABEL: Record<AttachmentKind, StringKey> = { photo: 'kindPhoto', video: 'kindVideo', audio: 'kindAudio', document: 'kindDocument' };
const MB = 1024 * 1024;

function ClockInput({ value, onChange, status, id }: { value: ClockRule; onChange: (v: ClockRule) => void; status: 'error' | undefined; id: string }) {
  const { t } = useI18n();
  return (
    <Space.Compact>
      <InputNumber
        id={`${id}-amount`}
        aria-label={t('amount')}
        min={1}
        max={100000}
        precision={0}
        value={value.amount}
        status={status}
        style={{ width: 72 }}
        onChange={(v) => onChange({ ...value, amount: v ?? value.amount })}
      />
      <Select
        id={`${id}-unit`}
        aria-label={t('timeUnit')}
        value={value.unit}
        status={status}
        style={{ width: 96 }}
        onChange={(u: DurationUnit) => onChange({ ...value, unit: u })}
        options={DURATION_UNITS.map((u) => ({ value: u, label: t(UNIT_LABEL[u]) }))}
      />
    </Space.Compact>
  );
}

export function CasePolicyPage() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const canEdit = hasRole('administrator');
  const [data, setData] = useState<PolicyResponse | null>(null);
  const [draft, setDraft] = useState<Policy | null>(null);
  const [saving, setSaving] = useState(false);
  const { problem, take, clear, status } = useFieldProblem();
  const report = useReportError();
  const load = useCallback(() => {
    api
      .call(SETTINGS_ENDPOINTS.getCasePolicy, {})
      .then((r) => {
        setData(r);
        setDraft(structuredClone(r.policy));
      })
      .catch((e: unknown) => report(e, load));
  }, [report]);
  useEffect(load, [load]);

  if (!data || !draft) return <Spin style={{ display: 'block', margin: 80 }} />;

  const edit = (fn: (p: Policy) => void) => {
    const next = structuredClone(draft);
    fn(next);
    setDraft(next);
  };
  const save = async () => {
    setSaving(true);
    clear();
    try {
      const { timeZone: _tz, ...body } = draft;
      const r = await api.call(SETTINGS_ENDPOINTS.putCasePolicy, { body });
      setData(r);
      setDraft(structuredClone(r.policy));
      void message.success({ content: t('saved'), key: 'saved' });
    } catch (e) {
      take(e);
    } finally {
      setSaving(false);
    }
  };

  /** Human words for a field path the API names. */
  const describe = (field: string): string => {
    const parts = field.replace(/^body\./, '').split('.');
    const words: string[] = [];
    for (const p of parts) {
      if ((CASE_URGENCIES as readonly string[]).includes(p)) words.push(pick(URGENCY_LABELS[p as CaseUrgency]));
      const clock = CLOCKS.find((c) => c.key === p);
      if (clock) words.push(t(clock.label));
      if ((ATTACHMENT_KINDS as readonly string[]).includes(p)) words.push(t(KIND_LABEL[p as AttachmentKind]));
      if (p === 'whistleArrival') words.push(t('whistleArrival'));
      if (p === 'defaultRemind') words.push(t('defaultRemind'));
      if (p === 'maxExtensions') words.push(t('maxExtensions'));
      if (p === 'maxCount') words.push(t('maxAttachments'));
      if (p === 'maxBytes') words.push(t('maxMb'));
      if (p === 'mimeTypes') words.push(t('mimeTypes'));
      if (p === 'amount') words.push(t('amount'));
      if (p === 'unit') words.push(t('timeUnit'));
    }
    return words.length ? `${words.join(' › ')} (${field})` : field;
  };

  const remind = draft.clocks.defaultRemind;
  const setRemind = (r: Remind) => edit((p) => void (p.clocks.defaultRemind = r));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('casePolicyTitle')}
        extra={
          <Space size={16}>
            <Typography.Text type="secondary" data-testid="policy-last-changed">
              {data.updatedAt ? `${t('lastChanged')}: ${data.updatedBy ?? '—'} · ${dayjs(data.updatedAt).format('YYYY-MM-DD HH:mm')}` : t('isDefaultPolicy')}
            </Typography.Text>
            {canEdit && (
              <Button type="primary" loading={saving} onClick={() => void save()} data-testid="policy-save">
                {t('save')}
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('appliesToNew')} {lang === 'zh' ? `时区：${draft.timeZone}` : `Time zone: ${draft.timeZone}`}
        </Typography.Paragraph>
        <FieldProblemAlert problem={problem} describe={describe} onClose={clear} />
        <Table<CaseUrgency>
          rowKey={(u) => u}
          size="small"
          pagination={false}
          dataSource={[...CASE_URGENCIES]}
          data-testid="policy-clocks"
          columns={[
            {
              title: t('urgency'),
              key: 'u',
              width: 110,
              render: (_: unknown, u) => (
                <Tag color={u === 'emergency' ? 'red' : u === 'utilities' ? 'volcano' : u === 'complex' ? 'purple' : 'default'}>{pick(URGENCY_LABELS[u])}</Tag>
              ),
            },
            ...CLOCKS.map((c) => ({
              title: t(c.label),
              key: c.key,
              render: (_: unknown, u: CaseUrgency) => (
                <ClockInput
                  id={`clock-${u}-${c.key}`}
                  value={draft.clocks.byUrgency[u][c.key]}
                  status={status(`body.clocks.byUrgency.${u}.${c.key}`)}
                  onChange={(v) => edit((p) => void (p.clocks.byUrgency[u][c.key] = { ...v }))}
                />
              ),
            })),
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title={`${t('whistleArrival')} · ${t('defaultRemind')}`} size="small" style={{ height: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('whistleArrival')}>
                <ClockInput
                  id="clock-whistle"
                  value={draft.clocks.whistleArrival}
                  status={status('body.clocks.whistleArrival')}
                  onChange={(v) => edit((p) => void (p.clocks.whistleArrival = v))}
                />
              </Descriptions.Item>
              <Descriptions.Item label={t('defaultRemind')}>
                <Space wrap>
                  <Segmented
                    value={remind.kind}
                    onChange={(k) => setRemind(k === 'fraction' ? { kind: 'fraction', fraction: 0.8 } : { kind: 'before', minutes: 60 })}
                    options={[
                      { value: 'fraction', label: t('remindFraction') },
                      { value: 'before', label: t('remindBefore') },
                    ]}
                  />
                  {remind.kind === 'fraction' ? (
                    <InputNumber
                      min={1}
                      max={100}
                      precision={0}
                      suffix="%"
                      value={Math.round(remind.fraction * 100)}
                      status={status('body.clocks.defaultRemind')}
                      onChange={(v) => setRemind({ kind: 'fraction', fraction: (v ?? 80) / 100 })}
                      style={{ width: 100 }}
                    />
                  ) : (
                    <InputNumber
                      min={0}
                      max={100000}
                      precision={0}
                      value={remind.minutes}
                      status={status('body.clocks.defaultRemind')}
                      onChange={(v) => setRemind({ kind: 'before', minutes: v ?? 0 })}
                      style={{ width: 110 }}
                    />
                  )}
                </Space>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('otherRules')} size="small" style={{ height: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('maxExtensions')}>
                <InputNumber
                  id="policy-max-extensions"
                  min={0}
                  max={10}
                  precision={0}
                  value={draft.maxExtensions}
                  status={status('body.maxExtensions')}
                  onChange={(v) => edit((p) => void (p.maxExtensions = v ?? 0))}
                />
              </Descriptions.Item>
              <Descriptions.Item label={t('requireReturnEvidence')}>
                <Switch checked={draft.requireReturnEvidence} onChange={(v) => edit((p) => void (p.requireReturnEvidence = v))} />
              </Descriptions.Item>
              <Descriptions.Item label={t('requireFeedbackEvidence')}>
                <Switch checked={draft.requireFeedbackEvidence} onChange={(v) => edit((p) => void (p.requireFeedbackEvidence = v))} />
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
      <Card
        title={t('attachmentLimits')}
        size="small"
        extra={
          <Space>
            {t('maxAttachments')}
            <InputNumber
              min={0}
              max={100}
              precision={0}
              value={draft.attachments.maxCount}
              status={status('body.attachments.maxCount')}
              onChange={(v) => edit((p) => void (p.attachments.maxCount = v ?? 0))}
            />
          </Space>
        }
      >
        <Table<AttachmentKind>
          rowKey={(k) => k}
          size="small"
          pagination={false}
          dataSource={[...ATTACHMENT_KINDS]}
          columns={[
            { title: t('kind'), key: 'k', width: 110, render: (_: unknown, k) => t(KIND_LABEL[k]) },
            {
              title: t('maxMb'),
              key: 'mb',
              width: 170,
              render: (_: unknown, k) => (
                <InputNumber
                  min={0.1}
                  max={2048}
                  step={1}
                  value={Math.round((draft.attachments.byKind[k].maxBytes / MB) * 10) / 10}
                  status={status(`body.attachments.byKind.${k}.maxBytes`)}
                  onChange={(v) => edit((p) => void (p.attachments.byKind[k].maxBytes = Math.max(1, Math.round((v ?? 1) * MB))))}
                />
              ),
            },
            {
              title: t('mimeTypes'),
              key: 'mime',
              render: (_: unknown, k) => (
                <Select
                  mode="tags"
                  style={{ width: '100%' }}
                  value={draft.attachments.byKind[k].mimeTypes}
                  status={status(`body.attachments.byKind.${k}.mimeTypes`)}
                  onChange={(v: string[]) => edit((p) => void (p.attachments.byKind[k].mimeTypes = v))}
                  tokenSeparators={[',', ' ']}
                />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
