// 已考核: once a period is published, each of its visited cases takes the lifecycle's last step
// (visited → scored, with a history row) through the same decider as every other action. Runs as
// a job in batches; a case another process marked meanwhile is simply skipped.
import { isDomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { actOnCase } from '../cases/act-on-case';
import { systemActor } from '../cases/case-context';

export async function markScoredCases(ctx: AppContext, opts: { batchSize?: number } = {}): Promise<{ scored: number; skipped: number }> {
  const due = await ctx.repos.scoreFacts.visitedInPublishedPeriods(opts.batchSize ?? 500);
  if (due.length === 0) return { scored: 0, skipped: 0 };
  const actor = await systemActor(ctx, ['evaluator']);
  let scored = 0;
  let skipped = 0;
  for (const c of due) {
    try {
      await actOnCase(ctx, { actor, caseId: c.caseId, command: { type: 'score', periodKey: c.periodKey }, isSystem: true });
      scored++;
    } catch (e) {
      if (!isDomainError(e)) throw e;
      skipped++; // already scored by another process, or no longer visited
    }
  }
  return { scored, skipped };
}

/** Marks every case due, a batch at a time; returns how many were marked. */
export async function markAllScoredCases(ctx: AppContext): Promise<number> {
  let total = 0;
  for (;;) {
    const r = await markScoredCases(ctx);
    total += r.scored;
    if (r.scored + r.skipped === 0) return total;
  }
}
