// What the deliberation screens share: the communities the user works for (their own, or their
// street's), a community picker, and a small form-in-a-modal for the one-step actions. The rules
// (who may act, which step comes next) come from the server's allowedActions, never from here.
import { UNIT_ENDPOINTS } from '@jiesu/contracts';
import { Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n/i18n';

export interface CommunityOption {
  code: string;
  name: string;
}

const COMMUNITY_KEY = 'jiesu.console.community';

/** The user's community, or their street's communities; the last one chosen is remembered. */
export function useCommunities(): { communities: CommunityOption[]; current: string | null; setCurrent(code: string): void } {
  const { me } = useAuth();
  const [communities, setCommunities] = useState<CommunityOption[]>([]);
  const [current, setCurrentState] = useState<string | null>(() => localStorage.getItem(COMMUNITY_KEY));
  useEffect(() => {
    if (!me) return;
    if (me.unitClass === 'community') {
      api
        .call(UNIT_ENDPOINTS.get, { params: { code: me.unitCode } })
        .then((u) => setCommunities([{ code: u.code, name: u.name }]))
        .catch(() => setCommunities([{ code: me.unitCode, name: me.unitCode }]));
      return;
    }
    api
      .call(UNIT_ENDPOINTS.list, { query: { class: 'community', ...(me.unitClass === 'street' ? { parent: me.unitCode } : {}), limit: 200 } })
      .then((p) => setCommunities(p.items.map((u) => ({ code: u.code, name: u.name }))))
      .catch(() => setCommunities([]));
  }, [me]);
  const valid = current && communities.some((c) => c.code === current) ? current : (communities[0]?.code ?? null);
  return {
    communities,
    current: valid,
    setCurrent: (code) => {
      localStorage.setItem(COMMUNITY_KEY, code);
      setCurrentState(code);
    },
  };
}

export function CommunityPicker({ communities, value, onChange }: { communities: CommunityOption[]; value: string | null; onChange(code: string): void }) {
  if (communities.length <= 1) return null;
  return (
    <Select
      style={{ minWidth: 180 }}
      value={value ?? undefined}
      onChange={onChange}
      options={communities.map((c) => ({ value: c.code, label: c.name }))}
      data-testid="community-picker"
      showSearch
      optionFilterProp="label"
    />
  );
}

export type FieldKind = 'text' | 'textarea' | 'number' | 'select' | 'datetime' | 'switch';

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  options?: Array<{ value: string; label: string }>;
  initial?: unknown;
  min?: number;
  max?: number;
}

/** A modal with a few fields; `onOk` gets the values and may throw to keep it open. */
export function FieldsModal({
  open,
  title,
  fields,
  onOk,
  onClose,
  testId,
}: {
  open: boolean;
  title: string;
  fields: FieldSpec[];
  onOk(values: Record<string, unknown>): Promise<void>;
  onClose(): void;
  testId?: string;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [busy, setBusy] = useState(false);
  // Initial values once per opening: the fields array is rebuilt on every render of the parent.
  useEffect(() => {
    if (open) form.setFieldsValue(Object.fromEntries(fields.map((f) => [f.name, f.initial])));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the modal opens
  }, [open]);
  return (
    <Modal
      open={open}
      title={title}
      okText={t('confirm')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onClose}
      okButtonProps={{ 'data-testid': `${testId ?? 'fields'}-ok` } as Record<string, string>}
      onOk={() => {
        form
          .validateFields()
          .then(async (values) => {
            setBusy(true);
            try {
              await onOk(values);
              form.resetFields();
            } finally {
              setBusy(false);
            }
          })
          .catch(() => undefined);
      }}
    >
      <Form form={form} layout="vertical" data-testid={testId}>
        {fields.map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label} rules={f.required ? [{ required: true }] : []} valuePropName={f.kind === 'switch' ? 'checked' : 'value'}>
            {f.kind === 'text' ? (
              <Input data-testid={`field-${f.name}`} />
            ) : f.kind === 'textarea' ? (
              <Input.TextArea rows={3} data-testid={`field-${f.name}`} />
            ) : f.kind === 'number' ? (
              <InputNumber min={f.min ?? 0} max={f.max} style={{ width: '100%' }} inputMode="numeric" data-testid={`field-${f.name}`} />
            ) : f.kind === 'select' ? (
              <Select options={f.options} data-testid={`field-${f.name}`} />
            ) : f.kind === 'datetime' ? (
              <Input type="datetime-local" data-testid={`field-${f.name}`} />
            ) : (
              <Switch data-testid={`field-${f.name}`} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** 'YYYY-MM-DDTHH:mm' from a datetime-local input, read in the browser's zone, as an ISO instant. */
export function localToIso(v: unknown): string {
  return new Date(String(v)).toISOString();
}

export const STATUS_COLORS: Record<string, string> = {
  scheduled: 'blue',
  in_session: 'processing',
  closed: 'default',
  cancelled: 'red',
  pending: 'gold',
  decided: 'green',
  not_decided: 'volcano',
  deferred: 'purple',
  moved: 'gold',
  seconded: 'cyan',
  under_discussion: 'processing',
  passed: 'green',
  failed: 'red',
  withdrawn: 'default',
  submitted: 'gold',
  open: 'blue',
  on_agenda: 'green',
  answered: 'default',
  in_progress: 'processing',
  done: 'green',
};
