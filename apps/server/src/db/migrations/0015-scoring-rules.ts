// Scoring as published (#16): an appeal filed after its window by a centre evaluator keeps who
// overrode the window, why, and the deadline that had passed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table score_appeals add column late_override_by_user_id text`.execute(db);
  await sql`alter table score_appeals add column late_override_by_username text`.execute(db);
  await sql`alter table score_appeals add column late_override_reason text`.execute(db);
  await sql`alter table score_appeals add column late_override_deadline timestamptz`.execute(db);
}
