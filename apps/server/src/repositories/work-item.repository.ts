// All SQL about work items: the item row (state JSON + columns for lists, scope and the sweep),
// its history, the sweep's due list with SKIP LOCKED claims, keyset-paged lists, and the outbox
// rows of its notifications. Every method takes an optional transaction, so a feature can create
// items inside its own.
import type { CaseAttachment, WorkItem, WorkItemDecision, WorkItemHistoryEvent, WorkItemNotification, WorkItemStatus } from '@jiesu/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { encodeJson, reviveJson } from './case-json';
import { escapeLike } from './unit.repository';
import { updateIfVersion } from './tx';

type Db = Kysely<Database>;

export interface WorkItemFilter {
  /** The actor's unit path: items owned by, or set by, a unit in this subtree. */
  scopePath: string;
  kind?: string;
  sourceType?: string;
  sourceId?: string;
  statuses?: readonly WorkItemStatus[];
  isOverdue?: boolean;
  ownerUnitCode?: string;
  linkedCaseId?: string;
  /** Keyset: items after this (dueAt, id), in (dueAt, id) order. */
  after?: { dueAt: Date; id: string } | null;
  limit: number;
}

export interface WorkItemHistoryRow {
  seq: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  at: Date;
  actor: { userId: string; username: string; displayName: string | null; unitCode: string };
  note: string | null;
  attachments: CaseAttachment[];
  data: Record<string, unknown>;
}

/** Query columns derived from the item: one function, so they can never drift from it. */
function itemColumns(item: WorkItem) {
  return {
    kind: item.kind,
    title: item.title,
    status: item.status,
    version: item.version,
    owner_unit_code: item.owner.unit.code,
    owner_unit_path: item.owner.unit.path,
    owner_person_name: item.owner.person?.name ?? null,
    creator_unit_code: item.creator.unit.code,
    creator_unit_path: item.creator.unit.path,
    source_type: item.source?.type ?? null,
    source_id: item.source?.id ?? null,
    linked_case_ids: item.linkedCaseIds,
    due_at: item.clock.dueAt,
    remind_at: item.clock.remindAt,
    reminded_at: item.clock.remindedAt,
    escalated_at: item.clock.escalatedAt,
    is_overdue: item.overdue.length > 0,
    created_at: item.createdAt,
    closed_at: item.closedAt,
    state: encodeJson(item),
  };
}

function historyRow(e: WorkItemHistoryEvent) {
  return {
    work_item_id: e.workItemId,
    seq: e.seq,
    action: e.action,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    actor_user_id: e.actor.userId,
    actor_username: e.actor.username,
    actor_unit_code: e.actor.unitCode,
    at: e.at,
    note: e.note,
    attachments: encodeJson(e.attachments),
    data: encodeJson({ ...e.data, actorDisplayName: e.actor.displayName }),
  };
}

function outboxRow(n: WorkItemNotification) {
  return { case_id: null, work_item_id: n.workItemId, kind: n.kind, unit_code: n.unitCode, payload: encodeJson(n) };
}

export class WorkItemRepository {
  constructor(private readonly db: Db) {}

  /**
   * Inserts a new item with its first history row and outbox messages. Returns false when the
   * idempotency key is already used; then nothing is written.
   */
  async insert(decision: WorkItemDecision, opts: { idempotencyKey: string | null }, trx: Db = this.db): Promise<boolean> {
    const inserted = await trx
      .insertInto('work_items')
      .values({ id: decision.item.id, idempotency_key: opts.idempotencyKey, ...itemColumns(decision.item) })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return false;
    await this.writeEffects(decision, trx);
    return true;
  }

  async findIdByIdempotencyKey(key: string, trx: Db = this.db): Promise<string | null> {
    const row = await trx.selectFrom('work_items').select('id').where('idempotency_key', '=', key).executeTakeFirst();
    return row?.id ?? null;
  }

  async load(id: string, trx: Db = this.db, opts: { forUpdate?: boolean } = {}): Promise<WorkItem | null> {
    let q = trx.selectFrom('work_items').select('state').where('id', '=', id);
    if (opts.forUpdate) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row ? reviveJson<WorkItem>(row.state) : null;
  }

  /** Locks the item if no one else holds it; null when it is locked (the sweep tries it next round). */
  async loadIfUnlocked(id: string, trx: Db): Promise<WorkItem | null> {
    const row = await trx.selectFrom('work_items').select('state').where('id', '=', id).forUpdate().skipLocked().executeTakeFirst();
    return row ? reviveJson<WorkItem>(row.state) : null;
  }

