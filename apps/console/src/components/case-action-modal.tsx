// One modal for every case action: the fields each action's body needs (packages/contracts
// CASE_ACTION_BODIES), expectedVersion from the loaded case, errors in plain words.
import { CASE_ACTION_ENDPOINTS, type CaseActionBody, type HttpCaseAction, INTAKE_ENDPOINTS } from '@jiesu/contracts';
import { Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { CaseDetail } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ACTION_LABELS } from '../i18n/labels';
import { PhotoUpload } from './photo-upload';
import { UrgencyTag } from './case-tags';
import { UnitSelect } from './unit-select';
import { useReportError } from './use-report-error';

/** Runs one case action through its endpoint description: the body typed by the action, the reply the case as it now is. */
export function performCaseAction<A extends HttpCaseAction>(caseId: string, action: A, body: CaseActionBody<A>): Promise<CaseDetail> {
  // Every action's description has the same params and response; only the body differs by action.
  const ep = CASE_ACTION_ENDPOINTS[action] as (typeof CASE_ACTION_ENDPOINTS)['sign'];
  return api.call(ep, { params: { id: caseId }, body: body as CaseActionBody<'sign'> });
}

type Values = Record<string, unknown>;

/** Shapes the form's values into the action's body (drops empty optionals); the server's schema checks the rest. */
export function actionBody<A extends HttpCaseAction>(action: A, v: Values, expectedVersion: number): CaseActionBody<A> {
  return formBody(action, v, expectedVersion) as CaseActionBody<A>;
}

function formBody(action: HttpCaseAction, v: Values, expectedVersion: number): Record<string, unknown> {
  const b: Record<string, unknown> = { expectedVersion };
  const copy = (...keys: string[]) => {
    for (const k of keys) {
      const x = v[k];
      if (x !== undefined && x !== null && x !== '' && !(Array.isArray(x) && x.length === 0)) b[k] = x;
    }
  };
  switch (action) {
    case 'accept_return':
      copy('note');
      if (typeof v.lead === 'string' && v.lead) b.redispatch = { lead: v.lead, ...(Array.isArray(v.coHandlers) && v.coHandlers.length ? { coHandlers: v.coHandlers } : {}) };
      return b;
    default:
      copy(
        'note',
        'text',
        'lead',
        'coHandlers',
        'mode',
        'reason',
        'attachmentIds',
        'suggestedUnitCode',
        'parties',
        'basis',
        'units',
        'method',
        'amount',
        'unit',
        'summary',
        'isSolved',
        'clockKey',
        'whistleId',
      );
      return b;
  }
}

const INITIAL: Partial<Record<HttpCaseAction, Values>> = {
  contact: { method: 'phone' },
  submit_feedback: { isSolved: true },
  request_extension: { amount: 3, unit: 'calendar_days' },
  dispatch: { mode: 'standard' },
};

