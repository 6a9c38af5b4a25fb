// Hotspot members are written in bulk (a month's run stores hundreds of thousands) and one at a
// time at intake: drop what made each row cost more than its primary key. The reference to cases
// took a row lock on the member's case for every row (a write to the case's page) and is always
// true by construction (members are mined from cases, or attached right after the case is
// stored; cases are never deleted); the index by case served no query. Only the rows attached at
// intake are looked up by case (is this case attached already?), so only they are indexed by it.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table hotspot_members drop constraint if exists hotspot_members_case_id_fkey`.execute(db);
  await sql`drop index if exists hotspot_members_case`.execute(db);
  await sql`create index hotspot_members_attached on hotspot_members (case_id) where is_attached`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists hotspot_members_attached`.execute(db);
  await sql`create index if not exists hotspot_members_case on hotspot_members (case_id)`.execute(db);
  await sql`alter table hotspot_members add constraint hotspot_members_case_id_fkey foreign key (case_id) references cases(id)`.execute(db);
}
