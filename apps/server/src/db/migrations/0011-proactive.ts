// 未诉先办 (acting before residents call): contracting zones, patrols and home visits, early
// warnings, policy notices with per-recipient acknowledgement, and proactive cases kept apart in
// the three rates (score_facts.is_proactive).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table proactive_zones (
      id uuid primary key,
      street_code text not null,
      name text not null,
      community_codes text[] not null,
      polygon jsonb,
      leader_user_id text not null,
      team jsonb not null default '[]',
      term_start text not null,
      term_end text,
      is_active boolean not null default true,
      version integer not null default 1,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index proactive_zones_street on proactive_zones (street_code)`.execute(db);

  await sql`
    create table patrols (
      id uuid primary key,
      kind text not null,
      street_code text not null,
      community_code text not null,
      zone_id uuid,
      unit_code text not null,
      patroller_user_id text not null,
      patroller_name text not null,
      patrolled_at timestamptz not null,
      lng double precision,
      lat double precision,
      observations text not null,
      attachment_ids text[] not null default '{}',
      case_ids uuid[] not null default '{}',
      idempotency_key text unique,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index patrols_street_time on patrols (street_code, patrolled_at)`.execute(db);
  await sql`create index patrols_zone_time on patrols (zone_id, patrolled_at)`.execute(db);

  await sql`
    create table proactive_warnings (
      id uuid primary key,
      street_code text not null,
      community_code text not null,
      category_code text not null,
      kind text not null,
      detected_on text not null,
      observed integer not null,
      expected double precision not null,
      upper_bound integer not null,
      ratio double precision not null,
      forecast jsonb not null,
      series jsonb not null,
      case_ids uuid[] not null default '{}',
      status text not null default 'open',
      work_item_id text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (community_code, category_code, detected_on)
    )`.execute(db);
  await sql`create index proactive_warnings_street on proactive_warnings (street_code, detected_on)`.execute(db);

  await sql`
    create table policy_notices (
      id uuid primary key,
      sender_unit_code text not null,
      sender_unit_path text not null,
      title text not null,
      body text not null,
      attachment_ids text[] not null default '{}',
      ack_due_at timestamptz not null,
      created_by text not null,
      idempotency_key text unique,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table notice_recipients (
      notice_id uuid not null references policy_notices(id),
      unit_code text not null,
      unit_path text not null,
      work_item_id text,
      acknowledged_at timestamptz,
      acknowledged_by text,
      actions jsonb not null default '[]',
      primary key (notice_id, unit_code)
    )`.execute(db);
  await sql`create index notice_recipients_unit on notice_recipients (unit_code)`.execute(db);

  await sql`alter table score_facts add column is_proactive boolean not null default false`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table score_facts drop column if exists is_proactive`.execute(db);
  for (const t of ['notice_recipients', 'policy_notices', 'proactive_warnings', 'patrols', 'proactive_zones']) {
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  }
}
