// audit_log becomes a table partitioned by month of `at` (the audit list reads a time window, so it
// prunes to the months it shows; retention detaches whole months), keyed (at, id) — the list's
// keyset order, and the partition key in the primary key as PostgreSQL requires. New column
// `actor_unit_path`: the acting user's unit path when the entry was written, so the list is scoped
// to the reader's unit subtree (filled for old rows from the user's present unit). The id sequence
// is kept, so ids never repeat across the move.
import { type Kysely, sql } from 'kysely';
import { createMonthlyPartitions } from './partition-sql';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log rename to audit_log_old`.execute(db);
  await sql`alter table audit_log_old rename constraint audit_log_pkey to audit_log_old_pkey`.execute(db);
  await sql`alter index audit_log_target rename to audit_log_old_target`.execute(db);
  await sql`alter sequence audit_log_id_seq owned by none`.execute(db);
  await sql`
    create table audit_log (
      at timestamptz not null default now(),
      id bigint not null default nextval('audit_log_id_seq'),
      actor_user_id uuid,
      actor_username text,
      actor_unit_path text,
      action text not null,
      target_type text not null,
      target_id text not null,
      data jsonb not null default '{}',
      primary key (at, id)
    ) partition by range (at)`.execute(db);
  await sql`alter sequence audit_log_id_seq owned by audit_log.id`.execute(db);
  await sql`create index audit_log_target on audit_log (target_type, target_id, at)`.execute(db);
  const { rows } = await sql<{ first: Date | null }>`select min(at) as first from audit_log_old`.execute(db);
  await createMonthlyPartitions(db, 'audit_log', rows[0]?.first ?? null);
  await sql`
    insert into audit_log (at, id, actor_user_id, actor_username, actor_unit_path, action, target_type, target_id, data)
    select a.at, a.id, a.actor_user_id, a.actor_username, un.path, a.action, a.target_type, a.target_id, a.data
    from audit_log_old a left join users u on u.id = a.actor_user_id left join units un on un.code = u.unit_code`.execute(db);
  await sql`drop table audit_log_old`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log rename to audit_log_new`.execute(db);
  await sql`alter table audit_log_new rename constraint audit_log_pkey to audit_log_new_pkey`.execute(db);
  await sql`alter index audit_log_target rename to audit_log_new_target`.execute(db);
  await sql`alter sequence audit_log_id_seq owned by none`.execute(db);
  await sql`
    create table audit_log (
      id bigint primary key default nextval('audit_log_id_seq'),
      at timestamptz not null default now(),
      actor_user_id uuid,
      actor_username text,
      action text not null,
      target_type text not null,
      target_id text not null,
      data jsonb not null default '{}'
    )`.execute(db);
  await sql`alter sequence audit_log_id_seq owned by audit_log.id`.execute(db);
  await sql`create index audit_log_target on audit_log (target_type, target_id)`.execute(db);
  await sql`
    insert into audit_log (id, at, actor_user_id, actor_username, action, target_type, target_id, data)
    select id, at, actor_user_id, actor_username, action, target_type, target_id, data from audit_log_new`.execute(db);
  await sql`drop table audit_log_new cascade`.execute(db);
}
