// Every action on an existing work item goes through here: lock the row, check scope and the
// version the client saw, let the pure decider decide, write state, history and outbox in one
// transaction guarded by the version. A refusal changes nothing.
import { type Actor, assertWorkItemInScope, decideWorkItem, DomainError, type WorkItem, type WorkItemCommand } from '@jiesu/core';
import type { AppContext } from '../../context';
import { checkLinkedCases, workItemDecisionContext, workItemNotFound } from './work-item-context';
import type { Tx } from '../../repositories';

export interface ActOnWorkItemOptions {
  actor: Actor;
  id: string;
  command: WorkItemCommand;
  /** The version the client last saw; a mismatch is VERSION_CONFLICT (409). */
  expectedVersion?: number;
  /** Skip the scope check: the server's own sweep acts everywhere. */
  isSystem?: boolean;
}

export async function actOnWorkItem(ctx: AppContext, opts: ActOnWorkItemOptions, trx?: Tx): Promise<WorkItem> {
  if (trx) return act(ctx, opts, trx);
  return ctx.db.transaction().execute((t) => act(ctx, opts, t));
}

async function act(ctx: AppContext, opts: ActOnWorkItemOptions, trx: Tx): Promise<WorkItem> {
  const stored = await ctx.repos.workItems.load(opts.id, trx, { forUpdate: true });
  if (!stored) throw workItemNotFound(opts.id);
  if (!opts.isSystem) assertWorkItemInScope(opts.actor, stored);
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== stored.version) {
    throw new DomainError('VERSION_CONFLICT', `This work item changed since you loaded it (version ${opts.expectedVersion}, now ${stored.version}); reload and try again.`, {
      expectedVersion: opts.expectedVersion,
      currentVersion: stored.version,
    });
  }
  const c = opts.command;
  if ((c.type === 'progress' || c.type === 'complete') && c.linkedCaseIds) await checkLinkedCases(ctx, c.linkedCaseIds, 'linkedCaseIds', trx);
  const decision = decideWorkItem(stored, c, await workItemDecisionContext(ctx, opts.actor, trx));
  const isSaved = await ctx.repos.workItems.save(decision, { expectedVersion: stored.version }, trx);
  // The row is locked, so this cannot happen short of a bug; refuse rather than write half.
  if (!isSaved) throw new DomainError('VERSION_CONFLICT', 'Someone else changed this work item a moment ago; reload it and try again.', { workItemId: opts.id });
  return decision.item;
}
