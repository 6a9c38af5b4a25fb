// Work items (DESIGN §7): the item (state as JSON plus columns for lists, scope and the sweep),
// its history, and the notification outbox opened to messages about work items as well as cases.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table work_items (
      id uuid primary key,
      kind text not null,
      title text not null,
      status text not null,
      version integer not null,
      owner_unit_code text not null references units(code),
      owner_unit_path text not null,
      owner_person_name text,
      creator_unit_code text not null references units(code),
      creator_unit_path text not null,
      source_type text,
      source_id text,
      linked_case_ids uuid[] not null default '{}',
      -- the clock, as the sweep asks for it (the same marks as case_clocks)
      due_at timestamptz not null,
      remind_at timestamptz not null,
      reminded_at timestamptz,
      escalated_at timestamptz,
      is_overdue boolean not null default false,
      idempotency_key text unique,
      created_at timestamptz not null,
      closed_at timestamptz,
      updated_at timestamptz not null default now(),
      state jsonb not null
    )`.execute(db);
  // The sweep's two questions, each answered from a small partial index (as for case clocks).
  await sql`create index work_items_remind_due on work_items (remind_at) where status in ('open', 'in_progress') and reminded_at is null`.execute(db);
  await sql`create index work_items_escalate_due on work_items (due_at) where status in ('open', 'in_progress') and escalated_at is null`.execute(db);
  // Lists: keyset on (due_at, id) within a scope prefix, and by source.
  await sql`create index work_items_owner_path on work_items (owner_unit_path text_pattern_ops, due_at, id)`.execute(db);
  await sql`create index work_items_creator_path on work_items (creator_unit_path text_pattern_ops, due_at, id)`.execute(db);
  await sql`create index work_items_source on work_items (source_type, source_id)`.execute(db);
  await sql`create index work_items_linked_cases on work_items using gin (linked_case_ids)`.execute(db);

  await sql`
    create table work_item_history (
      work_item_id uuid not null references work_items(id),
      seq integer not null,
      action text not null,
      from_status text,
      to_status text not null,
      actor_user_id text not null,
      actor_username text not null,
      actor_unit_code text not null,
      at timestamptz not null,
      note text,
      attachments jsonb not null default '[]',
      data jsonb not null default '{}',
      primary key (work_item_id, seq)
    )`.execute(db);

  // One outbox for everything: a message is about a case or about a work item.
  await sql`alter table notification_outbox alter column case_id drop not null`.execute(db);
  await sql`alter table notification_outbox add column work_item_id uuid`.execute(db);
  await sql`alter table notification_outbox add constraint notification_outbox_subject check (case_id is not null or work_item_id is not null)`.execute(db);
  await sql`create index notification_outbox_unit on notification_outbox (unit_code, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists notification_outbox_unit`.execute(db);
  await sql`delete from notification_outbox where case_id is null`.execute(db);
  await sql`alter table notification_outbox drop constraint if exists notification_outbox_subject`.execute(db);
  await sql`alter table notification_outbox drop column if exists work_item_id`.execute(db);
  await sql`alter table notification_outbox alter column case_id set not null`.execute(db);
  await sql`drop table if exists work_item_history`.execute(db);
  await sql`drop table if exists work_items`.execute(db);
}
