// 申诉: the lead unit (handler or unit leader) asks, once a case is finished, that it not count
// in its score (POST /api/appeals with a reason kind and an explanation), within the appeal
// window; a centre evaluator may file a late one with an override reason (逾期受理, audited).
import { APPEAL_ENDPOINTS } from '@jiesu/contracts';
import { APPEAL_REASONS, type AppealReason } from '@jiesu/core';
import { App, Form, Input, Modal, Select } from 'antd';
import { api } from '../api/client';
import { useAuth } from '../auth';
import { useI18n } from '../i18n/i18n';
import { APPEAL_REASON_LABELS } from '../i18n/labels';
import { useReportError } from './use-report-error';

export function AppealModal({ caseId, caseNumber, open, onClose }: { caseId: string; caseNumber: string; open: boolean; onClose: () => void }) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const isEvaluator = hasRole('evaluator');
  const report = useReportError();
  const [form] = Form.useForm<{ reason: AppealReason; explanation: string; lateOverrideReason?: string }>();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null); // the form shows what is missing
    if (!v) return;
    try {
      const late = v.lateOverrideReason?.trim();
      await api.call(APPEAL_ENDPOINTS.file, { body: { caseId, reason: v.reason, explanation: v.explanation.trim(), ...(late ? { lateOverrideReason: late } : {}) } });
      void message.success(t('appealFiled'));
      form.resetFields();
      onClose();
    } catch (e) {
      report(e);
    }
  };
  return (
    <Modal
      title={`${t('fileAppeal')} · ${caseNumber}`}
      open={open}
      onCancel={onClose}
      okText={t('submit')}
      cancelText={t('cancel')}
      onOk={() => void submit().catch(() => undefined)}
    >
      <Form form={form} layout="vertical" initialValues={{ reason: 'not_our_duty' }}>
        <Form.Item name="reason" label={t('appealReason')} rules={[{ required: true }]}>
          <Select options={APPEAL_REASONS.map((r) => ({ value: r, label: pick(APPEAL_REASON_LABELS[r]) }))} />
        </Form.Item>
        <Form.Item name="explanation" label={t('explanation')} rules={[{ required: true, whitespace: true, max: 4000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        {isEvaluator && (
          <Form.Item
            name="lateOverrideReason"
            label={lang === 'zh' ? '逾期受理理由（超过申诉时限时由考核员填写，留痕）' : 'Late-filing reason (evaluators, past the appeal window; audited)'}
            rules={[{ max: 2000 }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
