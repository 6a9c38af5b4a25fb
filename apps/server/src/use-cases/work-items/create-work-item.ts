// Sets a work item: a topic's task, a meeting's follow-up, a warning's action, a notice to
// acknowledge, or a plain task. Callable inside another use case's transaction (pass `trx`), so a
// feature creates its record and its items atomically. An idempotency key makes a retry return
// the item the first call created instead of a second one.
import { type Actor, assertWorkItemInScope, type DeadlineSpan, DomainError, newWorkItem, type WorkItem, type WorkItemKind } from '@jiesu/core';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context';
import { checkLinkedCases, resolveWorkItemUnit, workItemDecisionContext } from './work-item-context';
import type { Tx } from '../../repositories';

export interface CreateWorkItemOptions {
  actor: Actor;
  kind: WorkItemKind;
  title: string;
  detail?: string | null;
  /** A unit, or a named person supervised by that unit. */
  owner: { unitCode: string } | { personName: string; personContact?: string | null; unitCode: string };
  /** An instant, or a span counted from now on the working-day calendar. */
  due: { dueAt: Date } | DeadlineSpan;
  sourceType?: string;
  sourceId?: string;
  linkedCaseIds?: string[];
  /** Completion must carry files. */
  isEvidenceRequired?: boolean;
  idempotencyKey?: string | null;
  /**
   * The calling feature has already decided this actor may set the item (e.g. a community
   * handler recording a meeting's decision); the owner must still lie in the actor's area.
   */
  isAuthorisedByFeature?: boolean;
}

export async function createWorkItem(ctx: AppContext, opts: CreateWorkItemOptions, trx?: Tx): Promise<WorkItem> {
  return (await createOrReplayWorkItem(ctx, opts, trx)).item;
}

/** The same, telling a first creation from a replay of the same idempotency key (the HTTP route answers 201 or 200). */
export async function createOrReplayWorkItem(ctx: AppContext, opts: CreateWorkItemOptions, trx?: Tx): Promise<{ item: WorkItem; isNew: boolean }> {
  if (trx) return create(ctx, opts, trx);
  return ctx.db.transaction().execute((t) => create(ctx, opts, t));
}

async function create(ctx: AppContext, opts: CreateWorkItemOptions, trx: Tx): Promise<{ item: WorkItem; isNew: boolean }> {
  const key = opts.idempotencyKey ?? null;
  if (key) {
    const replay = await replayOf(ctx, opts.actor, key, trx);
    if (replay) return { item: replay, isNew: false };
  }
  if ((opts.sourceType === undefined) !== (opts.sourceId === undefined)) {
    throw new DomainError('VALIDATION_FAILED', 'Give sourceType and sourceId together, or neither.', { field: opts.sourceType === undefined ? 'sourceType' : 'sourceId' });
  }
  const ownerUnit = await resolveWorkItemUnit(ctx, opts.owner.unitCode, 'owner.unitCode', trx);
  const creatorUnit = await resolveWorkItemUnit(ctx, opts.actor.unitCode, 'actor.unitCode', trx);
  const linkedCaseIds = await checkLinkedCases(ctx, opts.linkedCaseIds, 'linkedCaseIds', trx);
  const dctx = await workItemDecisionContext(ctx, opts.actor, trx);
  const decision = newWorkItem(
    {
      id: randomUUID(),
      kind: opts.kind,
      title: opts.title,
      detail: opts.detail ?? null,
      owner: {
        unit: ownerUnit,
        person: 'personName' in opts.owner ? { name: opts.owner.personName, contact: opts.owner.personContact ?? null } : null,
      },
      creatorUnit,
      due: opts.due,
      source: opts.sourceType !== undefined && opts.sourceId !== undefined ? { type: opts.sourceType, id: opts.sourceId } : null,
      linkedCaseIds,
      ...(opts.isEvidenceRequired !== undefined ? { isEvidenceRequired: opts.isEvidenceRequired } : {}),
      ...(opts.isAuthorisedByFeature ? { isAuthorisedByFeature: true } : {}),
    },
    dctx,
  );
  const isInserted = await ctx.repos.workItems.insert(decision, { idempotencyKey: key }, trx);
  if (!isInserted && key) {
    // Another request with the same key won the race a moment ago: answer with its item.
    const replay = await replayOf(ctx, opts.actor, key, trx);
    if (replay) return { item: replay, isNew: false };
  }
  return { item: decision.item, isNew: true };
}

/** The item an earlier call with this key created — only if the actor may see it (a key is not a way into another unit's items). */
async function replayOf(ctx: AppContext, actor: Actor, key: string, trx: Tx): Promise<WorkItem | null> {
  const id = await ctx.repos.workItems.findIdByIdempotencyKey(key, trx);
  const item = id ? await ctx.repos.workItems.load(id, trx) : null;
  if (item) assertWorkItemInScope(actor, item);
  return item;
}
