// The live rankings are cached per period (caches/live-rankings-cache.ts) and recomputed when a
// score fact of a period they read changes: the cache asks for each period's newest fact change,
// max(updated_at) where period_key = …, which this index answers from one entry instead of a scan.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index score_facts_updated on score_facts (period_key, updated_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists score_facts_updated`.execute(db);
}
