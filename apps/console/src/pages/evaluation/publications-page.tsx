// 排名发布 (centre evaluators): publish a period's rankings as an immutable snapshot (POST
// /api/scoring/periods/{period}/publications). A period already published is published again
// only with a reason, as the next version; the versions are listed with who published them.
import { type ResponseOf, SCORING_ENDPOINTS } from '@jiesu/contracts';
import { evaluationPeriodKeyOf, shiftPeriodKey } from '@jiesu/core';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { toApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';

type Publication = ResponseOf<typeof SCORING_ENDPOINTS.publish>;

export function PublicationsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const current = useMemo(() => evaluationPeriodKeyOf(new Date()), []);
  const [period, setPeriod] = useState(() => shiftPeriodKey(current, -1));
  const [items, setItems] = useState<Publication[]>([]);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const report = useReportError();
  const load = useCallback(() => {
    api
      .call(SCORING_ENDPOINTS.publications, { params: { period } })
      .then(setItems)
      .catch((e: unknown) => report(e, load));
  }, [period, report]);
  useEffect(load, [load]);

  const publish = async (reason?: string) => {
    setBusy(true);
    try {
      const p = await api.call(SCORING_ENDPOINTS.publish, { params: { period }, body: reason ? { reason } : {} });
      void message.success({ content: `${p.periodKey} v${p.version} · ${t('done')}`, key: 'publish' });
      setAsking(false);
      form.resetFields();
      load();
    } catch (e) {
      if (toApiError(e).code === 'SCORING_ALREADY_PUBLISHED' && !reason) setAsking(true);
      else report(e, load);
    } finally {
      setBusy(false);
    }
  };
  const periodOptions = Array.from({ length: 12 }, (_, i) => shiftPeriodKey(current, -i));
  const latest = items.at(-1);

  return (
    <Card
      title={t('publishTitle')}
      extra={
        <Space wrap>
          <Select
            value={period}
            onChange={setPeriod}
            options={periodOptions.map((p) => ({ value: p, label: p === current ? `${p} (${lang === 'zh' ? '进行中' : 'running'})` : p }))}
            style={{ width: 150 }}
            aria-label={t('period')}
            data-testid="publish-period"
          />
          <Button type="primary" loading={busy} onClick={() => (items.length > 0 ? setAsking(true) : void publish())} data-testid="publish">
            {items.length > 0 ? t('republish') : t('publish')}
          </Button>
          <Link to="/rankings">{t('menuRankings')}</Link>
        </Space>
      }
    >
      <Alert type="info" showIcon title={t('publishHint')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph>
        {t('period')} <b>{period}</b> ·{' '}
        {latest ? (
          <Tag color="green" data-testid="latest-version">
            {lang === 'zh' ? `已发布 v${latest.version}` : `published v${latest.version}`}
          </Tag>
        ) : (
          <Tag>{t('notPublished')}</Tag>
        )}
      </Typography.Paragraph>
      <Table<Publication>
        rowKey="version"
        size="small"
        dataSource={[...items].reverse()}
        pagination={false}
        locale={{ emptyText: t('notPublished') }}
        data-testid="publications"
        columns={[
          { title: t('version'), dataIndex: 'version', width: 90, render: (v: number) => <Tag color="blue">v{v}</Tag> },
          { title: t('publishedAt'), dataIndex: 'publishedAt', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
          { title: t('publishedBy'), key: 'by', width: 140, render: (_: unknown, p) => p.publishedBy.username },
          { title: t('reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
        ]}
      />
      <Modal
        title={`${t('republish')} · ${period}`}
        open={asking}
        confirmLoading={busy}
        onCancel={() => setAsking(false)}
        okText={t('publish')}
        cancelText={t('cancel')}
        onOk={() => void form.validateFields().then((v) => publish(v.reason.trim()))}
      >
        <Typography.Paragraph type="secondary">{t('republishReason')}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
            <Input.TextArea id="publish-reason" rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
