// The console's working day: the notification bell keeps, per user, the last notification they
// have read (a watermark: newer ones are unread). Caller history uses 0014's requester_phone index.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notification_reads (
      user_id uuid primary key references users(id) on delete cascade,
      last_read_id bigint not null,
      updated_at timestamptz not null default now()
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists notification_reads`.execute(db);
}
