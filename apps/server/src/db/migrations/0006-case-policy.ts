// The case policy (clocks per urgency, reminders, extensions, evidence, attachment limits) as data
// an administrator edits; one row, absent until the defaults are first changed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table case_policy (
      id smallint primary key default 1 check (id = 1),
      policy jsonb not null,
      updated_by text not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists case_policy`.execute(db);
}
