// Leases for periodic jobs that must run in one process at a time (the hotspot refresh): a row per
// job naming the process that holds it and until when. A process claims the row with one
// conditional upsert; a lease that ran out (its holder died) can be taken by another process.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table job_leases (
      name text primary key,
      holder text not null,
      expires_at timestamptz not null,
      -- when the holder last finished a round (what the next round's "is it due" reads)
      finished_at timestamptz
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists job_leases`.execute(db);
}
