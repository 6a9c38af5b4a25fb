// One modal for every work-item action: the fields each action's body needs (packages/contracts
// WORK_ITEM_ACTION_BODIES), expectedVersion from the loaded item, errors in plain words.
import { DEADLINE_UNITS, WORK_ITEM_ACTION_ENDPOINTS, type WorkItemActionBody } from '@jiesu/contracts';
import type { WorkItemAction } from '@jiesu/core';
import { Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { WorkItemView } from '../../api/types';
import { PhotoUpload } from '../../components/photo-upload';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { DEADLINE_UNIT_LABELS, WORK_ITEM_ACTION_LABELS } from '../../i18n/labels';

interface Values {
  note?: string;
  text?: string;
  attachmentIds?: string[];
  reason?: string;
  amount?: number;
  unit?: (typeof DEADLINE_UNITS)[number];
}

export function workItemActionPath(id: string, action: WorkItemAction): string {
  return `/api/work-items/${id}/actions/${action}`;
}

/** Which inputs an action asks for. */
function fieldsOf(action: WorkItemAction): { text: boolean; files: boolean; reason: boolean; due: 'required' | 'optional' | 'none' } {
  switch (action) {
    case 'progress':
    case 'complete':
      return { text: true, files: true, reason: false, due: 'none' };
    case 'cancel':
      return { text: false, files: false, reason: true, due: 'none' };
    case 'extend':
      return { text: false, files: false, reason: true, due: 'required' };
    case 'reopen':
      return { text: false, files: false, reason: true, due: 'optional' };
    case 'start':
    case 'acknowledge':
    case 'remind':
    case 'escalate':
      return { text: false, files: false, reason: false, due: 'none' };
    default: {
      const unknown: never = action;
      throw new Error(`unknown action ${String(unknown)}`);
    }
  }
}

/** The form's values as the action's body (empty optionals left out). */
export function workItemActionBody(action: WorkItemAction, v: Values, expectedVersion: number): WorkItemActionBody<WorkItemAction> {
  const f = fieldsOf(action);
  const note = v.note?.trim();
  const due = v.amount !== undefined && v.amount !== null && v.unit ? { amount: v.amount, unit: v.unit } : undefined;
  return {
    expectedVersion,
    ...(note ? { note } : {}),
    ...(f.text ? { text: v.text ?? '' } : {}),
    ...(f.files && v.attachmentIds && v.attachmentIds.length > 0 ? { attachmentIds: v.attachmentIds } : {}),
    ...(f.reason ? { reason: v.reason ?? '' } : {}),
    ...(f.due !== 'none' && due ? { due } : {}),
  } as WorkItemActionBody<WorkItemAction>;
}

export function WorkItemActionModal({
  item,
  action,
  onClose,
  onDone,
}: {
  item: WorkItemView;
  action: WorkItemAction | null;
  onClose: () => void;
  onDone: (updated: WorkItemView) => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const report = useReportError(onClose);
  useEffect(() => {
    if (action) form.setFieldsValue({ note: '', text: '', reason: '', attachmentIds: [], amount: action === 'extend' ? 3 : undefined, unit: 'calendar_days' });
  }, [action, form]);
  if (!action) return null;
  const f = fieldsOf(action);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form marks what is missing
    }
    setBusy(true);
    try {
      const updated = await api.call(WORK_ITEM_ACTION_ENDPOINTS[action], { params: { id: item.id }, body: workItemActionBody(action, v, item.version) });
      onDone(updated);
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${pick(WORK_ITEM_ACTION_LABELS[action])} · ${item.title}`}
      okText={t('submit')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'wi-action-submit' } as Record<string, string>}
    >
      <Form form={form} layout="vertical">
        {f.text && (
          <Form.Item name="text" label={t('workItemText')} rules={[{ required: true, whitespace: true, message: t('workItemText') }]}>
            <Input.TextArea rows={3} maxLength={5000} data-testid="wi-action-text" />
          </Form.Item>
        )}
        {f.files && (
          <Form.Item name="attachmentIds" label={t('uploadEvidence')}>
            <PhotoUpload label={t('uploadEvidence')} />
          </Form.Item>
        )}
        {f.reason && (
          <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reason') }]}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="wi-action-reason" />
          </Form.Item>
        )}
        {f.due !== 'none' && (
          <Form.Item label={t('workItemDueSpan')} required={f.due === 'required'}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="amount" noStyle rules={f.due === 'required' ? [{ required: true, message: t('workItemAmount') }] : []}>
                <InputNumber min={1} max={1000} style={{ width: '40%' }} />
              </Form.Item>
              <Form.Item name="unit" noStyle>
                <Select style={{ width: '60%' }} options={DEADLINE_UNITS.map((u) => ({ value: u, label: pick(DEADLINE_UNIT_LABELS[u]) }))} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        )}
        <Form.Item name="note" label={t('note')}>
          <Input maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
