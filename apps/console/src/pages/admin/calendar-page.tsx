// 节假日日历: the years whose official holidays and make-up working days are loaded, and the upload
// of a year's schedule (a JSON file) with progress.
import { type BodyOf, CALENDAR_ENDPOINTS } from '@jiesu/contracts';
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, InputNumber, Progress, Space, Table, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { CalendarYear } from '../../api/types';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';

export function CalendarPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [years, setYears] = useState<CalendarYear[]>([]);
  const [year, setYear] = useState<number>(new Date().getFullYear() + 1);
  const [progress, setProgress] = useState<number | null>(null);
  const report = useReportError();
  const load = useCallback(() => {
    api
      .call(CALENDAR_ENDPOINTS.years, {})
      .then((y) => setYears([...y].reverse()))
      .catch((e: unknown) => report(e, load));
  }, [report]);
  useEffect(load, [load]);

  const upload = async (file: File) => {
    setProgress(10);
    try {
      // The file's content is checked by the server (400 naming the field), not here.
      const parsed = JSON.parse(await file.text()) as BodyOf<typeof CALENDAR_ENDPOINTS.putYear>;
      setProgress(40);
      await api.call(CALENDAR_ENDPOINTS.putYear, { params: { year }, body: parsed });
      setProgress(100);
      void message.success(`${year} · ${t('done')}`);
      load();
    } catch (e) {
      report(e instanceof SyntaxError ? { code: 'VALIDATION_FAILED', status: 400 } : e, load);
    } finally {
      setTimeout(() => setProgress(null), 800);
    }
  };

  return (
    <Card
      title={t('calendarYears')}
      extra={
        <Space>
          <span>{t('year')}</span>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => setYear(v ?? year)} />
          <Upload
            accept="application/json,.json"
            showUploadList={false}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('uploadYear')}</Button>
          </Upload>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('uploadJsonHint')}</Typography.Paragraph>
      {progress !== null && <Progress percent={progress} status={progress < 100 ? 'active' : 'success'} format={(p) => (p === 100 ? t('done') : t('importing'))} />}
      <Table<CalendarYear>
        rowKey="year"
        size="small"
        dataSource={years}
        pagination={{ pageSize: 12 }}
        columns={[
          { title: t('year'), dataIndex: 'year', width: 100 },
          { title: t('holidays'), dataIndex: 'holidays' },
          { title: t('workdays'), dataIndex: 'workdays' },
          { title: t('source'), dataIndex: 'source', render: (v: string) => (v.startsWith('chinese-days') ? v : lang === 'zh' ? `管理员上传（${v}）` : `uploaded (${v})`) },
        ]}
      />
    </Card>
  );
}
