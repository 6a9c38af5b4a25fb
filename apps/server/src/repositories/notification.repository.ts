// All SQL about the notification outbox: claiming undelivered messages for delivery, marking them
// delivered, and a unit's recent messages (about cases and about work items).
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import type { OutboxMessage } from '../adapters/notification-sender';
import { reviveJson } from './case-json';
import { cappedTotal } from './keyset';

type Db = Kysely<Database>;

export class NotificationRepository {
  constructor(private readonly db: Db) {}

  /** Undelivered messages, oldest first, locked so another process's round skips them. */
  /**
   * Claims up to `limit` undelivered messages that are due (never tried, or their next attempt has
   * come), oldest due first, and leases them until `leaseUntil` (counting the attempt), so another
   * process skips them while they are being sent outside this transaction.
   */
  async claimDue(limit: number, now: Date, leaseUntil: Date, trx: Db): Promise<OutboxMessage[]> {
    const due = await trx
      .selectFrom('notification_outbox')
      .select('id')
      .where('delivered_at', 'is', null)
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .orderBy(sql`next_attempt_at nulls first`)
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    const rows = await trx
      .updateTable('notification_outbox')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil }))
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .returningAll()
      .execute();
    rows.sort((a, b) => a.id - b.id);
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      workItemId: r.work_item_id,
      kind: r.kind,
      unitCode: r.unit_code,
      payload: reviveJson(r.payload),
      createdAt: r.created_at,
    }));
  }

  /**
   * Messages a use case writes itself (not from a case decision): a meeting's invitations, notices
   * to building leads, a requester told a meeting's outcome. The payload never carries identities;
   * the sender looks up the recipient when it delivers.
   */
  async enqueue(
    rows: Array<{
      caseId: string | null;
      subject?: { type: 'meeting' | 'proposal' | 'building_lead'; id: string };
      kind: string;
      unitCode: string | null;
      payload: Record<string, unknown>;
    }>,
    trx: Db,
  ): Promise<void> {
    if (rows.length === 0) return;
    await trx
      .insertInto('notification_outbox')
      .values(
        rows.map((r) => ({
          case_id: r.caseId,
          subject_type: r.subject?.type ?? null,
          subject_id: r.subject?.id ?? null,
          kind: r.kind,
          unit_code: r.unitCode,
          payload: JSON.stringify(r.payload),
        })),
      )
      .execute();
  }

  /** Outbox messages of some kinds about these cases (what requesters were told). */
  async forCases(
    caseIds: string[],
    kinds: string[],
    trx: Db = this.db,
  ): Promise<Array<{ id: number; caseId: string; kind: string; payload: Record<string, unknown>; createdAt: Date; deliveredAt: Date | null }>> {
    if (caseIds.length === 0) return [];
    const rows = await trx.selectFrom('notification_outbox').selectAll().where('case_id', 'in', caseIds).where('kind', 'in', kinds).orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id ?? '',
      kind: r.kind,
      payload: reviveJson<Record<string, unknown>>(r.payload),
      createdAt: r.created_at,
      deliveredAt: r.delivered_at,
    }));
  }

  async markDelivered(ids: number[], at: Date, trx: Db = this.db): Promise<void> {
    if (ids.length === 0) return;
    await trx.updateTable('notification_outbox').set({ delivered_at: at, last_error: null, next_attempt_at: null }).where('id', 'in', ids).execute();
  }

  /** Records a failed attempt: the error, and when to try again. */
  async markFailed(id: number, error: string, nextAttemptAt: Date, trx: Db = this.db): Promise<void> {
    await trx
      .updateTable('notification_outbox')
      .set({ last_error: error.slice(0, 1000), next_attempt_at: nextAttemptAt })
      .where('id', '=', id)
      .execute();
  }

  /** A message's delivery state, as operators see it. */
  async deliveryState(id: number, trx: Db = this.db) {
    return trx.selectFrom('notification_outbox').select(['id', 'attempts', 'last_error', 'next_attempt_at', 'delivered_at']).where('id', '=', id).executeTakeFirst();
  }

  /**
   * A unit's notifications, newest first, one keyset page: ids below `beforeId` (the last id of the
   * previous page), read from the index (unit_code, id). `limit + 1` rows are read so the caller
   * knows whether a next page exists.
   */
  async pageForUnit(unitCode: string, page: { limit: number; beforeId: number | null }, trx: Db = this.db) {
    let q = trx
      .selectFrom('notification_outbox')
      .leftJoin('cases', 'cases.id', 'notification_outbox.case_id')
      .leftJoin('work_items', 'work_items.id', 'notification_outbox.work_item_id')
      .select([
        'notification_outbox.id',
        'notification_outbox.case_id',
        'notification_outbox.work_item_id',
        'notification_outbox.kind',
        'notification_outbox.payload',
        'notification_outbox.created_at',
        'notification_outbox.delivered_at',
        'cases.case_number',
        'cases.subject',
        'work_items.title',
      ])
      .where('notification_outbox.unit_code', '=', unitCode);
    if (page.beforeId !== null) q = q.where('notification_outbox.id', '<', page.beforeId);
    const rows = await q.orderBy('notification_outbox.id', 'desc').limit(page.limit).execute();
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      workItemId: r.work_item_id,
      caseNumber: r.case_number,
      // A case's subject, or a work item's title: what the message is about, in one column for the list.
      subject: r.subject ?? r.title,
      kind: r.kind,
      payload: reviveJson<Record<string, unknown>>(r.payload),
      createdAt: r.created_at,
      deliveredAt: r.delivered_at,
    }));
  }

  /** How many notifications the unit has: exact up to the cap, else the planner's estimate. */
  async countForUnit(unitCode: string, trx: Db = this.db): Promise<{ total: number; totalExact: boolean }> {
    return cappedTotal(trx, trx.selectFrom('notification_outbox').where('unit_code', '=', unitCode));
  }

  /** The last notification id the user has read (0 when none). */
  async lastReadId(userId: string, trx: Db = this.db): Promise<number> {
    const r = await trx.selectFrom('notification_reads').select('last_read_id').where('user_id', '=', userId).executeTakeFirst();
    return r ? Number(r.last_read_id) : 0;
  }

  /** Moves the user's read watermark up to `upToId` (never down); returns the watermark. */
  async markReadUpTo(userId: string, upToId: number, at: Date, trx: Db = this.db): Promise<number> {
    const r = await trx
      .insertInto('notification_reads')
      .values({ user_id: userId, last_read_id: upToId, updated_at: at })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ last_read_id: sql<number>`greatest(notification_reads.last_read_id, excluded.last_read_id)`, updated_at: at }))
      .returning('last_read_id')
      .executeTakeFirstOrThrow();
    return Number(r.last_read_id);
  }

  /** A unit's notifications newer than an id (the bell's unread count). */
  async countForUnitAfter(unitCode: string, afterId: number, trx: Db = this.db): Promise<number> {
    const r = await trx
      .selectFrom('notification_outbox')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('unit_code', '=', unitCode)
      .where('id', '>', afterId)
      .executeTakeFirst();
    return r?.n ?? 0;
  }
}
