// The one clock sweep (催办 / 督办): case clocks, then work-item deadlines, by the same rule and
// the same claims. The periodic job and the supervisors' "sweep now" both run this.
import type { AppContext } from '../../context';
import { type SweepReport, sweepClocks } from '../cases/sweep-clocks';
import { sweepWorkItems, type WorkItemSweepReport } from '../work-items/sweep-work-items';

export type AllClocksSweepReport = SweepReport & { workItems: WorkItemSweepReport };

export async function sweepAllClocks(ctx: AppContext, opts: { batchSize?: number } = {}): Promise<AllClocksSweepReport> {
  const cases = await sweepClocks(ctx, opts);
  const workItems = await sweepWorkItems(ctx, opts);
  return { ...cases, workItems };
}