export function CaseActionModal({
  c,
  action,
  open,
  onClose,
  onDone,
}: {
  c: CaseDetail;
  action: HttpCaseAction;
  open: boolean;
  onClose: () => void;
  onDone: (updated: CaseDetail) => void;
}) {
  const { t, pick, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const report = useReportError(() => window.location.reload());
  const [leadWhy, setLeadWhy] = useState<string | null>(null);

  // 派单: the lead and co-handlers the routing suggests for this case's category and address
  // (dispatch catalogue, routing rules), replacing the street pre-filled from the location.
  useEffect(() => {
    if (action !== 'dispatch' || !open) return;
    let live = true;
    api
      .call(INTAKE_ENDPOINTS.suggestions, {
        body: {
          subject: c.subject,
          detail: c.detail,
          ...(c.location.address ? { address: c.location.address } : {}),
          ...(/^\d{2,6}$/.test(c.categoryCode) ? { categoryCode: c.categoryCode } : {}),
        },
      })
      .then((s) => {
        const lead = s.leadUnit?.lead;
        if (!live || !lead || form.isFieldTouched('lead')) return;
        form.setFieldsValue({ lead: lead.code, coHandlers: s.leadUnit?.coHandlers.map((u) => u.code) ?? [] });
        setLeadWhy((lang === 'zh' ? s.leadUnit?.explanationZh : s.leadUnit?.explanation) || null);
      })
      .catch(() => undefined); // no suggestion: the street pre-filled from the location stays
    return () => {
      live = false;
    };
  }, [action, open, c, form, lang]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null); // the form shows what is missing
    if (!values) return;
    setBusy(true);
    try {
      const updated = await performCaseAction(c.id, action, actionBody(action, values, c.version));
      onDone(updated);
      form.resetFields();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  const req = [{ required: true, message: lang === 'zh' ? '必填' : 'Required' }];
  const fields = (() => {
    switch (action) {
      case 'answer':
        return (
          <Form.Item name="text" label={t('directAnswerText')} rules={req}>
            <Input.TextArea rows={4} />
          </Form.Item>
        );
      case 'dispatch':
      case 'redispatch':
      case 'rule_dispute':
        return (
          <>
            <Form.Item name="lead" label={t('leadUnit')} rules={req}>
              <UnitSelect unitClass={['street', 'department', 'enterprise', 'community', 'district']} />
            </Form.Item>
            <Form.Item name="coHandlers" label={t('coHandlers')}>
              <UnitSelect multiple />
            </Form.Item>
            {action === 'dispatch' && leadWhy && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="dispatch-lead-why">
                {t('why')}：{leadWhy}
              </Typography.Paragraph>
            )}
            {action === 'dispatch' && (
              <Form.Item name="mode" label={t('mode')}>
                <Radio.Group
                  options={[
                    { value: 'standard', label: t('modeStandard') },
                    { value: 'dual', label: t('modeDual') },
                    { value: 'backstop', label: t('modeBackstop') },
                  ]}
                />
              </Form.Item>
            )}
            {action === 'redispatch' && (
              <Form.Item name="reason" label={t('reason')} rules={req}>
                <Input.TextArea rows={2} />
              </Form.Item>
            )}
            {action === 'rule_dispute' && (
              <Form.Item name="basis" label={t('basis')} rules={req}>
                <Input.TextArea rows={2} />
              </Form.Item>
            )}
          </>
        );
      case 'return':
        return (
          <>
            <Form.Item name="reason" label={t('reason')} rules={req}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="suggestedUnitCode" label={t('suggestedUnit')}>
              <UnitSelect />
            </Form.Item>
            <Form.Item name="attachmentIds" label={t('attachments')}>
              <PhotoUpload label={t('uploadEvidence')} />
            </Form.Item>
          </>
        );
      case 'accept_return':
        return (
          <>
            <Form.Item name="lead" label={t('leadUnit')}>
              <UnitSelect />
            </Form.Item>
            <Form.Item name="coHandlers" label={t('coHandlers')}>
              <UnitSelect multiple />
            </Form.Item>
          </>
        );
      case 'refuse_return':
      case 'refuse_extension':
      case 'send_back':
        return (
          <Form.Item name="reason" label={t('reason')} rules={req}>
            <Input.TextArea rows={3} />
          </Form.Item>
        );
      case 'open_dispute':
        return (
          <Form.Item name="parties" label={t('parties')} rules={req}>
            <UnitSelect multiple />
          </Form.Item>
        );
      case 'add_co_handler':
        return (
          <Form.Item name="units" label={t('coHandlers')} rules={req}>
            <UnitSelect multiple />
          </Form.Item>
        );
      case 'whistle':
        return (
          <>
            <Form.Item name="units" label={t('whistleUnits')} rules={req}>
              <UnitSelect multiple unitClass={['department', 'enterprise', 'section', 'community']} />
            </Form.Item>
            <Form.Item name="reason" label={t('reason')} rules={req}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        );
      case 'contact':
        return (
          <Form.Item name="method" label={t('contactMethod')}>
            <Radio.Group
              options={[
                { value: 'phone', label: t('methodPhone') },
                { value: 'sms', label: t('methodSms') },
                { value: 'visit', label: t('methodVisit') },
                { value: 'other', label: t('methodOther') },
              ]}
            />
          </Form.Item>
        );
      case 'note':
        return (
          <>
            <Form.Item name="note" label={t('note')} rules={req}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="attachmentIds" label={t('attachments')}>
              <PhotoUpload />
            </Form.Item>
          </>
        );
      case 'request_extension':
      case 'approve_extension':
        return (
          <>
            <Space>
              <Form.Item name="amount" label={t('amount')} rules={action === 'request_extension' ? req : []}>
                <InputNumber min={1} max={1000} />
              </Form.Item>
              <Form.Item name="unit" label={t('timeUnit')} rules={action === 'request_extension' ? req : []}>
                <Select
                  style={{ width: 140 }}
                  options={[
                    { value: 'hours', label: t('hours') },
                    { value: 'calendar_days', label: t('calendarDays') },
                    { value: 'working_days', label: t('workingDays') },
                  ]}
                />
              </Form.Item>
            </Space>
            {action === 'request_extension' && (
              <Form.Item name="reason" label={t('reason')} rules={req}>
                <Input.TextArea rows={2} />
              </Form.Item>
            )}
          </>
        );
      case 'submit_feedback':
        return (
          <>
            <Form.Item name="summary" label={t('summary')} rules={req}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Form.Item name="isSolved" label={t('isSolvedQ')} valuePropName="checked">
              <Switch checkedChildren={t('solved')} unCheckedChildren={t('unsolved')} />
            </Form.Item>
            <Form.Item name="attachmentIds" label={t('attachments')}>
              <PhotoUpload />
            </Form.Item>
          </>
        );
      case 'remind':
      case 'escalate':
        return (
          <Form.Item name="clockKey" label={t('clock')} rules={req}>
            <Select
              options={c.clocks
                .filter((k) => c.supervisableClocks[action].includes(k.key))
                .map((k) => ({ value: k.key, label: `${k.key} · ${k.dueAt.slice(0, 16).replace('T', ' ')}` }))}
            />
          </Form.Item>
        );
      case 'whistle_report':
        return (
          <Form.Item name="whistleId" label={t('whistleUnits')} rules={req}>
            <Select options={c.whistles.filter((w) => !w.reportedAt).map((w) => ({ value: w.id, label: w.unit.name }))} />
          </Form.Item>
        );
      case 'merge':
        return (
          <Form.Item name="parentCaseId" label={t('caseNumber')} rules={req}>
            <Input />
          </Form.Item>
        );
      default:
        return (
          <Form.Item name="note" label={t('note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        );
    }
  })();

  return (
    <Modal
      title={`${pick(ACTION_LABELS[action])} · ${c.caseNumber}`}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('submit')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={560}
    >
      {(action === 'dispatch' || action === 'redispatch' || action === 'rule_dispute') && (
        // What is being sent where: the dispatcher decides on the case, not on its number.
        <div data-testid="dispatch-case-summary" style={{ marginBottom: 12, padding: 8, background: '#fafafa', borderRadius: 6 }}>
          <Space size={6} wrap>
            <UrgencyTag urgency={c.urgency} />
            <Typography.Text strong>{c.subject}</Typography.Text>
          </Space>
          <div style={{ fontSize: 12, color: '#888', marginTop: 4 }}>{c.location.address}</div>
        </div>
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ...INITIAL[action], ...(action === 'dispatch' ? { lead: c.location.streetCode ?? c.location.districtCode ?? undefined } : {}) }}
        preserve={false}
      >
        {fields}
      </Form>
    </Modal>
  );
}
