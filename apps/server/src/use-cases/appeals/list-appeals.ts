// Appeals in the actor's area (the centre sees all), newest first.
import type { Actor, AppealStatus } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { Appeal } from '../../repositories/appeal.repository';
import { requireRole } from '../require';

export async function listAppeals(ctx: AppContext, opts: { actor: Actor; status?: AppealStatus; limit?: number; offset?: number }): Promise<{ total: number; items: Appeal[] }> {
  requireRole(opts.actor, 'evaluator', 'analyst', 'administrator', 'handler', 'unit_leader');
  return ctx.repos.appeals.list({ scopePath: opts.actor.unitPath, ...(opts.status ? { status: opts.status } : {}), limit: opts.limit ?? 50, offset: opts.offset ?? 0 });
}
