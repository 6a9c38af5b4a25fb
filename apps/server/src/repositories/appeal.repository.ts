// All SQL about appeals (申诉): a unit asks that a case not count; the centre grants or refuses.
import type { AppealReason, AppealStatus } from '@jiesu/core';
import { type Kysely, type Selectable } from 'kysely';
import type { Database, ScoreAppealsTable } from '../db/schema';
import { escapeLike } from './unit.repository';

type Db = Kysely<Database>;

export interface Appeal {
  id: string;
  caseId: string;
  caseNumber: string;
  unitCode: string;
  unitPath: string;
  reason: AppealReason;
  explanation: string;
  attachmentIds: string[];
  status: AppealStatus;
  filedBy: { userId: string; username: string };
  filedAt: Date;
  decidedBy: { userId: string; username: string } | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  /** Set when a centre evaluator filed the appeal after its window (逾期受理). */
  lateOverride: { by: { userId: string; username: string }; reason: string; deadline: Date | null } | null;
}

function toAppeal(r: Selectable<ScoreAppealsTable>): Appeal {
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    unitCode: r.unit_code,
    unitPath: r.unit_path,
    reason: r.reason as AppealReason,
    explanation: r.explanation,
    attachmentIds: r.attachment_ids,
    status: r.status as AppealStatus,
    filedBy: { userId: r.filed_by_user_id, username: r.filed_by_username },
    filedAt: r.filed_at,
    decidedBy: r.decided_by_user_id !== null ? { userId: r.decided_by_user_id, username: r.decided_by_username ?? '' } : null,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    lateOverride:
      r.late_override_by_user_id !== null
        ? { by: { userId: r.late_override_by_user_id, username: r.late_override_by_username ?? '' }, reason: r.late_override_reason ?? '', deadline: r.late_override_deadline }
        : null,
  };
}

export class AppealRepository {
  constructor(private readonly db: Db) {}

  async insert(a: Appeal, trx: Db = this.db): Promise<void> {
    await trx
      .insertInto('score_appeals')
      .values({
        id: a.id,
        case_id: a.caseId,
        case_number: a.caseNumber,
        unit_code: a.unitCode,
        unit_path: a.unitPath,
        reason: a.reason,
        explanation: a.explanation,
        attachment_ids: a.attachmentIds,
        status: a.status,
        filed_by_user_id: a.filedBy.userId,
        filed_by_username: a.filedBy.username,
        filed_at: a.filedAt,
        late_override_by_user_id: a.lateOverride?.by.userId ?? null,
        late_override_by_username: a.lateOverride?.by.username ?? null,
        late_override_reason: a.lateOverride?.reason ?? null,
        late_override_deadline: a.lateOverride?.deadline ?? null,
      })
      .execute();
  }

  async findById(id: string, trx: Db = this.db, opts: { forUpdate?: boolean } = {}): Promise<Appeal | null> {
    let q = trx.selectFrom('score_appeals').selectAll().where('id', '=', id);
    if (opts.forUpdate) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row ? toAppeal(row) : null;
  }

  /** The case's appeal that is pending or granted, if any. */
  async findLiveForCase(caseId: string, trx: Db = this.db): Promise<Appeal | null> {
    const row = await trx.selectFrom('score_appeals').selectAll().where('case_id', '=', caseId).where('status', 'in', ['pending', 'granted']).executeTakeFirst();
    return row ? toAppeal(row) : null;
  }

  async decide(id: string, d: { status: 'granted' | 'refused'; by: { userId: string; username: string }; at: Date; note: string | null }, trx: Db = this.db): Promise<Appeal> {
    const row = await trx
      .updateTable('score_appeals')
      .set({ status: d.status, decided_by_user_id: d.by.userId, decided_by_username: d.by.username, decided_at: d.at, decision_note: d.note })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAppeal(row);
  }

  async list(f: { scopePath: string; status?: AppealStatus; limit: number; offset: number }, trx: Db = this.db): Promise<{ total: number; items: Appeal[] }> {
    let q = trx.selectFrom('score_appeals');
    if (f.scopePath !== '/') q = q.where('unit_path', 'like', `${escapeLike(f.scopePath)}%`);
    if (f.status) q = q.where('status', '=', f.status);
    const [{ total } = { total: 0 }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
    const rows = await q.selectAll().orderBy('filed_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
    return { total: Number(total), items: rows.map(toAppeal) };
  }
}
