// 受理登记: the call-taking form, the suggestions beside it, and dispatch in the same flow — once
// the case is taken in, the operator picks lead, co-handlers and mode and sends it, or answers a
// consultation directly. What the operator applied from the suggestions is kept: an applied lead
// and its co-handlers pre-fill the dispatch (else the suggested one, else the street), and a
// knowledge answer only prepares the answer text — the kind changes only when the operator picks it.
import { CheckCircleTwoTone, SendOutlined } from '@ant-design/icons';
import { type BodyOf, CASE_ENDPOINTS, type CaseActionBody, CONSOLE_ENDPOINTS } from '@jiesu/contracts';
import { CASE_KINDS, CASE_URGENCIES, type CaseKind, type CaseUrgency, OPEN_CASE_STATUSES } from '@jiesu/core';
import { Alert, App, Button, Card, Cascader, Checkbox, Col, Form, Input, Radio, Result, Row, Select, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { CaseDetail, CategoryNode } from '../../api/types';
import { performCaseAction } from '../../components/case-action-modal';
import { UnitSelect } from '../../components/unit-select';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { KIND_LABELS, URGENCY_LABELS } from '../../i18n/labels';
import { useAuth } from '../../auth';
import { useReference } from '../../reference';
import { CallerHistory, type CallerCase } from './caller-history';
import { SuggestionsPanel } from './suggestions-panel';

type DispatchMode = NonNullable<CaseActionBody<'dispatch'>['mode']>;

interface IntakeValues {
  requesterName?: string;
  requesterPhone?: string;
  isAnonymous?: boolean;
  kind: CaseKind;
  category?: string[];
  urgency: CaseUrgency;
  subject?: string;
  detail?: string;
  address?: string;
  districtCode?: string | null;
  streetCode?: string | null;
  communityCode?: string | null;
}

interface CascaderOption {
  value: string;
  label: string;
  children?: CascaderOption[];
}

function toOptions(nodes: CategoryNode[]): CascaderOption[] {
  return nodes.filter((n) => n.isActive).map((n) => ({ value: n.code, label: n.name, ...(n.children?.length ? { children: toOptions(n.children) } : {}) }));
}

/** The cascader path for a category code: its ancestors' codes (01 › 0101 › 010101). */
export function categoryPath(code: string): string[] {
  const out: string[] = [];
  for (let i = 2; i <= code.length; i += 2) out.push(code.slice(0, i));
  return out;
}

const newKey = () => (globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);

export function IntakePage() {
  const { t, pick, lang } = useI18n();
  const { hasRole } = useAuth();
  const mayDispatch = hasRole('dispatcher');
  const ref = useReference();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<IntakeValues>();
  const [dispatchForm] = Form.useForm<{ lead?: string | null; coHandlers?: string[]; mode: DispatchMode; answer?: string }>();
  const [created, setCreated] = useState<CaseDetail | null>(null);
  const [dispatched, setDispatched] = useState<CaseDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const [appliedLead, setAppliedLead] = useState<{ lead: { code: string; name: string }; coHandlers: { code: string; name: string }[] } | null>(null);
  const [preparedAnswer, setPreparedAnswer] = useState<string | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<CallerCase | null>(null);
  /** 查询码 of the case just taken in: what the operator tells the caller (the server also sends it by SMS). */
  // code null: a retried submission (same Idempotency-Key) whose first reply was lost; the code was given then and is not shown again.
  const [tracking, setTracking] = useState<{ caseNumber: string; code: string | null; isSmsQueued: boolean } | null>(null);
  const suggestedLead = useRef<{ code: string; coHandlers: string[] } | null>(null);
  const idempotencyKey = useRef(newKey());
  const options = useMemo(() => toOptions(ref.categories), [ref.categories]);

  const subject = Form.useWatch('subject', form) ?? '';
  const detail = Form.useWatch('detail', form) ?? '';
  const address = Form.useWatch('address', form) ?? '';
  const kind = Form.useWatch('kind', form) ?? '';
  const districtCode = Form.useWatch('districtCode', form) ?? null;
  const streetCode = Form.useWatch('streetCode', form) ?? null;
  const isAnonymous = Form.useWatch('isAnonymous', form) ?? false;
  const requesterPhone = Form.useWatch('requesterPhone', form) ?? '';
  const category = Form.useWatch('category', form);
  const categoryCode = category?.[category.length - 1] ?? '';

  const takeIn = async () => {
    // A failed validation is shown on the form (fields in red); it is not an error to throw further.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const body: BodyOf<typeof CASE_ENDPOINTS.intake> = {
        channel: 'phone',
        kind: v.kind,
        categoryCode: v.category?.[v.category.length - 1] ?? '',
        urgency: v.urgency,
        requester: { name: v.requesterName || null, phone: v.requesterPhone || null, isAnonymous: v.isAnonymous ?? false },
        subject: v.subject ?? '',
        detail: v.detail ?? '',
        location: { address: v.address ?? '', districtCode: v.districtCode ?? null, streetCode: v.streetCode ?? null, communityCode: v.communityCode ?? null },
      };
      const taken = await api.call(CASE_ENDPOINTS.intake, { body }, { 'idempotency-key': idempotencyKey.current });
      if (taken.trackingCode) setTracking({ caseNumber: taken.caseNumber, code: taken.trackingCode, isSmsQueued: taken.isSmsQueued === true });
      else if (taken.isTrackingCodeGiven)
        // keep a code already on screen (a double submit); otherwise say it was given with the first reply
        setTracking((prev) => (prev?.caseNumber === taken.caseNumber ? prev : { caseNumber: taken.caseNumber, code: null, isSmsQueued: taken.isSmsQueued === true }));
      let c: CaseDetail = taken;
      // Linked from the caller history: to an open case as a duplicate (merged into it), to a finished one as a repeat call.
      if (duplicateOf && (OPEN_CASE_STATUSES as readonly string[]).includes(duplicateOf.status)) {
        c = await performCaseAction(c.id, 'merge', { expectedVersion: c.version, parentCaseId: duplicateOf.id });
      } else if (duplicateOf) {
        await api.call(CONSOLE_ENDPOINTS.linkRepeat, { params: { id: c.id }, body: { earlierCaseId: duplicateOf.id } });
        void message.info(`${t('linkedRepeat')} ${duplicateOf.caseNumber}`);
      }
      setCreated(c);
      setTimeout(() => document.querySelector('[data-testid="dispatch-panel"],[data-testid="handed-over"]')?.scrollIntoView({ behavior: 'smooth', block: 'center' }), 100);
      dispatchForm.setFieldsValue({
        lead: appliedLead?.lead.code ?? suggestedLead.current?.code ?? v.streetCode ?? v.districtCode ?? null,
        coHandlers: appliedLead?.coHandlers.map((u) => u.code) ?? suggestedLead.current?.coHandlers ?? [],
        mode: 'standard',
        ...(preparedAnswer ? { answer: preparedAnswer } : {}),
      });
      void message.success(`${t('takenIn')} ${c.caseNumber}${taken.trackingCode ? ` · ${t('trackingCodeIs')} ${taken.trackingCode}` : ''}`);
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  const dispatch = async () => {
    if (!created) return;
    const v = await dispatchForm.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      // The lead is a required field of the form: validateFields has refused an empty one.
      if (!v.lead) return;
      const c = await performCaseAction(created.id, 'dispatch', {
        expectedVersion: created.version,
        lead: v.lead,
        ...(v.coHandlers && v.coHandlers.length ? { coHandlers: v.coHandlers } : {}),
        mode: v.mode,
      });
      setDispatched(c);
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  const answer = async () => {
    if (!created) return;
    const text = dispatchForm.getFieldValue('answer') as string | undefined;
    if (!text) return;
    setBusy(true);
    try {
      setDispatched(await performCaseAction(created.id, 'answer', { expectedVersion: created.version, text }));
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    form.resetFields();
    dispatchForm.resetFields();
    setCreated(null);
    setDispatched(null);
    setAppliedLead(null);
    setPreparedAnswer(null);
    setTracking(null);
    idempotencyKey.current = newKey();
  };

  const tellCaller = tracking && (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="tell-caller"
      message={`${t('tellCaller')}：${t('caseNumber')} ${tracking.caseNumber}，${tracking.code !== null ? `${t('trackingCodeIs')} ${tracking.code}` : t('trackingCodeGivenBefore')}`}
      description={
        tracking.code !== null ? (tracking.isSmsQueued ? t('trackingSmsSent') : t('trackingNoSms')) : tracking.isSmsQueued ? t('trackingGivenBySms') : t('trackingGivenNoSms')
      }
    />
  );

  if (dispatched) {
    return (
      <Card>
        {tellCaller}
        <Result
          status="success"
          title={
            <span data-testid="dispatch-result">
              {dispatched.caseNumber} · {dispatched.status === 'answered' ? t('directAnswer') : t('dispatched')}
            </span>
          }
          subTitle={dispatched.subject}
          extra={[
            <Button key="next" type="primary" onClick={reset}>
              {t('newIntake')}
            </Button>,
            <Link key="open" to={`/cases/${dispatched.id}`}>
              <Button>{t('viewCase')}</Button>
            </Link>,
          ]}
        />
      </Card>
    );
  }

  return (
    <Row gutter={16}>
      <Col xs={24} xl={15}>
        <Card
          title={t('intakeTitle')}
          extra={
            created && (
              <Typography.Text type="success" data-testid="created-number">
                <CheckCircleTwoTone twoToneColor="#52c41a" /> {t('takenIn')} {created.caseNumber}
              </Typography.Text>
            )
          }
        >
          {tellCaller}
          <Form form={form} layout="vertical" disabled={!!created} initialValues={{ kind: 'complaint', urgency: 'general', isAnonymous: false }} requiredMark="optional">
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="requesterName" label={`${t('requester')} · ${t('requesterName')}`}>
                  <Input id="intake-name" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="requesterPhone" label={t('requesterPhone')} rules={[{ pattern: /^[\d\s+-]{5,20}$/, message: t('requesterPhone') }]}>
                  <Input id="intake-phone" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="isAnonymous" label=" " valuePropName="checked">
                  <Checkbox>{t('anonymous')}</Checkbox>
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={14}>
                <Form.Item name="kind" label={t('kind')}>
                  <Radio.Group optionType="button" options={CASE_KINDS.map((k) => ({ value: k, label: pick(KIND_LABELS[k]) }))} />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item name="urgency" label={t('urgency')}>
                  <Select id="intake-urgency" options={CASE_URGENCIES.map((u) => ({ value: u, label: pick(URGENCY_LABELS[u]) }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="category" label={t('category')} rules={[{ required: true, message: t('category') }]}>
              <Cascader
                id="intake-category"
                options={options}
                showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
                placeholder={t('category')}
              />
            </Form.Item>
            <Form.Item name="subject" label={t('subject')} rules={[{ required: true, message: t('subject') }, { max: 200 }]}>
              <Input id="intake-subject" />
            </Form.Item>
            <Form.Item name="detail" label={t('detail')} rules={[{ max: 5000 }]}>
              <Input.TextArea id="intake-detail" rows={4} showCount maxLength={5000} />
            </Form.Item>
            <Form.Item name="address" label={t('address')} rules={[{ required: true, message: t('address') }, { max: 300 }]}>
              <Input id="intake-address" />
            </Form.Item>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="districtCode" label={t('district')}>
                  <UnitSelect id="intake-district" unitClass="district" onChange={() => form.setFieldsValue({ streetCode: null, communityCode: null })} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="streetCode" label={t('street')}>
                  <UnitSelect id="intake-street" parent={districtCode ?? null} unitClass="street" onChange={() => form.setFieldsValue({ communityCode: null })} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="communityCode" label={t('community')}>
                  <UnitSelect id="intake-community" parent={streetCode ?? null} unitClass="community" />
                </Form.Item>
              </Col>
            </Row>
          </Form>
          {!created && (
            <Button type="primary" size="large" onClick={() => void takeIn()} loading={busy} data-testid="take-in">
              {t('takeIn')}
            </Button>
          )}
        </Card>
        {created && mayDispatch && (
          <Card title={t('dispatchTitle')} style={{ marginTop: 16 }} data-testid="dispatch-panel">
            <Form form={dispatchForm} layout="vertical">
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="lead" label={t('leadUnit')} rules={[{ required: true, message: t('leadUnit') }]}>
                    <UnitSelect id="dispatch-lead" unitClass={['street', 'department', 'enterprise', 'community', 'district']} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="coHandlers" label={t('coHandlers')}>
                    <UnitSelect multiple />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="mode" label={t('mode')}>
                <Radio.Group
                  options={[
                    { value: 'standard', label: t('modeStandard') },
                    { value: 'dual', label: t('modeDual') },
                    { value: 'backstop', label: t('modeBackstop') },
                  ]}
                />
              </Form.Item>
              <Space>
                <Button type="primary" icon={<SendOutlined />} onClick={() => void dispatch()} loading={busy} data-testid="dispatch">
                  {t('dispatchNow')}
                </Button>
              </Space>
            </Form>
          </Card>
        )}
        {created && !mayDispatch && (
          <Card style={{ marginTop: 16 }} data-testid="handed-over">
            <Result
              status="success"
              title={`${created.caseNumber} · ${lang === 'zh' ? '已受理，已进入派单队列' : 'taken in; it waits in the dispatch queue'}`}
              subTitle={lang === 'zh' ? '派单员将在派单时限内派出；咨询类可直接答复。' : 'A dispatcher sends it on within the dispatch clock; a consultation can be answered now.'}
              extra={[
                <Button key="next" type="primary" onClick={reset}>
                  {t('newIntake')}
                </Button>,
                <Link key="open" to={`/cases/${created.id}`}>
                  <Button>{t('viewCase')}</Button>
                </Link>,
              ]}
            />
            <Form form={dispatchForm} layout="vertical">
              {created.kind === 'consultation' && (
                <div style={{ marginTop: 20 }}>
                  <Form.Item name="answer" label={t('directAnswerText')} initialValue={preparedAnswer ?? undefined}>
                    <Input.TextArea rows={3} />
                  </Form.Item>
                  <Button onClick={() => void answer()} loading={busy}>
                    {t('directAnswer')}
                  </Button>
                </div>
              )}
            </Form>
          </Card>
        )}
      </Col>
      <Col xs={24} xl={9}>
        <CallerHistory phone={requesterPhone} categoryCode={categoryCode || undefined} streetCode={streetCode} linkedTo={duplicateOf} onLink={setDuplicateOf} />
        <SuggestionsPanel
          input={{ subject, detail, address, kind, categoryCode }}
          onApplyCategory={(code) => form.setFieldsValue({ category: categoryPath(code) })}
          onApplyUrgency={(u) => {
            const urgency = CASE_URGENCIES.find((x) => x === u);
            if (urgency) form.setFieldsValue({ urgency });
          }}
          onApplyLocation={(l) => form.setFieldsValue(l)}
          onApplyLead={(lead, coHandlers) => {
            setAppliedLead({ lead, coHandlers });
            void message.success(t('appliedLead'));
          }}
          onSuggestedLead={(l) => (suggestedLead.current = l)}
          onUseAnswer={(text) => {
            setPreparedAnswer(text);
            void message.info(t('answerPrepared'));
          }}
        />
        {appliedLead && !created && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} data-testid="applied-lead">
            {t('appliedLead')}：{appliedLead.lead.name}
            {appliedLead.coHandlers.length > 0 && ` · ${t('coHandlers')}：${appliedLead.coHandlers.map((u) => u.name).join('、')}`}
          </Typography.Paragraph>
        )}
        {preparedAnswer && kind !== 'consultation' && !created && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} data-testid="answer-prepared">
            {t('answerPrepared')}
          </Typography.Paragraph>
        )}
        {isAnonymous && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('anonymous')}
          </Typography.Paragraph>
        )}
      </Col>
    </Row>
  );
}
