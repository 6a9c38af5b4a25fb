// The header's bell over the unit's notifications (GET /api/notifications): a badge with the unread
// count, a list where unread rows stand out, "mark all read" (POST /api/notifications/read moves the
// user's watermark). Also the menu badges (GET /api/dashboard/badges), refreshed every minute.
import { BellOutlined } from '@ant-design/icons';
import { CONSOLE_ENDPOINTS, NOTIFICATION_ENDPOINTS, type ResponseOf } from '@jiesu/contracts';
import { Badge, Button, List, Popover, Typography } from 'antd';
import dayjs from 'dayjs';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { NotificationRow } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useReportError } from './use-report-error';

export type Badges = ResponseOf<typeof CONSOLE_ENDPOINTS.badges>;
const BadgesCtx = createContext<{ badges: Badges | null; refresh(): void }>({ badges: null, refresh: () => undefined });

export function BadgesProvider({ children }: { children: ReactNode }) {
  const [badges, setBadges] = useState<Badges | null>(null);
  const refresh = useCallback(() => {
    api
      .call(CONSOLE_ENDPOINTS.badges, {})
      .then(setBadges)
      .catch(() => undefined); // badges are a hint; a failed refresh keeps the last ones
  }, []);
  useEffect(() => {
    refresh();
    const h = setInterval(refresh, 60_000);
    return () => clearInterval(h);
  }, [refresh]);
  const value = useMemo(() => ({ badges, refresh }), [badges, refresh]);
  return <BadgesCtx.Provider value={value}>{children}</BadgesCtx.Provider>;
}

export function useBadges() {
  return useContext(BadgesCtx);
}

const KIND_ZH: Record<string, string> = {
  assigned: '新派单',
  withdrawn: '已撤回',
  summoned: '吹哨报到',
  reminder: '催办',
  escalation: '督办',
  requester_feedback: '诉求人反馈',
  work_item_assigned: '新任务',
  work_item_reminder: '任务催办',
  work_item_escalation: '任务督办',
  work_item_extended: '任务延期',
  work_item_reopened: '任务重开',
  work_item_completed: '任务完成',
  work_item_cancelled: '任务取消',
};

export function NotificationBell() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const report = useReportError();
  const { badges, refresh } = useBadges();
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<NotificationRow[] | null>(null);
  useEffect(() => {
    if (!open) return;
    api
      .call(NOTIFICATION_ENDPOINTS.list, { query: { limit: 30 } })
      .then((r) => setRows(r.items))
      .catch((e: unknown) => report(e));
  }, [open, report]);
  const lastRead = badges?.lastReadId ?? 0;
  const markRead = async () => {
    const top = rows?.[0]?.id;
    if (top === undefined) return;
    try {
      await api.call(CONSOLE_ENDPOINTS.markNotificationsRead, { body: { upToId: top } });
      refresh();
    } catch (e) {
      report(e);
    }
  };
  const content = (
    <div style={{ width: 'min(340px, calc(100vw - 32px))' }} data-testid="bell-list">
      <List<NotificationRow>
        size="small"
        dataSource={rows ?? []}
        loading={rows === null}
        locale={{ emptyText: t('bellEmpty') }}
        style={{ maxHeight: 360, overflow: 'auto' }}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: n.caseId ? 'pointer' : 'default', background: n.id > lastRead ? '#fff7e6' : undefined, paddingInline: 8 }}
            data-unread={n.id > lastRead}
            onClick={() => {
              if (!n.caseId) return;
              setOpen(false);
              void navigate(`/cases/${n.caseId}`);
            }}
          >
            <div>
              <Typography.Text strong={n.id > lastRead}>{lang === 'zh' ? (KIND_ZH[n.kind] ?? n.kind) : n.kind.replace(/_/g, ' ')}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                {dayjs(n.createdAt).format('MM-DD HH:mm')}
              </Typography.Text>
              <div style={{ fontSize: 13 }}>
                {n.caseNumber ? `${n.caseNumber} ` : ''}
                {n.subject ?? ''}
              </div>
            </div>
          </List.Item>
        )}
      />
      <div style={{ textAlign: 'right', marginTop: 6 }}>
        <Button size="small" onClick={() => void markRead()} disabled={!badges?.unreadNotifications} data-testid="bell-mark-read">
          {t('bellMarkRead')}
        </Button>
      </div>
    </div>
  );
  return (
    <Popover content={content} title={t('bellTitle')} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={badges?.unreadNotifications ?? 0} size="small" offset={[-2, 2]}>
        <Button size="small" type="text" icon={<BellOutlined style={{ fontSize: 18 }} />} aria-label={t('bellTitle')} data-testid="bell" />
      </Badge>
    </Popover>
  );
}
