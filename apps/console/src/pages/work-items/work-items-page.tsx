// 工作任务: every work item in the user's scope (tasks of topics, meeting follow-ups, warning
// actions, notices to acknowledge), filtered; the unit's notifications beside them; and, for
// those who may set items, the form to set one.
import { PlusOutlined } from '@ant-design/icons';
import { NOTIFICATION_ENDPOINTS } from '@jiesu/contracts';
import { WORK_ITEM_KINDS, canCreateWorkItems, type WorkItemKind, type WorkItemStatus } from '@jiesu/core';
import { App, Button, Card, List, Segmented, Select, Space, Switch, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import type { NotificationRow } from '../../api/types';
import { useAuth } from '../../auth';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { NOTIFICATION_KIND_LABELS, WORK_ITEM_KIND_LABELS } from '../../i18n/labels';
import { WorkItemCreateModal } from './work-item-create-modal';
import { WorkItemList } from './WorkItemList';

type Scope = 'open' | 'finished' | 'all';
const STATUSES: Record<Scope, readonly WorkItemStatus[] | undefined> = {
  open: ['open', 'in_progress'],
  finished: ['done', 'cancelled'],
  all: undefined,
};

function Notifications({ onOpenItem }: { onOpenItem: (id: string) => void }) {
  const { pick, t } = useI18n();
  const navigate = useNavigate();
  const [rows, setRows] = useState<NotificationRow[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  // Keyset pages (GET /api/notifications): the first page, then "more" continues after its last row.
  const fetchPage = useCallback((cursor: string | null) => {
    setLoading(true);
    void api
      .call(NOTIFICATION_ENDPOINTS.list, { query: { limit: 50, ...(cursor ? { cursor } : {}) } })
      .then((r) => {
        setRows((prev) => (cursor ? [...prev, ...r.items] : r.items));
        setNextCursor(r.nextCursor);
      })
      .catch((e: unknown) => report(e))
      .finally(() => setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const load = useCallback(() => fetchPage(null), [fetchPage]);
  const report = useReportError(load);
  useEffect(load, [load]);
  return (
    <List
      dataSource={rows}
      data-testid="wi-notifications"
      renderItem={(n) => (
        <List.Item
          style={{ cursor: 'pointer' }}
          onClick={() => {
            if (n.workItemId) onOpenItem(n.workItemId);
            else if (n.caseId) void navigate(`/cases/${n.caseId}`);
          }}
        >
          <Space orientation="vertical" size={2}>
            <Space size={6}>
              <Tag color={n.kind.includes('escalation') ? 'red' : n.kind.includes('reminder') ? 'orange' : 'blue'}>{pick(NOTIFICATION_KIND_LABELS[n.kind], n.kind)}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dayjs(n.createdAt).format('MM-DD HH:mm')}
              </Typography.Text>
            </Space>
            <Typography.Text>{n.subject ?? n.caseNumber ?? '—'}</Typography.Text>
          </Space>
        </List.Item>
      )}
      loadMore={
        nextCursor ? (
          <Button block onClick={() => fetchPage(nextCursor)} loading={loading} style={{ marginTop: 12 }} data-testid="wi-notifications-more">
            {t('workItemLoadMore')}
          </Button>
        ) : null
      }
    />
  );
}

export function WorkItemsPage() {
  const { t, pick } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const [scope, setScope] = useState<Scope>('open');
  const [isOverdue, setIsOverdue] = useState(false);
  const [kind, setKind] = useState<WorkItemKind | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const [tab, setTab] = useState<'items' | 'notifications'>('items');
  const [openId, setOpenId] = useState<string | null>(null);

  return (
    <Card styles={{ body: { padding: 12 } }}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as 'items' | 'notifications')}
        tabBarExtraContent={
          me && canCreateWorkItems(me) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="wi-new">
              {t('workItemNew')}
            </Button>
          ) : undefined
        }
        items={[
          {
            key: 'items',
            label: t('workItems'),
            children: (
              <Space orientation="vertical" size={10} style={{ width: '100%' }}>
                <Space wrap size={[8, 8]}>
                  <Segmented<Scope>
                    value={scope}
                    onChange={setScope}
                    options={[
                      { value: 'open', label: t('workItemOpenOnly') },
                      { value: 'finished', label: t('workItemFinished') },
                      { value: 'all', label: t('workItemAll') },
                    ]}
                  />
                  <Space size={4}>
                    <Switch size="small" checked={isOverdue} onChange={setIsOverdue} />
                    <Typography.Text>{t('workItemOverdueOnly')}</Typography.Text>
                  </Space>
                  <Select<WorkItemKind>
                    allowClear
                    placeholder={t('workItemKind')}
                    style={{ minWidth: 150 }}
                    value={kind}
                    onChange={(v) => setKind(v)}
                    options={WORK_ITEM_KINDS.map((k) => ({ value: k, label: pick(WORK_ITEM_KIND_LABELS[k]) }))}
                  />
                </Space>
                <WorkItemList
                  {...(STATUSES[scope] ? { status: STATUSES[scope] } : {})}
                  {...(isOverdue ? { isOverdue: true } : {})}
                  {...(kind ? { kind } : {})}
                  reloadKey={reloadKey}
                  openId={openId}
                  onOpenChange={setOpenId}
                />
              </Space>
            ),
          },
          {
            key: 'notifications',
            label: t('workItemNotifications'),
            children: (
              <Notifications
                onOpenItem={(id) => {
                  setTab('items');
                  setOpenId(id);
                }}
              />
            ),
          },
        ]}
      />
      <WorkItemCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(item) => {
          setCreating(false);
          void message.success(`${t('workItemCreated')} · ${item.title}`);
          setReloadKey((k) => k + 1);
        }}
      />
    </Card>
  );
}
