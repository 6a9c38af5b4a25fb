// The work-item sweep (催办 / 督办), run by the same clock-sweep job as case clocks: find open items
// with a reminder or escalation due, lock each if nobody else holds it (FOR UPDATE SKIP LOCKED),
// and run what the shared sweepClock rule asks for. An item locked elsewhere is skipped and picked
// up next round; one already escalated by another process is, once locked, no longer due — so two
// processes never double a reminder or an escalation.
import { type Actor, decideWorkItem, sweepWorkItem } from '@jiesu/core';
import type { AppContext } from '../../context';
import { systemActor } from '../cases/case-context';
import { workItemDecisionContext } from './work-item-context';

export interface WorkItemSweepReport {
  itemsExamined: number;
  reminded: number;
  escalated: number;
  skippedLocked: number;
}

export async function sweepWorkItems(ctx: AppContext, opts: { batchSize?: number; actor?: Actor } = {}): Promise<WorkItemSweepReport> {
  const actor = opts.actor ?? (await systemActor(ctx));
  const report: WorkItemSweepReport = { itemsExamined: 0, reminded: 0, escalated: 0, skippedLocked: 0 };
  const ids = await ctx.repos.workItems.dueIds(ctx.now(), opts.batchSize ?? 200);
  for (const id of ids) {
    await ctx.db.transaction().execute(async (trx) => {
      const item = await ctx.repos.workItems.loadIfUnlocked(id, trx);
      if (!item) {
        report.skippedLocked++;
        return;
      }
      report.itemsExamined++;
      const dctx = await workItemDecisionContext(ctx, actor, trx);
      const action = sweepWorkItem(item, dctx.now);
      if (action === 'none') return;
      const decision = decideWorkItem(item, { type: action }, dctx);
      await ctx.repos.workItems.save(decision, { expectedVersion: item.version }, trx);
      if (action === 'remind') report.reminded++;
      else report.escalated++;
    });
  }
  return report;
}
