// One work item as the actor may see it, with its history and the actions the actor may take now.
import type { Actor } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { WorkItemHistoryRow } from '../../repositories/work-item.repository';
import { loadWorkItemInScope, type PresentedWorkItem, presentWorkItem } from './work-item-context';

export async function getWorkItem(ctx: AppContext, opts: { actor: Actor; id: string }): Promise<PresentedWorkItem & { history: WorkItemHistoryRow[] }> {
  const item = await loadWorkItemInScope(ctx, opts.actor, opts.id);
  return { ...presentWorkItem(item, opts.actor, ctx.now()), history: await ctx.repos.workItems.history(item.id) };
}
