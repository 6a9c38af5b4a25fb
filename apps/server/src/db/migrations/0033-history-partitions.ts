// case_history becomes a table partitioned by month of the case's receipt, and its row leaner.
// Partition key: `case_received_at`, a copy of cases.received_at, so every row of one case lies in
// one partition — a timeline read names the case and its receipt time and reads one partition;
// retention detaches a month of cases' histories whole (docs/scaling.md). The primary key includes
// the key, as PostgreSQL requires. A `default` partition takes rows no monthly partition covers
// (db/partitions.ts creates months ahead, at boot and daily, and moves any such rows out).
// Leaner row: the actor's id as uuid (16 B, was 36 characters of text), the actor's display name
// in its own column (it was a key in `data` on every row), `attachments` and `data` null when empty
// (they were '[]' and '{}' on most rows). Reads put them back, so the timeline is unchanged.
import { type Kysely, sql } from 'kysely';
import { createMonthlyPartitions } from './partition-sql';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table case_history rename to case_history_old`.execute(db);
  await sql`alter table case_history_old rename constraint case_history_pkey to case_history_old_pkey`.execute(db);
  await sql`alter table case_history_old drop constraint if exists case_history_case_id_fkey`.execute(db);
  // 8-byte columns first, then the uuids and the int, then the variable ones: no alignment padding.
  await sql`
    create table case_history (
      case_received_at timestamptz not null,
      at timestamptz not null,
      case_id uuid not null,
      actor_user_id uuid not null,
      seq integer not null,
      action text not null,
      from_status text,
      to_status text not null,
      actor_username text not null,
      actor_display_name text,
      actor_unit_code text not null,
      note text,
      attachments jsonb,
      data jsonb,
      primary key (case_id, seq, case_received_at)
    ) partition by range (case_received_at)`.execute(db);
  const { rows } = await sql<{ first: Date | null }>`select min(received_at) as first from cases`.execute(db);
  await createMonthlyPartitions(db, 'case_history', rows[0]?.first ?? null);
  await sql`
    insert into case_history (case_received_at, at, case_id, actor_user_id, seq, action, from_status, to_status, actor_username, actor_display_name,
      actor_unit_code, note, attachments, data)
    select c.received_at, h.at, h.case_id, h.actor_user_id::uuid, h.seq, h.action, h.from_status, h.to_status, h.actor_username, h.data->>'actorDisplayName',
      h.actor_unit_code, h.note, nullif(h.attachments, '[]'::jsonb), nullif(h.data - 'actorDisplayName', '{}'::jsonb)
    from case_history_old h join cases c on c.id = h.case_id`.execute(db);
  await sql`drop table case_history_old`.execute(db);
  // Added after the copy: one validating join instead of a check per copied row.
  await sql`alter table case_history add constraint case_history_case_id_fkey foreign key (case_id) references cases(id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table case_history rename to case_history_new`.execute(db);
  await sql`alter table case_history_new drop constraint if exists case_history_case_id_fkey`.execute(db);
  await sql`alter table case_history_new rename constraint case_history_pkey to case_history_new_pkey`.execute(db);
  await sql`
    create table case_history (
      case_id uuid not null references cases(id),
      seq integer not null,
      action text not null,
      from_status text,
      to_status text not null,
      actor_user_id text not null,
      actor_username text not null,
      actor_unit_code text not null,
      at timestamptz not null,
      note text,
      attachments jsonb not null default '[]',
      data jsonb not null default '{}',
      primary key (case_id, seq)
    )`.execute(db);
  await sql`
    insert into case_history (case_id, seq, action, from_status, to_status, actor_user_id, actor_username, actor_unit_code, at, note, attachments, data)
    select case_id, seq, action, from_status, to_status, actor_user_id::text, actor_username, actor_unit_code, at, note, coalesce(attachments, '[]'::jsonb),
      coalesce(data, '{}'::jsonb) || case when actor_display_name is null then '{}'::jsonb else jsonb_build_object('actorDisplayName', actor_display_name) end
    from case_history_new`.execute(db);
  await sql`drop table case_history_new cascade`.execute(db);
}
