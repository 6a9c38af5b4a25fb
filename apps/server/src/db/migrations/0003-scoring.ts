// Scoring (三率): return-visit attempts, the compact fact table rankings aggregate (one row per
// visited case), appeals (申诉), scoring settings (weights, period, visit policy), immutable
// published rankings, and a street's quarterly community item scores.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table return_visit_attempts (
      id bigserial primary key,
      case_id uuid not null references cases(id),
      attempt_no integer not null,
      at timestamptz not null,
      result text not null,
      is_contacted boolean,
      is_solved boolean,
      satisfaction text,
      comment text,
      visitor_user_id text not null,
      visitor_username text not null,
      unique (case_id, attempt_no)
    )`.execute(db);

  // One row per case whose return visit concluded: what rankings GROUP BY. Derived data (written
  // with the visit, updated by corrections and granted appeals), so no foreign key to cases: it
  // can be rebuilt or bulk-loaded. street_code / district_code are the street and district ABOVE
  // the lead unit (null when the lead is itself that street or district, or has none).
  await sql`
    create table score_facts (
      case_id uuid primary key,
      case_number text not null,
      period_key text not null,
      visited_at timestamptz not null,
      lead_unit_code text not null,
      lead_unit_class text not null,
      street_code text,
      district_code text,
      is_valid boolean not null,
      is_contacted boolean not null default false,
      is_solved boolean not null default false,
      satisfaction text,
      is_exempt boolean not null default false,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index score_facts_period on score_facts (period_key, lead_unit_code)`.execute(db);
  await sql`create index score_facts_period_street on score_facts (period_key, street_code)`.execute(db);
  await sql`create index score_facts_period_district on score_facts (period_key, district_code)`.execute(db);

  await sql`
    create table score_appeals (
      id uuid primary key,
      case_id uuid not null references cases(id),
      case_number text not null,
      unit_code text not null,
      unit_path text not null,
      reason text not null,
      explanation text not null,
      attachment_ids uuid[] not null default '{}',
      status text not null,
      filed_by_user_id text not null,
      filed_by_username text not null,
      filed_at timestamptz not null,
      decided_by_user_id text,
      decided_by_username text,
      decided_at timestamptz,
      decision_note text
    )`.execute(db);
  // At most one appeal per case waiting for a decision or granted.
  await sql`create unique index score_appeals_live on score_appeals (case_id) where status in ('pending', 'granted')`.execute(db);
  await sql`create index score_appeals_status on score_appeals (status, filed_at)`.execute(db);

  await sql`
    create table scoring_settings (
      key text primary key,
      value jsonb not null,
      updated_by text,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table score_publications (
      id bigserial primary key,
      period_key text not null,
      version integer not null,
      reason text,
      published_at timestamptz not null,
      published_by_user_id text not null,
      published_by_username text not null,
      rankings jsonb not null,
      unique (period_key, version)
    )`.execute(db);
  // A published ranking is a record: never updated or deleted, only superseded by a new version.
  await sql`
    create function score_publications_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'published rankings are immutable: publish a new version instead';
    end $$`.execute(db);
  await sql`
    create trigger score_publications_no_change before update or delete on score_publications
    for each row execute function score_publications_immutable()`.execute(db);

  await sql`
    create table community_ranking_configs (
      street_code text primary key references units(code),
      config jsonb not null,
      updated_by text,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table community_item_scores (
      quarter_key text not null,
      community_code text not null references units(code),
      street_code text not null references units(code),
      item_scores jsonb not null,
      updated_by text,
      updated_at timestamptz not null default now(),
      primary key (quarter_key, community_code)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['community_item_scores', 'community_ranking_configs', 'score_publications', 'scoring_settings', 'score_appeals', 'score_facts', 'return_visit_attempts']) {
    await sql`drop table if exists ${sql.table(t)} cascade`.execute(db);
  }
  await sql`drop function if exists score_publications_immutable()`.execute(db);
}
