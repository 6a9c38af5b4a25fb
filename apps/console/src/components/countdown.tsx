// One countdown for every deadline: a case clock's (剩余 3小时12分 / 已超时 2小时, coloured by urgency)
// and a work item's (剩余 2天3小时 / 已超期 5小时, with a clock icon). Both tick every 30 seconds and
// read the time left through `countdown` (countdown-text.ts).
import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { countdown, MINUTE, urgencyColour } from './countdown-text';

export { urgencyColour } from './countdown-text';

/** The current time, refreshed every `everyMs` while `isTicking`. */
export function useNow(everyMs = 30_000, isTicking = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isTicking) return;
    const h = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(h);
  }, [everyMs, isTicking]);
  return now;
}

/** A case clock's deadline. */
export function Countdown({ dueAt, label }: { dueAt: string; label?: string }) {
  const { t, pick } = useI18n();
  const c = countdown(dueAt, useNow());
  return (
    <Tooltip title={`${label ? `${label} · ` : ''}${dayjs(dueAt).format('YYYY-MM-DD HH:mm')}`}>
      <Tag color={urgencyColour(c.msLeft)} data-testid="countdown" data-left={Math.round(c.msLeft / MINUTE)} style={{ marginInlineEnd: 0 }}>
        {label ? `${label} ` : ''}
        {c.isLate ? t('countdownOver') : t('countdownLeft')} {pick(c.text)}
      </Tag>
    </Tooltip>
  );
}

/** A work item's deadline while it is open (nothing once it is done). */
export function DueCountdown({ dueAt, isOpen }: { dueAt: string; isOpen: boolean }) {
  const { t, pick } = useI18n();
  const now = useNow(30_000, isOpen);
  if (!isOpen) return null;
  const c = countdown(dueAt, now);
  return (
    <Tag icon={<ClockCircleOutlined />} color={c.isLate ? 'red' : c.isNear ? 'orange' : 'default'} data-testid="wi-countdown">
      {c.isLate ? t('workItemOverdueBy') : t('workItemDueIn')} {pick(c.text)}
    </Tag>
  );
}
