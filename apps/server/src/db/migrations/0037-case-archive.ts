// The archive of finished cases (repositories/case-archive.ts): one row per case closed more than
// JIESU_ARCHIVE_AFTER_DAYS ago, holding its history rows and stopped clocks packed (deflated JSON
// tuples). No secondary index: a case's archive is read by its id; the Open311 update feed reaches
// it through public_requests. `down` unpacks every row back into case_history and case_clocks.
import { type Kysely, sql } from 'kysely';
import { unpackArchive } from '../../repositories/case-archive';
import { chunks } from '../../repositories/case.repository';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table case_archive (
      case_id uuid primary key references cases (id),
      closed_at timestamptz not null,
      first_at timestamptz not null,
      last_at timestamptz not null,
      last_seq int not null,
      packed bytea not null,
      archived_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (;;) {
    const { rows } = await sql<{ case_id: string; received_at: Date; packed: Uint8Array }>`
      select a.case_id, c.received_at, a.packed from case_archive a join cases c on c.id = a.case_id order by a.case_id limit 500`.execute(db);
    if (rows.length === 0) break;
    // The batch's rows back in multi-row statements (14 and 12 columns: ~2,000 rows a statement).
    const history = [];
    const clocks = [];
    for (const r of rows) {
      const a = unpackArchive(r.packed);
      for (const h of a.history)
        history.push(sql`(${r.case_id}, ${r.received_at}, ${h.seq}, ${h.action}, ${h.from_status}, ${h.to_status}, ${h.actor_user_id}, ${h.actor_username},
          ${h.actor_display_name}, ${h.actor_unit_code}, ${h.at}, ${h.note}, ${h.attachments === null ? null : JSON.stringify(h.attachments)}::jsonb,
          ${h.data === null ? null : JSON.stringify(h.data)}::jsonb)`);
      for (const k of a.clocks)
        clocks.push(sql`(${r.case_id}, ${k.key}, ${k.name}, ${k.owner_unit_code}, ${k.owner_unit_path}, ${k.started_at}, ${k.due_at}, ${k.remind_at}, ${k.status},
          ${k.stopped_at}, ${k.reminded_at}, ${k.escalated_at})`);
    }
    for (const part of chunks(history, 14))
      await sql`insert into case_history (case_id, case_received_at, seq, action, from_status, to_status, actor_user_id, actor_username, actor_display_name,
          actor_unit_code, at, note, attachments, data)
        values ${sql.join(part)} on conflict do nothing`.execute(db);
    for (const part of chunks(clocks, 12))
      await sql`insert into case_clocks (case_id, key, name, owner_unit_code, owner_unit_path, started_at, due_at, remind_at, status, stopped_at, reminded_at, escalated_at)
        values ${sql.join(part)} on conflict (case_id, key) do nothing`.execute(db);
    await sql`delete from case_archive where case_id in (${sql.join(rows.map((r) => r.case_id))})`.execute(db);
  }
  await sql`drop table case_archive`.execute(db);
}
