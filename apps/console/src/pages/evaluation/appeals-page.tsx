// 申诉审核: appeals in the user's area (GET /api/appeals, filtered by status). City-centre
// evaluators grant (the case becomes 免考核) or refuse a pending appeal with a note (POST
// /api/appeals/{id}/decision); units see their own appeals and how they were decided.
import { APPEAL_ENDPOINTS, type ResponseOf } from '@jiesu/contracts';
import { APPEAL_STATUSES } from '@jiesu/core';
import { App, Button, Card, Form, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useAuth } from '../../auth';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { APPEAL_REASON_LABELS } from '../../i18n/labels';
import { useReference } from '../../reference';
import type { StringKey } from '../../i18n/strings';

type AppealPage = ResponseOf<typeof APPEAL_ENDPOINTS.list>;
type Appeal = AppealPage['items'][number];
type AppealStatus = Appeal['status'];
const STATUS: Record<AppealStatus, { label: StringKey; color: string }> = {
  pending: { label: 'appealPending', color: 'gold' },
  granted: { label: 'appealGranted', color: 'green' },
  refused: { label: 'appealRefused', color: 'red' },
};

export function AppealsPage() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const { me, hasRole } = useAuth();
  const ref = useReference();
  const canDecide = hasRole('evaluator') && me?.unitClass === 'centre';
  const [filter, setFilter] = useState<AppealStatus | 'all'>('pending');
  const [page, setPage] = useState<AppealPage | null>(null);
  const [deciding, setDeciding] = useState<{ appeal: Appeal; decision: 'grant' | 'refuse' } | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const report = useReportError();
  const load = useCallback(() => {
    api
      .call(APPEAL_ENDPOINTS.list, { query: { ...(filter === 'all' ? {} : { status: filter }), limit: 200 } })
      .then(setPage)
      .catch((e: unknown) => report(e, load));
  }, [filter, report]);
  useEffect(load, [load]);
  useEffect(() => {
    if (page) ref.loadUnits(page.items.map((a) => a.unitCode));
  }, [page, ref]);

  const decide = async (note: string) => {
    if (!deciding) return;
    try {
      await api.call(APPEAL_ENDPOINTS.decide, { params: { id: deciding.appeal.id }, body: { decision: deciding.decision, note } });
      void message.success(t('done'));
      setDeciding(null);
      form.resetFields();
      load();
    } catch (e) {
      report(e, load);
    }
  };

  return (
    <Card
      title={`${t('appealsTitle')}${page ? ` · ${page.total}` : ''}`}
      extra={
        <Segmented
          value={filter}
          onChange={(v) => setFilter(v as AppealStatus | 'all')}
          options={[{ value: 'all', label: t('all') }, ...APPEAL_STATUSES.map((s) => ({ value: s, label: t(STATUS[s].label) }))]}
        />
      }
    >
      <Table<Appeal>
        rowKey="id"
        size="middle"
        dataSource={page?.items ?? []}
        pagination={{ pageSize: 15 }}
        locale={{ emptyText: t('empty') }}
        data-testid="appeals"
        columns={[
          { title: t('caseNumber'), dataIndex: 'caseNumber', width: 170, render: (v: string, a) => <Link to={`/cases/${a.caseId}`}>{v}</Link> },
          { title: t('unit'), dataIndex: 'unitCode', width: 160, render: (v: string) => ref.unitName(v) },
          { title: t('appealReason'), dataIndex: 'reason', width: 130, render: (v: Appeal['reason']) => pick(APPEAL_REASON_LABELS[v]) },
          {
            title: t('explanation'),
            dataIndex: 'explanation',
            render: (v: string) => (
              <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
                {v}
              </Typography.Paragraph>
            ),
          },
          {
            title: t('status'),
            dataIndex: 'status',
            width: 120,
            render: (v: AppealStatus, a) => (
              <Space size={4} wrap>
                <Tag color={STATUS[v].color}>{t(STATUS[v].label)}</Tag>
                {a.isExemptInScoring && <Tag color="cyan">{t('exempt')}</Tag>}
                {a.lateOverride && (
                  <Tag color="orange" title={a.lateOverride.reason}>
                    {lang === 'zh' ? `逾期受理 · ${a.lateOverride.by.username}` : `late, filed by ${a.lateOverride.by.username}`}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('filedBy'),
            key: 'filed',
            width: 160,
            render: (_: unknown, a) => (
              <>
                {a.filedBy.username}
                <br />
                <Typography.Text type="secondary">{dayjs(a.filedAt).format('MM-DD HH:mm')}</Typography.Text>
              </>
            ),
          },
          {
            title: t('decisionNote'),
            key: 'decision',
            render: (_: unknown, a) =>
              a.decidedBy ? (
                <>
                  {a.decisionNote}
                  <br />
                  <Typography.Text type="secondary">
                    {a.decidedBy.username} · {a.decidedAt ? dayjs(a.decidedAt).format('MM-DD HH:mm') : ''}
                  </Typography.Text>
                </>
              ) : (
                '—'
              ),
          },
          ...(canDecide
            ? [
                {
                  title: t('actions'),
                  key: 'a',
                  width: 190,
                  render: (_: unknown, a: Appeal) =>
                    a.status === 'pending' && (
                      <Space>
                        <Button size="small" type="primary" onClick={() => setDeciding({ appeal: a, decision: 'grant' })} data-testid="appeal-grant">
                          {t('grant')}
                        </Button>
                        <Button size="small" danger onClick={() => setDeciding({ appeal: a, decision: 'refuse' })} data-testid="appeal-refuse">
                          {t('refuse')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        title={deciding ? `${deciding.decision === 'grant' ? t('grant') : t('refuse')} · ${deciding.appeal.caseNumber}` : ''}
        open={deciding !== null}
        onCancel={() => setDeciding(null)}
        okText={t('submit')}
        cancelText={t('cancel')}
        okButtonProps={{ danger: deciding?.decision === 'refuse' }}
        onOk={() => void form.validateFields().then((v) => decide(v.note.trim()))}
      >
        {deciding && (
          <Typography.Paragraph type="secondary">
            {pick(APPEAL_REASON_LABELS[deciding.appeal.reason])}: {deciding.appeal.explanation}
          </Typography.Paragraph>
        )}
        <Form form={form} layout="vertical">
          <Form.Item name="note" label={t('decisionNote')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
