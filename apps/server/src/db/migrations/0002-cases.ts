// Cases: the aggregate (state as JSON plus columns for queues and scope), its history, its clocks
// (the sweep claims due rows), the daily case-number counters, the notification outbox, community
// duty lists and attachment metadata.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table cases (
      id uuid primary key,
      case_number text not null unique,
      status text not null,
      version integer not null,
      channel text not null,
      kind text not null,
      category_code text not null,
      urgency text not null,
      subject text not null,
      district_code text,
      street_code text,
      community_code text,
      location_path text,
      lead_unit_code text,
      -- units with a live part (pending or signed), those still to sign, and every unit that ever
      -- held a part plus the location: the actor's scope is tested against unit_paths
      live_unit_codes text[] not null default '{}',
      pending_unit_codes text[] not null default '{}',
      unit_paths text[] not null default '{}',
      has_pending_extension boolean not null default false,
      is_overdue boolean not null default false,
      parent_case_id uuid references cases(id),
      idempotency_key text unique,
      received_at timestamptz not null,
      closed_at timestamptz,
      updated_at timestamptz not null default now(),
      state jsonb not null
    )`.execute(db);
  await sql`create index cases_status on cases (status, received_at)`.execute(db);
  await sql`create index cases_lead on cases (lead_unit_code, status)`.execute(db);
  await sql`create index cases_live_units on cases using gin (live_unit_codes)`.execute(db);
  await sql`create index cases_street_open on cases (street_code, received_at) where closed_at is null`.execute(db);
  await sql`create index cases_received on cases (received_at)`.execute(db);

  await sql`
    create table case_history (
      case_id uuid not null references cases(id),
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
      primary key (case_id, seq)
    )`.execute(db);

  await sql`
    create table case_clocks (
      case_id uuid not null references cases(id),
      key text not null,
      name text not null,
      owner_unit_code text not null,
      owner_unit_path text not null,
      started_at timestamptz not null,
      due_at timestamptz not null,
      remind_at timestamptz not null,
      status text not null,
      stopped_at timestamptz,
      reminded_at timestamptz,
      escalated_at timestamptz,
      primary key (case_id, key)
    )`.execute(db);
  // The sweep's two questions, each answered from a small partial index.
  await sql`create index case_clocks_remind_due on case_clocks (remind_at) where status = 'running' and reminded_at is null`.execute(db);
  await sql`create index case_clocks_escalate_due on case_clocks (due_at) where status = 'running' and escalated_at is null`.execute(db);
  await sql`create index case_clocks_owner on case_clocks (owner_unit_code, due_at) where status = 'running'`.execute(db);

  await sql`create table case_number_counters (day text primary key, last integer not null)`.execute(db);

  await sql`
    create table notification_outbox (
      id bigserial primary key,
      case_id uuid not null,
      kind text not null,
      unit_code text,
      payload jsonb not null,
      created_at timestamptz not null default now(),
      delivered_at timestamptz
    )`.execute(db);
  await sql`create index notification_outbox_undelivered on notification_outbox (id) where delivered_at is null`.execute(db);

  await sql`
    create table community_duty_lists (
      community_code text primary key references units(code),
      category_prefixes text[] not null,
      updated_by text,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table attachments (
      id uuid primary key,
      kind text not null,
      mime_type text not null,
      size_bytes integer not null,
      name text,
      sha256 text not null,
      uploaded_by text not null,
      uploaded_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['attachments', 'community_duty_lists', 'notification_outbox', 'case_number_counters', 'case_clocks', 'case_history', 'cases']) {
    await sql`drop table if exists ${sql.table(t)} cascade`.execute(db);
  }
}
