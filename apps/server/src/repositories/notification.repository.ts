// All SQL about the notification outbox: claiming undelivered messages for delivery, marking them
// delivered, and a unit's recent messages (about cases and about work items).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { OutboxMessage } from '../services/notification-sender';
import { reviveJson } from './case-json';

type Db = Kysely<Database>;

export class NotificationRepository {
  constructor(private readonly db: Db) {}

  /** Undelivered messages, oldest first, locked so another process's round skips them. */
  async claimUndelivered(limit: number, trx: Db): Promise<OutboxMessage[]> {
    const rows = await trx
      .selectFrom('notification_outbox')
      .selectAll()
      .where('delivered_at', 'is', null)
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    return rows.map((r) => ({ id: r.id, caseId: r.case_id, workItemId: r.work_item_id, kind: r.kind, unitCode: r.unit_code, payload: reviveJson(r.payload), createdAt: r.created_at }));
  }

  async markDelivered(ids: number[], at: Date, trx: Db): Promise<void> {
    if (ids.length === 0) return;
    await trx.updateTable('notification_outbox').set({ delivered_at: at }).where('id', 'in', ids).execute();
  }

  async forUnit(unitCode: string, limit: number, trx: Db = this.db) {
    const rows = await trx
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
      .where('notification_outbox.unit_code', '=', unitCode)
      .orderBy('notification_outbox.id', 'desc')
      .limit(limit)
      .execute();
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
}
