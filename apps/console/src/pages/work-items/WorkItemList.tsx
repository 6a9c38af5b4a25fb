// 工作任务列表: work items in the viewer's scope as phone-first cards (title, status, owner,
// countdown), filters as props so a topic, notice or meeting page embeds the list of its own items:
//   <WorkItemList sourceType="topic" sourceId={topic.id} />
// Tapping a card opens the detail drawer with the actions the server allows.
import { WORK_ITEM_ENDPOINTS } from '@jiesu/contracts';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { WorkItemKind, WorkItemStatus } from '@jiesu/core';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { WorkItemView } from '../../api/types';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { WORK_ITEM_KIND_LABELS, WORK_ITEM_STATUS_LABELS, workItemStatusColor } from '../../i18n/labels';
import { DueCountdown } from '../../components/countdown';
import { WorkItemDrawer } from './work-item-drawer';

export interface WorkItemListProps {
  sourceType?: string;
  sourceId?: string;
  kind?: WorkItemKind;
  status?: readonly WorkItemStatus[];
  isOverdue?: boolean;
  ownerUnitCode?: string;
  linkedCaseId?: string;
  pageSize?: number;
  /** Bump to reload from the first page (e.g. after the embedding page created an item). */
  reloadKey?: number;
  /** Opens this item's drawer at once (e.g. from a notification). */
  openId?: string | null;
  onOpenChange?: (id: string | null) => void;
}

export function WorkItemList({
  sourceType,
  sourceId,
  kind,
  status,
  isOverdue,
  ownerUnitCode,
  linkedCaseId,
  pageSize = 20,
  reloadKey = 0,
  openId,
  onOpenChange,
}: WorkItemListProps) {
  const { t, pick } = useI18n();
  const [items, setItems] = useState<WorkItemView[]>([]);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<string | null>(openId ?? null);
  useEffect(() => setSelected(openId ?? null), [openId]);
  const statusKey = status?.join(',') ?? '';

  const report = useReportError();
  const fetchPage = useCallback(
    (after: string | null) => {
      setLoading(true);
      void api
        .call(WORK_ITEM_ENDPOINTS.list, {
          query: {
            sourceType,
            sourceId,
            kind,
            status: statusKey ? (statusKey.split(',') as WorkItemStatus[]) : undefined,
            overdue: isOverdue,
            owner: ownerUnitCode,
            linkedCase: linkedCaseId,
            limit: pageSize,
            ...(after ? { cursor: after } : {}),
          },
        })
        .then((page) => {
          setItems((prev) => (after ? [...prev, ...page.items] : page.items));
          setTotal(page.total);
          setCursor(page.nextCursor);
        })
        .catch((e: unknown) => report(e, () => fetchPage(null)))
        .finally(() => setLoading(false));
    },
    [sourceType, sourceId, kind, statusKey, isOverdue, ownerUnitCode, linkedCaseId, pageSize, report],
  );
  const reload = useCallback(() => fetchPage(null), [fetchPage]);
  useEffect(reload, [reload, reloadKey]);

  const open = (id: string | null) => {
    setSelected(id);
    onOpenChange?.(id);
  };

  return (
    <div data-testid="wi-list">
      <List
        loading={loading && items.length === 0}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workItemNone')} /> }}
        renderItem={(item) => {
          const isOpen = item.status === 'open' || item.status === 'in_progress';
          return (
            <List.Item style={{ padding: '6px 0', border: 'none' }}>
              <Card size="small" hoverable style={{ width: '100%' }} onClick={() => open(item.id)} data-testid="wi-card">
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Typography.Text strong style={{ fontSize: 15 }}>
                    {item.title}
                  </Typography.Text>
                  <Space wrap size={[4, 4]}>
                    <Tag color={workItemStatusColor(item.status)}>{pick(WORK_ITEM_STATUS_LABELS[item.status])}</Tag>
                    <Tag>{pick(WORK_ITEM_KIND_LABELS[item.kind])}</Tag>
                    <DueCountdown dueAt={item.clock.dueAt} isOpen={isOpen} />
                    {item.isOverdue && <Tag color="red">{t('overdue')}</Tag>}
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {item.owner.unit.name}
                    {item.owner.person ? ` · ${item.owner.person.name}` : ''} · {t('workItemDue')} {dayjs(item.clock.dueAt).format('MM-DD HH:mm')}
                  </Typography.Text>
                </Space>
              </Card>
            </List.Item>
          );
        }}
      />
      {total > 0 && (
        <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 4 }}>
          <Typography.Text type="secondary">{`${items.length} / ${total}`}</Typography.Text>
          {cursor && (
            <Button loading={loading} onClick={() => fetchPage(cursor)}>
              {t('workItemLoadMore')}
            </Button>
          )}
        </Space>
      )}
      <WorkItemDrawer id={selected} onClose={() => open(null)} onChanged={(updated) => setItems((prev) => prev.map((i) => (i.id === updated.id ? updated : i)))} />
    </div>
  );
}
