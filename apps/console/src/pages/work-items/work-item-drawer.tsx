// One work item: what, who, by when (with a countdown), evidence, history, and the buttons the
// server says this user may press now (allowedActions) — the console decides none of them.
import { WORK_ITEM_ENDPOINTS } from '@jiesu/contracts';
import { Button, Descriptions, Drawer, Empty, Grid, Space, Spin, Tag, Timeline, Typography } from 'antd';
import type { WorkItemAction } from '@jiesu/core';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { WorkItemDetail, WorkItemView } from '../../api/types';
import { AttachmentList } from '../../components/attachment-view';
import { useReportError } from '../../components/use-report-error';
import { useI18n } from '../../i18n/i18n';
import { WORK_ITEM_ACTION_LABELS, WORK_ITEM_KIND_LABELS, WORK_ITEM_STATUS_LABELS, workItemStatusColor } from '../../i18n/labels';
import { DueCountdown } from '../../components/countdown';
import { WorkItemActionModal } from './work-item-action-modal';

const fmt = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** Buttons that move the work on are primary; the supervising side's are plain; escalate is a warning. */
function buttonType(action: WorkItemAction): { type?: 'primary'; danger?: boolean } {
  if (action === 'complete' || action === 'start' || action === 'acknowledge') return { type: 'primary' };
  if (action === 'escalate' || action === 'cancel') return { danger: true };
  return {};
}

export function WorkItemDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged?: (item: WorkItemView) => void }) {
  const { t, pick } = useI18n();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [item, setItem] = useState<WorkItemDetail | null>(null);
  const [action, setAction] = useState<WorkItemAction | null>(null);
  const load = useCallback(() => {
    if (!id) return;
    void api
      .call(WORK_ITEM_ENDPOINTS.get, { params: { id } })
      .then(setItem)
      .catch((e: unknown) => report(e));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  const report = useReportError(load);
  useEffect(() => {
    setItem(null);
    load();
  }, [load]);

  const isOpen = item !== null && (item.status === 'open' || item.status === 'in_progress');
  return (
    <Drawer open={id !== null} onClose={onClose} size={isPhone ? '100%' : 560} title={item?.title ?? t('loading')} destroyOnHidden data-testid="wi-drawer">
      {!item ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size={14} style={{ width: '100%' }}>
          <Space wrap size={[6, 6]}>
            <Tag color={workItemStatusColor(item.status)} data-testid="wi-status">
              {pick(WORK_ITEM_STATUS_LABELS[item.status])}
            </Tag>
            <Tag>{pick(WORK_ITEM_KIND_LABELS[item.kind])}</Tag>
            <DueCountdown dueAt={item.clock.dueAt} isOpen={isOpen} />
            {item.isOverdue && <Tag color="red">{t('workItemMarkedOverdue')}</Tag>}
          </Space>
          <div data-testid="wi-actions">
            {item.allowedActions.length === 0 ? (
              <Typography.Text type="secondary">{t('workItemNoActions')}</Typography.Text>
            ) : (
              <Space wrap>
                {item.allowedActions.map((a) => (
                  <Button key={a} {...buttonType(a)} size={isPhone ? 'large' : 'middle'} onClick={() => setAction(a)} data-testid={`wi-action-${a}`}>
                    {pick(WORK_ITEM_ACTION_LABELS[a])}
                  </Button>
                ))}
              </Space>
            )}
          </div>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('workItemOwner')}>
              {item.owner.unit.name}
              {item.owner.person && ` · ${item.owner.person.name}${item.owner.person.contact ? ` (${item.owner.person.contact})` : ''}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('workItemCreator')}>{`${item.creator.unit.name} · ${item.creator.by.displayName}`}</Descriptions.Item>
            <Descriptions.Item label={t('workItemDue')}>{fmt(item.clock.dueAt)}</Descriptions.Item>
            {item.detail && <Descriptions.Item label={t('workItemDetail')}>{item.detail}</Descriptions.Item>}
            {item.source && <Descriptions.Item label={t('workItemSource')}>{`${item.source.type} · ${item.source.id}`}</Descriptions.Item>}
            {item.linkedCaseIds.length > 0 && (
              <Descriptions.Item label={t('workItemLinkedCases')}>
                <Space wrap>
                  {item.linkedCaseIds.map((c) => (
                    <Link key={c} to={`/cases/${c}`}>
                      {c.slice(0, 8)}
                    </Link>
                  ))}
                </Space>
              </Descriptions.Item>
            )}
            {item.cancelReason && <Descriptions.Item label={t('reason')}>{item.cancelReason}</Descriptions.Item>}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('workItemEvidence')}</Typography.Title>
            {item.evidence.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }} data-testid="wi-evidence">
                {item.evidence.map((e, i) => (
                  <div key={i} style={{ borderLeft: '3px solid #c8102e', paddingLeft: 10 }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${fmt(e.at)} · ${e.by.displayName}`}</Typography.Text>
                    <div>{e.text}</div>
                    <AttachmentList items={e.attachments} />
                  </div>
                ))}
              </Space>
            )}
          </div>
          <div>
            <Typography.Title level={5}>{t('workItemHistory')}</Typography.Title>
            <Timeline
              items={item.history.map((h) => ({
                key: h.seq,
                content: (
                  <>
                    <Typography.Text strong>
                      {h.action in WORK_ITEM_ACTION_LABELS ? pick(WORK_ITEM_ACTION_LABELS[h.action as WorkItemAction | 'create']) : h.action}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>{`${fmt(h.at)} · ${h.actor.displayName ?? h.actor.username}`}</Typography.Text>
                    {h.note && <div>{h.note}</div>}
                  </>
                ),
              }))}
            />
          </div>
        </Space>
      )}
      {item && (
        <WorkItemActionModal
          item={item}
          action={action}
          onClose={() => {
            setAction(null);
            load();
          }}
          onDone={(updated) => {
            setAction(null);
            onChanged?.(updated);
            load();
          }}
        />
      )}
    </Drawer>
  );
}
