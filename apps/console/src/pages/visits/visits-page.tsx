// 回访: closed cases awaiting their return visit (GET /api/visits/queue) and the outcome form —
// each call attempt is recorded (POST /api/visits/{caseId}/attempts); a reached requester answers
// contacted? solved? satisfied?; unanswered calls are retried up to the configured maximum. Nothing
// is pre-selected (one click must not record "satisfied"); the visitor sees the phone to call (the
// case API unmasks it for centre visitors and logs the view), the handling unit and the feedback.
import { PhoneOutlined } from '@ant-design/icons';
import { CASE_ENDPOINTS, type ResponseOf, type VISIT_ATTEMPT_RESULTS, VISIT_ENDPOINTS, type VisitSatisfaction } from '@jiesu/contracts';
import { App, Button, Card, Descriptions, Form, Input, Modal, Radio, Spin, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { CaseDetail } from '../../api/types';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { SATISFACTION_LABELS } from '../../i18n/labels';
import type { Bilingual } from '../../i18n/lang';
import { useReference } from '../../reference';

type AttemptResult = (typeof VISIT_ATTEMPT_RESULTS)[number];

type VisitQueue = ResponseOf<typeof VISIT_ENDPOINTS.queue>;
type VisitQueueItem = VisitQueue['items'][number];

const RESULT_LABELS: Record<AttemptResult, Bilingual> = {
  reached: { zh: '已接通', en: 'Reached' },
  no_answer: { zh: '无人接听', en: 'No answer' },
  declined: { zh: '拒绝回访', en: 'Declined' },
  wrong_number: { zh: '号码错误', en: 'Wrong number' },
};

interface AttemptValues {
  result: AttemptResult;
  isContacted: boolean;
  isSolved: boolean;
  satisfaction: VisitSatisfaction;
  comment?: string;
}

export function VisitsPage() {
  const { t, pick, lang } = useI18n();
  const ref = useReference();
  const { message } = App.useApp();
  const [queue, setQueue] = useState<VisitQueue | null>(null);
  const [loading, setLoading] = useState(false);
  const [target, setTarget] = useState<VisitQueueItem | null>(null);
  const [busy, setBusy] = useState(false);
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [form] = Form.useForm<AttemptValues>();
  const result = Form.useWatch('result', form);
  const report = useReportError();
  const load = useCallback(() => {
    setLoading(true);
    api
      .call(VISIT_ENDPOINTS.queue, { query: { limit: 200 } })
      .then(setQueue)
      .catch((e: unknown) => report(e, load))
      .finally(() => setLoading(false));
  }, [report]);
  useEffect(load, [load]);
  useEffect(() => {
    setDetail(null);
    if (!target) return;
    api
      .call(CASE_ENDPOINTS.get, { params: { id: target.caseId } })
      .then(setDetail)
      .catch((e: unknown) => report(e));
  }, [target, report]);

  const submit = async () => {
    if (!target) return;
    // A failed validation is shown on the form; it is not an error to throw further.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const body =
        v.result === 'reached'
          ? { result: v.result, isContacted: v.isContacted, isSolved: v.isSolved, satisfaction: v.satisfaction, ...(v.comment ? { comment: v.comment } : {}) }
          : { result: v.result, ...(v.comment ? { comment: v.comment } : {}) };
      const r = await api.call(VISIT_ENDPOINTS.recordAttempt, { params: { caseId: target.caseId }, body });
      const outcome =
        r.outcome.status === 'valid'
          ? t('visitValid')
          : r.outcome.status === 'invalid'
            ? t('visitInvalid')
            : lang === 'zh'
              ? `待再次回访（剩余 ${r.outcome.attemptsLeft ?? 0} 次）`
              : `to retry (${r.outcome.attemptsLeft ?? 0} left)`;
      void message.success(`${target.caseNumber} · ${outcome}`);
      setTarget(null);
      load();
    } catch (e) {
      report(e, load);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('visitsTitle')} extra={<Button onClick={load}>{t('reload')}</Button>}>
      <Table<VisitQueueItem>
        rowKey="caseId"
        loading={loading}
        dataSource={queue?.items ?? []}
        pagination={(queue?.items.length ?? 0) > 10 ? { pageSize: 10 } : false}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('caseNumber'), dataIndex: 'caseNumber', width: 160, render: (v: string, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link> },
          { title: t('subject'), dataIndex: 'subject', ellipsis: true },
          { title: t('category'), dataIndex: 'categoryCode', width: 160, render: (v: string) => ref.categoryName(v) },
          { title: lang === 'zh' ? '办结时间' : 'Closed', dataIndex: 'closedAt', width: 140, render: (v: string | null) => (v ? dayjs(v).format('MM-DD HH:mm') : '—') },
          {
            title: lang === 'zh' ? '已拨打' : 'Calls',
            dataIndex: 'attempts',
            width: 100,
            render: (n: number) => (
              <Tag color={n > 0 ? 'orange' : 'default'}>
                {n} / {queue?.maxAttempts ?? '—'}
              </Tag>
            ),
          },
          {
            title: t('actions'),
            key: 'a',
            width: 140,
            render: (_: unknown, r) => (
              <Button
                type="primary"
                size="small"
                icon={<PhoneOutlined />}
                data-testid="row-visit"
                onClick={() => {
                  form.resetFields();
                  setTarget(r);
                }}
              >
                {t('recordVisit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        title={target ? `${t('recordVisit')} · ${target.caseNumber}` : ''}
        open={target !== null}
        onCancel={() => setTarget(null)}
        onOk={() => void submit()}
        confirmLoading={busy}
        okText={t('submit')}
        cancelText={t('cancel')}
        forceRender
      >
        {target && <Typography.Paragraph type="secondary">{target.subject}</Typography.Paragraph>}
        {target && !detail && <Spin size="small" />}
        {detail && (
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }} data-testid="visit-context">
            <Descriptions.Item label={t('visitCallPhone')}>
              {detail.requester.phone ? (
                <a href={`tel:${detail.requester.phone}`} data-testid="visit-phone">
                  <PhoneOutlined /> {detail.requester.phone}
                </a>
              ) : (
                '—'
              )}
              {detail.requester.name ? ` · ${detail.requester.name}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('visitHandlingUnit')}>
              <span data-testid="visit-unit">
                {detail.assignments
                  .filter((a) => a.role === 'lead' && a.state !== 'withdrawn' && a.state !== 'returned')
                  .map((a) => a.unit.name)
                  .join('、') || '—'}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('visitFeedback')}>
              <span data-testid="visit-feedback">{detail.feedbacks.at(-1)?.summary ?? '—'}</span>
            </Descriptions.Item>
          </Descriptions>
        )}
        <Typography.Text type="secondary">{t('visitPickAll')}</Typography.Text>
        <Form form={form} layout="vertical">
          <Form.Item name="result" label={lang === 'zh' ? '拨打结果' : 'Call result'} rules={[{ required: true, message: lang === 'zh' ? '请选择' : 'Choose one' }]}>
            <Radio.Group optionType="button" options={(Object.keys(RESULT_LABELS) as AttemptResult[]).map((k) => ({ value: k, label: pick(RESULT_LABELS[k]) }))} />
          </Form.Item>
          {result === 'reached' && (
            <>
              <Form.Item name="isContacted" label={t('isContactedQ')} rules={[{ required: true, message: lang === 'zh' ? '请选择' : 'Choose one' }]}>
                <Radio.Group
                  options={[
                    { value: true, label: t('yes') },
                    { value: false, label: t('no') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="isSolved" label={t('isSolvedQ')} rules={[{ required: true, message: lang === 'zh' ? '请选择' : 'Choose one' }]}>
                <Radio.Group
                  options={[
                    { value: true, label: t('yes') },
                    { value: false, label: t('no') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="satisfaction" label={t('satisfaction')} rules={[{ required: true, message: lang === 'zh' ? '请选择' : 'Choose one' }]}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={(Object.keys(SATISFACTION_LABELS) as (keyof typeof SATISFACTION_LABELS)[]).map((k) => ({ value: k, label: pick(SATISFACTION_LABELS[k]) }))}
                />
              </Form.Item>
            </>
          )}
          <Form.Item name="comment" label={t('note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
