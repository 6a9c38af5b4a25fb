// Edits a register entry, or retires it (isActive false): leads change as residents move.
import { type Actor, assertCanRunDeliberation, type BuildingLeadInput, DomainError, maskBuildingLead, parseBuildingLead } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { BuildingLead } from '../../repositories/building-lead.repository';

export async function updateBuildingLead(
  ctx: AppContext,
  opts: { actor: Actor; id: string; lead?: BuildingLeadInput; isActive?: boolean },
): Promise<BuildingLead & { isUnmasked: false }> {
  const current = await ctx.repos.buildingLeads.find(opts.id);
  if (!current) throw new DomainError('BUILDING_LEAD_NOT_FOUND', `No building lead has the id ${opts.id}.`, { field: 'params.id' });
  assertCanRunDeliberation(opts.actor, { code: current.communityCode, path: current.communityPath, class: 'community' });
  const next: BuildingLead = { ...current, ...(opts.lead ? parseBuildingLead(opts.lead) : {}), ...(opts.isActive !== undefined ? { isActive: opts.isActive } : {}) };
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.buildingLeads.update(next, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'building_lead.update', targetType: 'building_lead', targetId: next.id, data: { isActive: next.isActive } }, trx);
  });
  return maskBuildingLead(next);
}
