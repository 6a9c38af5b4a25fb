// 新建任务: set a work item for a unit in your area, or for a named person that unit supervises.
// A retried submit sends the same Idempotency-Key, so a double tap never makes two items.
import { type CreateWorkItemBody, DEADLINE_UNITS, WORK_ITEM_ENDPOINTS } from '@jiesu/contracts';
import { WORK_ITEM_KINDS, type WorkItemKind } from '@jiesu/core';
import { Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { WorkItemView } from '../../api/types';
import { UnitSelect } from '../../components/unit-select';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { DEADLINE_UNIT_LABELS, WORK_ITEM_KIND_LABELS } from '../../i18n/labels';

interface Values {
  kind: WorkItemKind;
  title: string;
  detail?: string;
  ownerUnitCode: string;
  personName?: string;
  personContact?: string;
  amount: number;
  unit: (typeof DEADLINE_UNITS)[number];
  isEvidenceRequired: boolean;
}

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `wi-${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

export function WorkItemCreateModal({
  open,
  onClose,
  onCreated,
  defaults,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (item: WorkItemView) => void;
  defaults?: Partial<Pick<CreateWorkItemBody, 'kind' | 'sourceType' | 'sourceId'>>;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const report = useReportError();
  // One key per opening of the form: resubmitting the same form is a retry, not a new item.
  const key = useMemo(() => (open ? newKey() : ''), [open]);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form marks what is missing
    }
    const body: CreateWorkItemBody = {
      kind: v.kind,
      title: v.title.trim(),
      ...(v.detail?.trim() ? { detail: v.detail.trim() } : {}),
      owner: {
        unitCode: v.ownerUnitCode,
        ...(v.personName?.trim() ? { personName: v.personName.trim(), ...(v.personContact?.trim() ? { personContact: v.personContact.trim() } : {}) } : {}),
      },
      due: { amount: v.amount, unit: v.unit },
      isEvidenceRequired: v.isEvidenceRequired,
      ...(defaults?.sourceType && defaults.sourceId ? { sourceType: defaults.sourceType, sourceId: defaults.sourceId } : {}),
    };
    setBusy(true);
    try {
      onCreated(await api.call(WORK_ITEM_ENDPOINTS.create, { body }, { 'idempotency-key': key }));
      form.resetFields();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('workItemNew')} okText={t('submit')} cancelText={t('cancel')} confirmLoading={busy} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: defaults?.kind ?? 'general', amount: 3, unit: 'working_days', isEvidenceRequired: false }}>
        <Form.Item name="kind" label={t('workItemKind')} rules={[{ required: true }]}>
          <Select options={WORK_ITEM_KINDS.map((k) => ({ value: k, label: pick(WORK_ITEM_KIND_LABELS[k]) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('workItemTitle')} rules={[{ required: true, whitespace: true, message: t('workItemTitle') }]}>
          <Input maxLength={200} id="wi-title" />
        </Form.Item>
        <Form.Item name="detail" label={t('workItemDetail')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Form.Item name="ownerUnitCode" label={t('workItemOwner')} rules={[{ required: true, message: t('workItemOwner') }]}>
          <UnitSelect id="wi-owner" />
        </Form.Item>
        <Form.Item name="personName" label={t('workItemPerson')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="personContact" label={t('workItemPersonContact')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={t('workItemDueSpan')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="amount" noStyle rules={[{ required: true }]}>
              <InputNumber min={1} max={1000} style={{ width: '40%' }} />
            </Form.Item>
            <Form.Item name="unit" noStyle>
              <Select style={{ width: '60%' }} options={DEADLINE_UNITS.map((u) => ({ value: u, label: pick(DEADLINE_UNIT_LABELS[u]) }))} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="isEvidenceRequired" label={t('workItemEvidenceRequired')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
