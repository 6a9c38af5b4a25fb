// Adds a resident to the community's building-lead register (楼门层长).
import { randomUUID } from 'node:crypto';
import { type Actor, type BuildingLeadInput, maskBuildingLead, parseBuildingLead } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { BuildingLead } from '../../repositories/building-lead.repository';
import { loadCommunity } from './community-scope';

export async function registerBuildingLead(ctx: AppContext, opts: { actor: Actor; communityCode: string; lead: BuildingLeadInput }): Promise<BuildingLead & { isUnmasked: false }> {
  const community = await loadCommunity(ctx, opts.actor, opts.communityCode, 'run', 'body.communityCode');
  const fields = parseBuildingLead(opts.lead);
  const lead: BuildingLead = { id: randomUUID(), communityCode: community.code, communityPath: community.path, ...fields, isActive: true };
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.buildingLeads.insert({ ...lead, createdBy: opts.actor.username }, trx);
    await ctx.repos.audit.record(
      opts.actor,
      {
        action: 'building_lead.register',
        targetType: 'building_lead',
        targetId: lead.id,
        data: { communityCode: community.code, building: lead.building, door: lead.door, floor: lead.floor },
      },
      trx,
    );
  });
  return maskBuildingLead(lead);
}
