// Hardening (#11): attachments belong to a case (or wait for one) and carry their uploader's unit
// path for scope; accounts remember failed logins and a lockout; a case remembers a hash of the
// request its idempotency key first carried; outbox rows carry their delivery attempts, last error
// and next attempt time.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table attachments add column case_id uuid`.execute(db);
  await sql`alter table attachments add column uploader_unit_path text`.execute(db);
  await sql`alter table attachments add column linked_at timestamptz`.execute(db);
  // files already referenced from records before this migration are kept as linked
  await sql`update attachments set linked_at = uploaded_at`.execute(db);
  // a file a case's history already carries belongs to that case (its first one)
  await sql`
    update attachments a set case_id = h.case_id
    from (select distinct on (e->>'id') e->>'id' as attachment_id, case_id from case_history, jsonb_array_elements(attachments) e order by e->>'id', at) h
    where a.id::text = h.attachment_id`.execute(db);
  await sql`create index attachments_orphans on attachments (uploaded_at) where linked_at is null`.execute(db);

  await sql`alter table users add column failed_logins integer not null default 0`.execute(db);
  await sql`alter table users add column locked_until timestamptz`.execute(db);

  await sql`alter table cases add column idempotency_hash text`.execute(db);

  await sql`alter table notification_outbox add column attempts integer not null default 0`.execute(db);
  await sql`alter table notification_outbox add column last_error text`.execute(db);
  await sql`alter table notification_outbox add column next_attempt_at timestamptz`.execute(db);
  await sql`drop index if exists notification_outbox_undelivered`.execute(db);
  await sql`create index notification_outbox_due on notification_outbox (next_attempt_at nulls first, id) where delivered_at is null`.execute(db);
}
