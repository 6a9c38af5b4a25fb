// The clock sweep (催办 / 督办): find cases with a clock to remind or escalate, lock each case if
// nobody else holds it (another process, a user's request), and run the remind/escalate commands
// the pure sweepClock rule asks for. A case locked elsewhere is skipped and picked up next round;
// a case already escalated by another process is, once locked, no longer due — so two processes
// never double an escalation, and clocks live in the database, so a restart loses none.
import { type Actor, type CaseCommand, decide, sweepClock } from '@jiesu/core';
import type { AppContext } from '../../context';
import { decisionContext, systemActor } from './case-context';

export interface SweepReport {
  casesExamined: number;
  reminded: number;
  escalated: number;
  skippedLocked: number;
}

export async function sweepClocks(ctx: AppContext, opts: { batchSize?: number; actor?: Actor } = {}): Promise<SweepReport> {
  const actor = opts.actor ?? (await systemActor(ctx));
  const report: SweepReport = { casesExamined: 0, reminded: 0, escalated: 0, skippedLocked: 0 };
  const ids = await ctx.repos.cases.dueClockCaseIds(ctx.now(), opts.batchSize ?? 200);
  for (const id of ids) {
    const dctx = await decisionContext(ctx, actor);
    await ctx.db.transaction().execute(async (trx) => {
      const stored = await ctx.repos.cases.loadIfUnlocked(id, trx);
      if (!stored) {
        report.skippedLocked++;
        return;
      }
      report.casesExamined++;
      let state = stored.state;
      const version = state.version;
      const events = [];
      const clocks = [];
      const notifications = [];
      for (const clock of stored.state.clocks) {
        const action = sweepClock(clock, dctx.now);
        if (action === 'none') continue;
        const command: CaseCommand = { type: action, clockKey: clock.key };
        const d = decide(state, command, dctx);
        state = d.state;
        events.push(...d.events);
        clocks.push(...d.clocks);
        notifications.push(...d.notifications);
        if (action === 'remind') report.reminded++;
        else report.escalated++;
      }
      if (events.length === 0) return;
      await ctx.repos.cases.save({ state, events, clocks, notifications }, { expectedVersion: version, locationPath: stored.locationPath }, trx);
    });
  }
  return report;
}
