// A warning becomes a proactive task (work item, kind warning_action) for the leader of the zone
// that holds the community (包干领导), supervised by the leader's unit; with no zone, the
// community itself owns it. The warning's cases are linked; the warning is marked actioned.
import { type Actor, DomainError, hasRole, localDateOf, type WorkItem, zoneCoverage } from '@jiesu/core';
import type { AppContext } from '../../context';
import { createWorkItem } from '../work-items/create-work-item';
import { getWarning } from './list-warnings';

export async function turnWarningIntoTask(
  ctx: AppContext,
  opts: { actor: Actor; id: string; title?: string; detail?: string; dueDays?: number },
): Promise<{ warningId: string; workItem: WorkItem }> {
  if (!hasRole(opts.actor, 'unit_leader', 'supervisor', 'administrator'))
    throw new DomainError('FORBIDDEN', 'Only a leader or supervisor turns a warning into a task.', { roles: ['unit_leader', 'supervisor'] });
  const w = await getWarning(ctx, { actor: opts.actor, id: opts.id });
  const zones = await ctx.repos.proactiveZones.listByStreet(w.streetCode);
  const zoneId = zoneCoverage([w.communityCode], zones, localDateOf(ctx.now(), ctx.config.timeZone)).byCommunity[0]?.zoneIds[0];
  const zone = zones.find((z) => z.id === zoneId);
  const leader = zone ? await ctx.repos.users.findById(zone.leaderUserId) : null;
  const owner = leader && leader.isActive ? { personName: leader.displayName, unitCode: leader.unitCode } : { unitCode: w.communityCode };
  const what = w.kind === 'surge' ? `近7天${w.observed}件，约为常态${w.expected}件的${w.ratio}倍` : `预计未来几周上升至常态的${w.ratio}倍`;
  const workItem = await ctx.db.transaction().execute(async (trx) => {
    const locked = await ctx.repos.proactiveWarnings.lock(w.id, trx);
    if (!locked || locked.status !== 'open') throw new DomainError('ILLEGAL_TRANSITION', `The warning is ${locked?.status ?? 'gone'}, not open.`, { field: 'id' });
    const item = await createWorkItem(
      ctx,
      {
        actor: opts.actor,
        kind: 'warning_action',
        title: opts.title?.trim() || `未诉先办：${w.communityName} ${w.categoryName}`,
        detail: opts.detail?.trim() || `${w.communityName}「${w.categoryName}」诉求${what}。请${zone ? `包干领导（${zone.name}）` : '社区'}组织走访排查，先行处置。`,
        owner,
        due: { amount: opts.dueDays ?? 5, unit: 'working_days' },
        sourceType: 'proactive_warning',
        sourceId: w.id,
        linkedCaseIds: w.caseIds,
        isAuthorisedByFeature: true,
      },
      trx,
    );
    await ctx.repos.proactiveWarnings.setStatus(w.id, 'actioned', item.id, trx);
    return item;
  });
  return { warningId: w.id, workItem };
}
