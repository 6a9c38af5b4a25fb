// 来电历史: while the operator types the number, its earlier cases (POST /api/intake/caller-history)
// with their status and whether they are the same problem. One click links the call being taken:
// to an open case as its duplicate (the new case is merged into it once taken in), to a finished
// one as a repeat call (重复来电, recorded on the new case once taken in; the server's core decides).
import { HistoryOutlined, LinkOutlined } from '@ant-design/icons';
import { CONSOLE_ENDPOINTS, type ResponseOf } from '@jiesu/contracts';
import { OPEN_CASE_STATUSES } from '@jiesu/core';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { StatusTag } from '../../components/case-tags';
import { useI18n } from '../../i18n/i18n';

type History = ResponseOf<typeof CONSOLE_ENDPOINTS.callerHistory>;
export type CallerCase = History['items'][number];
const OPEN: readonly string[] = OPEN_CASE_STATUSES;

export function CallerHistory({
  phone,
  categoryCode,
  streetCode,
  linkedTo,
  onLink,
}: {
  phone: string;
  categoryCode: string | undefined;
  streetCode: string | null;
  linkedTo: CallerCase | null;
  onLink(c: CallerCase | null): void;
}) {
  const { t } = useI18n();
  const [history, setHistory] = useState<History | null>(null);
  const digits = phone.replace(/\D/g, '');
  useEffect(() => {
    if (digits.length < 7) {
      setHistory(null);
      return;
    }
    // As the operator types: wait for a pause, and drop an answer overtaken by newer keystrokes.
    let isCurrent = true;
    const h = setTimeout(() => {
      api
        .call(CONSOLE_ENDPOINTS.callerHistory, { body: { phone: digits, ...(categoryCode ? { categoryCode } : {}), ...(streetCode ? { streetCode } : {}) } })
        .then((r) => isCurrent && setHistory(r))
        .catch(() => isCurrent && setHistory(null)); // a hint beside the form; the call goes on without it
    }, 350);
    return () => {
      isCurrent = false;
      clearTimeout(h);
    };
  }, [digits, categoryCode, streetCode]);
  if (!history) return null;
  return (
    <Card
      size="small"
      data-testid="caller-history"
      title={
        <Space>
          <HistoryOutlined />
          {t('callerHistory')}
          <Typography.Text type="secondary">{history.total === 0 ? t('callerHistoryNone') : `${t('callerHistoryCount')} ${history.total}`}</Typography.Text>
        </Space>
      }
      style={{ marginBottom: 12 }}
    >
      <List<CallerCase>
        size="small"
        dataSource={history.items}
        locale={{ emptyText: t('callerHistoryNone') }}
        renderItem={(c) => (
          <List.Item
            data-testid="caller-case"
            actions={[
              linkedTo?.id === c.id ? (
                <Button key="unlink" size="small" type="primary" icon={<LinkOutlined />} onClick={() => onLink(null)} data-testid="caller-linked">
                  {OPEN.includes(c.status) ? t('linked') : t('linkedRepeat')}
                </Button>
              ) : OPEN.includes(c.status) ? (
                <Button key="link" size="small" icon={<LinkOutlined />} onClick={() => onLink(c)} data-testid="caller-link">
                  {t('linkDuplicate')}
                </Button>
              ) : (
                <Button key="repeat" size="small" icon={<LinkOutlined />} onClick={() => onLink(c)} data-testid="caller-link-repeat">
                  {t('linkRepeat')}
                </Button>
              ),
            ]}
          >
            <Space orientation="vertical" size={0}>
              <Space size={4} wrap>
                <Link to={`/cases/${c.id}`}>{c.caseNumber}</Link>
                <StatusTag status={c.status} />
                <Tag color={c.isSameProblem ? 'red' : 'default'}>{c.isSameProblem ? t('sameProblem') : t('otherProblem')}</Tag>
              </Space>
              <Typography.Text>{c.subject}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dayjs(c.receivedAt).format('YYYY-MM-DD HH:mm')}
                {c.address ? ` · ${c.address}` : ''}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
