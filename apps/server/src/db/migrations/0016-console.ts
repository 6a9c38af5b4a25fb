// The console's working day: caller history at intake looks a number's earlier cases up by the
// requester phone kept in the case state, newest first. The notification bell keeps, per user, the
// last notification they have read (a watermark: newer ones are unread).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index cases_requester_phone on cases ((state #>> '{requester,phone}'), received_at desc) where state #>> '{requester,phone}' is not null`.execute(db);
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
  await sql`drop index if exists cases_requester_phone`.execute(db);
}
