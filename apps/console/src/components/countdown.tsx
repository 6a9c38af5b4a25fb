// A clock's deadline as a countdown (剩余 3小时12分 / 已超时 2小时), coloured by urgency: red past
// due, orange within 4 hours, gold within a day, green otherwise. Ticks every 30 seconds.
import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function urgencyColour(msLeft: number): 'red' | 'orange' | 'gold' | 'green' {
  if (msLeft <= 0) return 'red';
  if (msLeft <= 4 * HOUR) return 'orange';
  if (msLeft <= 24 * HOUR) return 'gold';
  return 'green';
}

export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(h);
  }, [everyMs]);
  return now;
}

export function Countdown({ dueAt, label }: { dueAt: string; label?: string }) {
  const { t } = useI18n();
  const now = useNow();
  const left = new Date(dueAt).getTime() - now;
  const abs = Math.abs(left);
  const days = Math.floor(abs / (24 * HOUR));
  const hours = Math.floor((abs % (24 * HOUR)) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  const text = days > 0 ? `${days}${t('durDays')}${hours}${t('durHours')}` : hours > 0 ? `${hours}${t('durHours')}${minutes}${t('durMinutes')}` : `${minutes}${t('durMinutes')}`;
  return (
    <Tooltip title={`${label ? `${label} · ` : ''}${dayjs(dueAt).format('YYYY-MM-DD HH:mm')}`}>
      <Tag color={urgencyColour(left)} data-testid="countdown" data-left={Math.round(left / MINUTE)} style={{ marginInlineEnd: 0 }}>
        {label ? `${label} ` : ''}
        {left <= 0 ? t('countdownOver') : t('countdownLeft')} {text}
      </Tag>
    </Tooltip>
  );
}
