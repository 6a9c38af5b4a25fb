// 四方联动: a street or district passes a policy notice to the sections and communities (or, for
// a district, streets) that must act. In one transaction: the notice, one recipient row per unit
// and one work item (kind notice_ack) per recipient, due at the acknowledgement deadline — so the
// reminders (催办) and escalations (督办) of those who have not acknowledged come from the one
// work-item sweep. A retried request with the same key returns the first notice.
import { randomUUID } from 'node:crypto';
import { type Actor, DomainError, hasRole, isInSubtree } from '@jiesu/core';
import type { AppContext } from '../../context';
import { resolveAttachments } from '../cases/case-context';
import { createWorkItem } from '../work-items/create-work-item';
import { getNotice, type NoticeView } from './get-notice';

export interface SendNoticeOptions {
  actor: Actor;
  title: string;
  body: string;
  unitCodes: string[];
  attachmentIds?: string[];
  ackDueAt: Date;
  idempotencyKey?: string | null;
}

export async function sendNotice(ctx: AppContext, opts: SendNoticeOptions): Promise<{ notice: NoticeView; isNew: boolean }> {
  const a = opts.actor;
  if (!(['street', 'district', 'centre'] as const).some((c) => c === a.unitClass) || !hasRole(a, 'unit_leader', 'supervisor', 'administrator')) {
    throw new DomainError('FORBIDDEN', 'Policy notices are sent by a leader or supervisor of a street, a district or the centre.', { roles: ['unit_leader', 'supervisor'] });
  }
  const key = opts.idempotencyKey ?? null;
  if (key) {
    const id = await ctx.repos.policyNotices.findIdByIdempotencyKey(key);
    if (id) return { notice: await getNotice(ctx, { actor: a, id }), isNew: false };
  }
  const title = opts.title.trim();
  const body = opts.body.trim();
  if (title.length === 0) throw new DomainError('VALIDATION_FAILED', 'A notice needs a title.', { field: 'title' });
  if (body.length === 0) throw new DomainError('VALIDATION_FAILED', 'A notice needs its text.', { field: 'body' });
  if (Number.isNaN(opts.ackDueAt.getTime()) || opts.ackDueAt.getTime() <= ctx.now().getTime()) {
    throw new DomainError('VALIDATION_FAILED', 'The acknowledgement deadline must lie in the future.', { field: 'ackDueAt' });
  }
  const codes = [...new Set(opts.unitCodes)];
  if (codes.length === 0) throw new DomainError('VALIDATION_FAILED', 'Name at least one unit that must act.', { field: 'unitCodes' });
  const units = new Map((await ctx.repos.units.findByCodes(codes)).map((u) => [u.code, u]));
  const recipients = codes.map((code, i) => {
    const u = units.get(code);
    if (!u || !u.isActive) throw new DomainError('UNIT_NOT_FOUND', `No active unit has the code ${code}.`, { field: `unitCodes[${i}]` });
    // Only down the sender's own subtree: a street informs its sections and communities.
    if (u.code === a.unitCode || !isInSubtree(a.unitPath, u.path)) {
      throw new DomainError('NOTICE_NOT_RECIPIENT', `${u.name} is not a unit under ${a.unitCode}; a notice goes only to units below the sender.`, { field: `unitCodes[${i}]` });
    }
    return u;
  });
  const attachments = await resolveAttachments(ctx, opts.attachmentIds);
  const id = randomUUID();
  const isNew = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await ctx.repos.policyNotices.insert(
      {
        id,
        senderUnitCode: a.unitCode,
        senderUnitPath: a.unitPath,
        title,
        body,
        attachmentIds: attachments.map((x) => x.id),
        ackDueAt: opts.ackDueAt,
        createdBy: a.username,
        createdAt: ctx.now(),
        idempotencyKey: key,
      },
      trx,
    );
    if (!inserted) return false;
    for (const u of recipients) {
      const item = await createWorkItem(
        ctx,
        {
          actor: a,
          kind: 'notice_ack',
          title: `确认收悉：${title}`,
          detail: body.slice(0, 500),
          owner: { unitCode: u.code },
          due: { dueAt: opts.ackDueAt },
          sourceType: 'policy_notice',
          sourceId: id,
          isAuthorisedByFeature: true,
        },
        trx,
      );
      await ctx.repos.policyNotices.insertRecipient({ noticeId: id, unitCode: u.code, unitPath: u.path, workItemId: item.id }, trx);
    }
    await ctx.repos.audit.record(
      a,
      { action: 'notice.send', targetType: 'policy_notice', targetId: id, data: { title, unitCodes: codes, ackDueAt: opts.ackDueAt.toISOString() } },
      trx,
    );
    return true;
  });
  if (!isNew && key) {
    const first = await ctx.repos.policyNotices.findIdByIdempotencyKey(key);
    if (first) return { notice: await getNotice(ctx, { actor: a, id: first }), isNew: false };
  }
  return { notice: await getNotice(ctx, { actor: a, id }), isNew: true };
}
