// A recipient acknowledges a notice (read receipt, 已知悉) — the notice_ack work item is
// acknowledged in the same transaction, which ends its reminders — and may report actions taken.
import { type Actor, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { resolveAttachments } from '../cases/case-context';
import { actOnWorkItem } from '../work-items/act-on-work-item';
import { getNotice, loadNotice, type NoticeView } from './get-notice';

async function recipientUnitOf(ctx: AppContext, actor: Actor, id: string, unitCode?: string) {
  const { notice, recipients } = await loadNotice(ctx, actor, id);
  const code = unitCode ?? actor.unitCode;
  const r = recipients.find((x) => x.unitCode === code);
  if (!r) throw new DomainError('NOTICE_NOT_RECIPIENT', `The notice was not sent to ${code}.`, { field: 'unitCode' });
  return { notice, recipient: r };
}

export async function acknowledgeNotice(ctx: AppContext, opts: { actor: Actor; id: string; note?: string }): Promise<NoticeView> {
  const { recipient } = await recipientUnitOf(ctx, opts.actor, opts.id);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await ctx.repos.policyNotices.lockRecipient(opts.id, recipient.unitCode, trx);
    if (locked?.acknowledgedAt)
      throw new DomainError('WORK_ITEM_ALREADY_ACKNOWLEDGED', `${recipient.unitCode} acknowledged this notice at ${locked.acknowledgedAt.toISOString()}.`, { field: 'id' });
    // The work item decides who may acknowledge (the unit's own handlers and leaders).
    if (recipient.workItemId) {
      await actOnWorkItem(ctx, { actor: opts.actor, id: recipient.workItemId, command: { type: 'acknowledge', ...(opts.note ? { note: opts.note } : {}) } }, trx);
    }
    await ctx.repos.policyNotices.acknowledge(opts.id, recipient.unitCode, ctx.now(), opts.actor.username, trx);
  });
  return getNotice(ctx, { actor: opts.actor, id: opts.id });
}

export async function reportNoticeAction(ctx: AppContext, opts: { actor: Actor; id: string; text: string; attachmentIds?: string[] }): Promise<NoticeView> {
  const { recipient } = await recipientUnitOf(ctx, opts.actor, opts.id);
  const text = opts.text.trim();
  if (text.length === 0) throw new DomainError('VALIDATION_FAILED', 'Say what was done.', { field: 'text' });
  if (!opts.actor.roles.some((r) => r === 'handler' || r === 'unit_leader'))
    throw new DomainError('FORBIDDEN', 'A handler or leader of the unit reports its actions.', { roles: ['handler', 'unit_leader'] });
  const files = await resolveAttachments(ctx, opts.attachmentIds);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await ctx.repos.policyNotices.lockRecipient(opts.id, recipient.unitCode, trx);
    if (!locked) throw new DomainError('NOTICE_NOT_RECIPIENT', 'The notice was not sent to your unit.', { field: 'id' });
    const actions = [...locked.actions, { at: ctx.now().toISOString(), by: opts.actor.displayName, text, attachmentIds: files.map((f) => f.id) }];
    await ctx.repos.policyNotices.setActions(opts.id, recipient.unitCode, actions, trx);
  });
  return getNotice(ctx, { actor: opts.actor, id: opts.id });
}
