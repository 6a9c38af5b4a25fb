// A ticking "剩余 2天3小时" / "已超期 5小时" tag for an open item's deadline.
import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { countdown } from './countdown';

export function DueCountdown({ dueAt, isOpen }: { dueAt: string; isOpen: boolean }) {
  const { t, pick } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isOpen) return;
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [isOpen]);
  if (!isOpen) return null;
  const c = countdown(dueAt, now);
  return (
    <Tag icon={<ClockCircleOutlined />} color={c.isLate ? 'red' : c.isNear ? 'orange' : 'default'} data-testid="wi-countdown">
      {c.isLate ? t('workItemOverdueBy') : t('workItemDueIn')} {pick(c.text)}
    </Tag>
  );
}
