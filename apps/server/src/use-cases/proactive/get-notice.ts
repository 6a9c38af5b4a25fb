// A notice as its sender and recipients see it: the text and, per recipient, the read receipt,
// whether it came on time, the actions reported, and the reminder / escalation state of its work item.
import { type Actor, canAccessPath, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { NoticeRecipient, PolicyNotice } from '../../repositories/policy-notice.repository';

export interface RecipientView extends NoticeRecipient {
  unitName: string;
  isOnTime: boolean | null;
  workItemStatus: string | null;
  remindedAt: Date | null;
  escalatedAt: Date | null;
  isOverdue: boolean;
}

export type NoticeView = PolicyNotice & { senderUnitName: string; recipients: RecipientView[]; acknowledged: number };

export async function loadNotice(ctx: AppContext, actor: Actor, id: string): Promise<{ notice: PolicyNotice; recipients: NoticeRecipient[] }> {
  const notice = /^[0-9a-f-]{36}$/i.test(id) ? await ctx.repos.policyNotices.findById(id) : null;
  if (!notice) throw new DomainError('NOTICE_NOT_FOUND', `No notice ${id}.`, { field: 'id' });
  const recipients = await ctx.repos.policyNotices.recipients(id);
  const isSenderSide = canAccessPath(actor, notice.senderUnitPath);
  const mine = recipients.filter((r) => canAccessPath(actor, r.unitPath));
  if (!isSenderSide && mine.length === 0) throw new DomainError('OUT_OF_SCOPE', 'This notice was neither sent by nor to your unit’s area.', { field: 'id' });
  // A recipient sees its own receipt, not the others'.
  return { notice, recipients: isSenderSide ? recipients : mine };
}

export async function getNotice(ctx: AppContext, opts: { actor: Actor; id: string }): Promise<NoticeView> {
  const { notice, recipients } = await loadNotice(ctx, opts.actor, opts.id);
  const units = new Map((await ctx.repos.units.findByCodes([notice.senderUnitCode, ...recipients.map((r) => r.unitCode)])).map((u) => [u.code, u.name]));
  const views: RecipientView[] = [];
  for (const r of recipients) {
    const item = r.workItemId ? await ctx.repos.workItems.load(r.workItemId) : null;
    views.push({
      ...r,
      unitName: units.get(r.unitCode) ?? r.unitCode,
      isOnTime: r.acknowledgedAt === null ? (ctx.now().getTime() > notice.ackDueAt.getTime() ? false : null) : r.acknowledgedAt.getTime() <= notice.ackDueAt.getTime(),
      workItemStatus: item?.status ?? null,
      remindedAt: item?.clock.remindedAt ?? null,
      escalatedAt: item?.clock.escalatedAt ?? null,
      isOverdue: (item?.overdue.length ?? 0) > 0,
    });
  }
  return {
    ...notice,
    senderUnitName: units.get(notice.senderUnitCode) ?? notice.senderUnitCode,
    recipients: views,
    acknowledged: views.filter((v) => v.acknowledgedAt !== null).length,
  };
}

export async function listNotices(ctx: AppContext, opts: { actor: Actor; limit?: number }): Promise<NoticeView[]> {
  const list = await ctx.repos.policyNotices.listInScope(opts.actor.unitPath, Math.min(opts.limit ?? 50, 200));
  const out: NoticeView[] = [];
  for (const n of list) out.push(await getNotice(ctx, { actor: opts.actor, id: n.id }));
  return out;
}
