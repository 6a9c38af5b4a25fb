// A notice (通知) from the community to its building leads — all, or some — through the outbox.
// The message names the register entry; the sender finds the contact when it delivers.
import { type Actor, DomainError, requireText } from '@jiesu/core';
import type { AppContext } from '../../context';
import { loadCommunity } from './community-scope';

export const BUILDING_LEAD_NOTICE_KIND = 'building_lead_notice';

export async function sendBuildingLeadNotice(ctx: AppContext, opts: { actor: Actor; communityCode: string; text: string; buildingLeadIds?: string[] }): Promise<{ sent: number }> {
  const community = await loadCommunity(ctx, opts.actor, opts.communityCode, 'run', 'body.communityCode');
  const text = requireText(opts.text, 'body.text', 1000);
  const leads = await ctx.repos.buildingLeads.listByCommunity(community.code, opts.buildingLeadIds ? { ids: opts.buildingLeadIds } : {});
  if (opts.buildingLeadIds && leads.length !== new Set(opts.buildingLeadIds).size)
    throw new DomainError('BUILDING_LEAD_NOT_FOUND', 'Some ids are not active building leads of this community.', { field: 'body.buildingLeadIds' });
  if (leads.length === 0) throw new DomainError('VALIDATION_FAILED', 'This community has no active building lead to notify.', { field: 'body.buildingLeadIds' });
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.notifications.enqueue(
      leads.map((l) => ({
        caseId: null,
        subject: { type: 'building_lead' as const, id: l.id },
        kind: BUILDING_LEAD_NOTICE_KIND,
        unitCode: null,
        payload: { buildingLeadId: l.id, communityCode: community.code, text },
      })),
      trx,
    );
    await ctx.repos.audit.record(opts.actor, { action: 'building_lead.notice', targetType: 'unit', targetId: community.code, data: { sent: leads.length } }, trx);
  });
  return { sent: leads.length };
}
