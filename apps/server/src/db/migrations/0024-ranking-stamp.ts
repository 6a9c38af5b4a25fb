// The live rankings are cached per period (caches/live-rankings-cache.ts) and recomputed when a
// score fact changes: the cache asks for the newest fact change, max(updated_at), which this
// index answers from its last entry instead of a scan of every fact.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index score_facts_updated on score_facts (updated_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists score_facts_updated`.execute(db);
}
