// The visitor's queue: closed cases in the actor's area still awaiting their return visit (merged
// children only when the policy visits every requester of a cluster).
import type { Actor } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { VisitQueueItem } from '../../repositories/return-visit.repository';
import { requireRole } from '../require';
import { loadPolicy } from '../scoring/scoring-config';

export async function visitQueue(
  ctx: AppContext,
  opts: { actor: Actor; limit?: number; cursor?: string },
): Promise<{ total: number; totalExact: boolean; nextCursor: string | null; maxAttempts: number; items: VisitQueueItem[] }> {
  requireRole(opts.actor, 'visitor', 'evaluator', 'supervisor');
  const policy = await loadPolicy(ctx);
  const page = await ctx.repos.returnVisits.queue(opts.actor.unitPath, { limit: opts.limit ?? 50, ...(opts.cursor !== undefined ? { cursor: opts.cursor } : {}) }, undefined, {
    withMergedChildren: policy.mergedChildren === 'cluster_visit',
  });
  return { ...page, maxAttempts: policy.maxVisitAttempts };
}
