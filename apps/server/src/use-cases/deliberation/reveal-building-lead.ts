// The full contact of one building lead, for community staff who must call them. Every unmasked
// view writes an audit row, like a requester's.
import { type Actor, assertCanRunDeliberation, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { BuildingLead } from '../../repositories/building-lead.repository';

export async function revealBuildingLead(ctx: AppContext, opts: { actor: Actor; id: string }): Promise<BuildingLead & { isUnmasked: true }> {
  const lead = await ctx.repos.buildingLeads.find(opts.id);
  if (!lead) throw new DomainError('BUILDING_LEAD_NOT_FOUND', `No building lead has the id ${opts.id}.`, { field: 'params.id' });
  assertCanRunDeliberation(opts.actor, { code: lead.communityCode, path: lead.communityPath, class: 'community' });
  await ctx.repos.audit.record(opts.actor, { action: 'building_lead.view_unmasked', targetType: 'building_lead', targetId: lead.id, data: { communityCode: lead.communityCode } });
  return { ...lead, isUnmasked: true };
}
