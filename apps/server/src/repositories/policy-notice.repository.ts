// All SQL about policy notices (四方联动): the notice, its recipients, each one's read receipt
// (acknowledgement), the actions it reports, and the work item that carries its reminders.
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, NoticeRecipientsTable, PolicyNoticesTable } from '../db/schema';

type Db = Kysely<Database>;

export interface PolicyNotice {
  id: string;
  senderUnitCode: string;
  senderUnitPath: string;
  title: string;
  body: string;
  attachmentIds: string[];
  ackDueAt: Date;
  createdBy: string;
  createdAt: Date;
}

export interface NoticeRecipient {
  noticeId: string;
  unitCode: string;
  unitPath: string;
  workItemId: string | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  actions: Array<{ at: string; by: string; text: string; attachmentIds: string[] }>;
}

function parsed<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

function toNotice(r: Selectable<PolicyNoticesTable>): PolicyNotice {
  return {
    id: r.id,
    senderUnitCode: r.sender_unit_code,
    senderUnitPath: r.sender_unit_path,
    title: r.title,
    body: r.body,
    attachmentIds: [...r.attachment_ids],
    ackDueAt: r.ack_due_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

function toRecipient(r: Selectable<NoticeRecipientsTable>): NoticeRecipient {
  return {
    noticeId: r.notice_id,
    unitCode: r.unit_code,
    unitPath: r.unit_path,
    workItemId: r.work_item_id,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
    actions: parsed(r.actions),
  };
}

export class PolicyNoticeRepository {
  constructor(private readonly db: Db) {}

  /** Inserts the notice; false when its idempotency key was used before. */
  async insert(n: PolicyNotice & { idempotencyKey: string | null }, trx: Db = this.db): Promise<boolean> {
    const r = await trx
      .insertInto('policy_notices')
      .values({
        id: n.id,
        sender_unit_code: n.senderUnitCode,
        sender_unit_path: n.senderUnitPath,
        title: n.title,
        body: n.body,
        attachment_ids: n.attachmentIds,
        ack_due_at: n.ackDueAt,
        created_by: n.createdBy,
        created_at: n.createdAt,
        idempotency_key: n.idempotencyKey,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  }

  async insertRecipient(r: Pick<NoticeRecipient, 'noticeId' | 'unitCode' | 'unitPath' | 'workItemId'>, trx: Db = this.db): Promise<void> {
    await trx.insertInto('notice_recipients').values({ notice_id: r.noticeId, unit_code: r.unitCode, unit_path: r.unitPath, work_item_id: r.workItemId, actions: '[]' }).execute();
  }

  async findById(id: string, trx: Db = this.db): Promise<PolicyNotice | null> {
    const r = await trx.selectFrom('policy_notices').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toNotice(r) : null;
  }

  async findIdByIdempotencyKey(key: string, trx: Db = this.db): Promise<string | null> {
    const r = await trx.selectFrom('policy_notices').select('id').where('idempotency_key', '=', key).executeTakeFirst();
    return r?.id ?? null;
  }

  async recipients(noticeId: string, trx: Db = this.db): Promise<NoticeRecipient[]> {
    return (await trx.selectFrom('notice_recipients').selectAll().where('notice_id', '=', noticeId).orderBy('unit_path').execute()).map(toRecipient);
  }

  async lockRecipient(noticeId: string, unitCode: string, trx: Db): Promise<NoticeRecipient | null> {
    const r = await trx.selectFrom('notice_recipients').selectAll().where('notice_id', '=', noticeId).where('unit_code', '=', unitCode).forUpdate().executeTakeFirst();
    return r ? toRecipient(r) : null;
  }

  async acknowledge(noticeId: string, unitCode: string, at: Date, by: string, trx: Db = this.db): Promise<void> {
    await trx.updateTable('notice_recipients').set({ acknowledged_at: at, acknowledged_by: by }).where('notice_id', '=', noticeId).where('unit_code', '=', unitCode).execute();
  }

  async setActions(noticeId: string, unitCode: string, actions: NoticeRecipient['actions'], trx: Db = this.db): Promise<void> {
    await trx
      .updateTable('notice_recipients')
      .set({ actions: JSON.stringify(actions) })
      .where('notice_id', '=', noticeId)
      .where('unit_code', '=', unitCode)
      .execute();
  }

  /** Notices sent by units in the subtree, or to units in it; newest first. */
  async listInScope(scopePath: string, limit: number, trx: Db = this.db): Promise<PolicyNotice[]> {
    const like = `${scopePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await trx
      .selectFrom('policy_notices')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('sender_unit_path', 'like', like),
          eb.exists(
            eb
              .selectFrom('notice_recipients')
              .select('notice_id')
              .whereRef('notice_recipients.notice_id', '=', 'policy_notices.id')
              .where('notice_recipients.unit_path', 'like', like),
          ),
        ]),
      )
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toNotice);
  }

  /** Recipients in a subtree of notices sent in [from, to), with the notice's deadline: the on-time measure. */
  async receiptsUnder(scopePath: string, from: Date, to: Date, trx: Db = this.db): Promise<Array<{ unitCode: string; acknowledgedAt: Date | null; dueAt: Date }>> {
    const like = `${scopePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const { rows } = await sql<{ unit_code: string; acknowledged_at: Date | null; ack_due_at: Date }>`
      select r.unit_code, r.acknowledged_at, n.ack_due_at
      from notice_recipients r join policy_notices n on n.id = r.notice_id
      where r.unit_path like ${like} and n.created_at >= ${from} and n.created_at < ${to}`.execute(trx);
    return rows.map((r) => ({ unitCode: r.unit_code, acknowledgedAt: r.acknowledged_at === null ? null : new Date(r.acknowledged_at), dueAt: new Date(r.ack_due_at) }));
  }
}
