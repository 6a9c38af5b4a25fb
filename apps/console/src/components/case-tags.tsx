import { isCaseStatus, type CaseUrgency } from '@jiesu/core';
import { Tag } from 'antd';
import { statusColor, statusLabel, URGENCY_COLORS, URGENCY_LABELS } from '../i18n/labels';
import { useI18n } from '../i18n/i18n';

export function StatusTag({ status }: { status: string }) {
  const { lang } = useI18n();
  if (!isCaseStatus(status)) return <Tag>{status}</Tag>;
  return (
    <Tag color={statusColor(status)} data-status={status}>
      {statusLabel(status, lang)}
    </Tag>
  );
}

export function UrgencyTag({ urgency }: { urgency: string }) {
  const { pick } = useI18n();
  const u = urgency as CaseUrgency;
  return <Tag color={URGENCY_COLORS[u] ?? 'default'}>{pick(URGENCY_LABELS[u], urgency)}</Tag>;
}
