// 重复来电: a new case that repeats an earlier, finished case (the same caller, the same problem,
// after it was closed). One row per new case (a case repeats at most one earlier case); the earlier
// case lists its repeats through the index on repeat_of_case_id.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table case_repeats (
      case_id uuid primary key references cases(id),
      repeat_of_case_id uuid not null references cases(id),
      linked_by text not null,
      linked_at timestamptz not null default now(),
      check (case_id <> repeat_of_case_id)
    )`.execute(db);
  await sql`create index case_repeats_repeat_of on case_repeats (repeat_of_case_id, linked_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists case_repeats`.execute(db);
}