  /**
   * Writes a decision: the new state only if the stored version is still `expectedVersion`
   * (false otherwise, and nothing is written), then its history row and outbox messages.
   */
  async save(decision: WorkItemDecision, opts: { expectedVersion: number }, trx: Db): Promise<boolean> {
    const isWritten = await updateIfVersion(trx, 'work_items', decision.item.id, opts.expectedVersion, { ...itemColumns(decision.item), updated_at: sql`now()` });
    if (!isWritten) return false;
    await this.writeEffects(decision, trx);
    return true;
  }

  private async writeEffects(decision: WorkItemDecision, trx: Db): Promise<void> {
    await trx.insertInto('work_item_history').values(historyRow(decision.event)).execute();
    if (decision.notifications.length > 0) {
      await trx.insertInto('notification_outbox').values(decision.notifications.map(outboxRow)).execute();
    }
  }

  async history(id: string, trx: Db = this.db): Promise<WorkItemHistoryRow[]> {
    const rows = await trx.selectFrom('work_item_history').selectAll().where('work_item_id', '=', id).orderBy('seq').execute();
    return rows.map((r) => {
      const data = reviveJson<Record<string, unknown>>(r.data);
      const { actorDisplayName, ...rest } = data;
      return {
        seq: r.seq,
        action: r.action,
        fromStatus: r.from_status,
        toStatus: r.to_status,
        at: r.at,
        actor: { userId: r.actor_user_id, username: r.actor_username, displayName: typeof actorDisplayName === 'string' ? actorDisplayName : null, unitCode: r.actor_unit_code },
        note: r.note,
        attachments: reviveJson<CaseAttachment[]>(r.attachments),
        data: rest,
      };
    });
  }

  /** Open items with a reminder or an escalation due at `now`, oldest deadline first. */
  async dueIds(now: Date, limit: number, trx: Db = this.db): Promise<string[]> {
    const rows = await trx
      .selectFrom('work_items')
      .select('id')
      .where('status', 'in', ['open', 'in_progress'])
      .where((eb) => eb.or([eb.and([eb('escalated_at', 'is', null), eb('due_at', '<=', now)]), eb.and([eb('reminded_at', 'is', null), eb('remind_at', '<=', now)])]))
      .orderBy('due_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** One page in (due_at, id) order — id breaks ties, so a page boundary never skips or repeats an item. */
  async list(f: WorkItemFilter, trx: Db = this.db): Promise<WorkItem[]> {
    let q = this.filtered(f, trx).select('state').orderBy('due_at').orderBy('id').limit(f.limit);
    if (f.after) {
      const { dueAt, id } = f.after;
      q = q.where((eb) => eb.or([eb('due_at', '>', dueAt), eb.and([eb('due_at', '=', dueAt), eb('id', '>', id)])]));
    }
    const rows = await q.execute();
    return rows.map((r) => reviveJson<WorkItem>(r.state));
  }

  async count(f: WorkItemFilter, trx: Db = this.db): Promise<number> {
    const row = await this.filtered(f, trx)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private filtered(f: WorkItemFilter, trx: Db) {
    let q = trx.selectFrom('work_items');
    if (f.scopePath !== '/') {
      const prefix = `${escapeLike(f.scopePath)}%`;
      q = q.where((eb) => eb.or([eb('owner_unit_path', 'like', prefix), eb('creator_unit_path', 'like', prefix)]));
    }
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.sourceType) q = q.where('source_type', '=', f.sourceType);
    if (f.sourceId) q = q.where('source_id', '=', f.sourceId);
    if (f.statuses && f.statuses.length > 0) q = q.where('status', 'in', [...f.statuses]);
    if (f.isOverdue !== undefined) q = q.where('is_overdue', '=', f.isOverdue);
    if (f.ownerUnitCode) q = q.where('owner_unit_code', '=', f.ownerUnitCode);
    if (f.linkedCaseId) q = q.where(sql<boolean>`${f.linkedCaseId}::uuid = any(linked_case_ids)`);
    return q;
  }

  /** Which of these case ids exist (links must point at real cases). */
  async existingCaseIds(ids: readonly string[], trx: Db = this.db): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await trx
      .selectFrom('cases')
      .select('id')
      .where('id', 'in', [...ids])
      .execute();
    return new Set(rows.map((r) => r.id));
  }
}
