// Public intake: the Open311 GeoReport v2 services (jiesu categories offered to clients, with their
// attribute definitions), per-client API keys (hashed, revocable), the link from a publicly
// submitted case to its Open311 token / portal tracking token, and residents' ratings.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table open311_services (
      service_code text primary key,
      category_code text not null,
      service_name text,
      description text,
      group_name text,
      keywords text,
      type text not null default 'realtime',
      attributes jsonb not null default '[]',
      sort_order integer not null default 0,
      is_active boolean not null default true,
      updated_by text,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table open311_api_keys (
      id uuid primary key,
      client_name text not null,
      key_hash text not null unique,
      key_prefix text not null,
      contact text,
      created_by text not null,
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      revoked_by text,
      last_used_at timestamptz
    )`.execute(db);

  // One row per case a resident submitted themselves (Open311 client or the portal).
  await sql`
    create table public_requests (
      case_id uuid primary key references cases(id),
      source text not null,
      service_code text,
      token uuid not null unique,
      api_key_id uuid references open311_api_keys(id),
      tracking_hash text unique,
      media_url text,
      address_id text,
      attributes jsonb not null default '{}',
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index public_requests_source on public_requests (source, created_at)`.execute(db);

  // 满意度 as the resident gave it on the portal: one per case.
  await sql`
    create table case_ratings (
      case_id uuid primary key references cases(id),
      satisfaction text not null check (satisfaction in ('satisfied', 'basically_satisfied', 'dissatisfied')),
      comment text,
      rated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['case_ratings', 'public_requests', 'open311_api_keys', 'open311_services']) {
    await sql`drop table if exists ${sql.table(t)} cascade`.execute(db);
  }
}
