// Work items in the actor's scope (owned by, or set by, a unit in their subtree), filtered, in
// deadline order, paged by an opaque keyset cursor: a page boundary never skips or repeats an item
// even when many share a deadline.
import { type Actor, DomainError, type WorkItemKind, type WorkItemStatus } from '@jiesu/core';
import type { AppContext } from '../../context';
import { type PresentedWorkItem, presentWorkItem } from './work-item-context';

export interface ListWorkItemsOptions {
  actor: Actor;
  kind?: WorkItemKind;
  sourceType?: string;
  sourceId?: string;
  status?: readonly WorkItemStatus[];
  isOverdue?: boolean;
  ownerUnitCode?: string;
  linkedCaseId?: string;
  limit?: number;
  /** From the previous page's nextCursor. */
  cursor?: string;
}

export interface WorkItemPage {
  total: number;
  items: PresentedWorkItem[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

export const MAX_WORK_ITEM_PAGE = 200;

function encodeCursor(dueAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([dueAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { dueAt: Date; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') {
      const dueAt = new Date(value[0]);
      if (!Number.isNaN(dueAt.getTime()) && /^[0-9a-f-]{36}$/i.test(value[1])) return { dueAt, id: value[1] };
    }
  } catch {
    // fall through to the refusal below
  }
  throw new DomainError('VALIDATION_FAILED', 'cursor is not one this server handed out; start again without it.', { field: 'querystring.cursor' });
}

export async function listWorkItems(ctx: AppContext, opts: ListWorkItemsOptions): Promise<WorkItemPage> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), MAX_WORK_ITEM_PAGE);
  const filter = {
    scopePath: opts.actor.unitPath,
    ...(opts.kind ? { kind: opts.kind } : {}),
    ...(opts.sourceType ? { sourceType: opts.sourceType } : {}),
    ...(opts.sourceId ? { sourceId: opts.sourceId } : {}),
    ...(opts.status ? { statuses: opts.status } : {}),
    ...(opts.isOverdue !== undefined ? { isOverdue: opts.isOverdue } : {}),
    ...(opts.ownerUnitCode ? { ownerUnitCode: opts.ownerUnitCode } : {}),
    ...(opts.linkedCaseId ? { linkedCaseId: opts.linkedCaseId } : {}),
  };
  const after = opts.cursor ? decodeCursor(opts.cursor) : null;
  // One row more than asked tells whether another page follows.
  const rows = await ctx.repos.workItems.list({ ...filter, after, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const now = ctx.now();
  return {
    total: await ctx.repos.workItems.count({ ...filter, limit }),
    items: page.map((item) => presentWorkItem(item, opts.actor, now)),
    nextCursor: rows.length > limit && last ? encodeCursor(last.clock.dueAt, last.id) : null,
  };
}
