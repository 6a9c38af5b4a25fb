// The community's register, masked (刘* / 139****5678). Seeing a contact is reveal-building-lead.
import { type Actor, maskBuildingLead } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { BuildingLead } from '../../repositories/building-lead.repository';
import { loadCommunity } from './community-scope';

export async function listBuildingLeads(
  ctx: AppContext,
  opts: { actor: Actor; communityCode: string; includeInactive?: boolean },
): Promise<Array<BuildingLead & { isUnmasked: false }>> {
  await loadCommunity(ctx, opts.actor, opts.communityCode, 'read', 'query.communityCode');
  const leads = await ctx.repos.buildingLeads.listByCommunity(opts.communityCode, { includeInactive: opts.includeInactive === true });
  return leads.map(maskBuildingLead);
}
