// One settings store: every administrator-edited value (case policy, scoring weights and policy,
// intake rules, each street's community-ranking config) is one row, key → JSON value, checked by
// its core definition on every read and write (packages/core/src/settings). The rows of the four
// older stores move in under dotted keys; the old tables go.
//   scoring_settings.<key>              → scoring.<key>           (weights, policy)
//   intake_settings.<key>               → intake.<key>            (urgency_rules, routing_rules, duplicates)
//   case_policy (one row)               → cases.policy
//   community_ranking_configs.<street>  → scoring.community_ranking.<street>
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table settings (
      key text primary key check (key ~ '^[a-z0-9_]+(\\.[a-z0-9_]+)+$'),
      value jsonb not null,
      version integer not null default 1,
      updated_by text,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`insert into settings (key, value, updated_by, updated_at) select 'scoring.' || key, value, updated_by, updated_at from scoring_settings`.execute(db);
  await sql`insert into settings (key, value, updated_by, updated_at) select 'intake.' || key, value, updated_by, updated_at from intake_settings`.execute(db);
  await sql`insert into settings (key, value, updated_by, updated_at) select 'cases.policy', policy, updated_by, updated_at from case_policy`.execute(db);
  await sql`
    insert into settings (key, value, updated_by, updated_at)
    select 'scoring.community_ranking.' || street_code, config, updated_by, updated_at from community_ranking_configs`.execute(db);
  for (const t of ['scoring_settings', 'intake_settings', 'case_policy', 'community_ranking_configs']) {
    await sql`drop table ${sql.table(t)}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create table scoring_settings (key text primary key, value jsonb not null, updated_by text, updated_at timestamptz not null default now())`.execute(db);
  await sql`create table intake_settings (key text primary key, value jsonb not null, updated_by text, updated_at timestamptz not null default now())`.execute(db);
  await sql`
    create table case_policy (
      id smallint primary key default 1 check (id = 1), policy jsonb not null, updated_by text not null, updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table community_ranking_configs (
      street_code text primary key references units(code), config jsonb not null, updated_by text, updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    insert into community_ranking_configs (street_code, config, updated_by, updated_at)
    select substr(key, length('scoring.community_ranking.') + 1), value, updated_by, updated_at from settings where key like 'scoring.community\\_ranking.%'`.execute(db);
  await sql`
    insert into scoring_settings (key, value, updated_by, updated_at)
    select substr(key, length('scoring.') + 1), value, updated_by, updated_at from settings where key in ('scoring.weights', 'scoring.policy')`.execute(db);
  await sql`insert into intake_settings (key, value, updated_by, updated_at) select substr(key, length('intake.') + 1), value, updated_by, updated_at from settings where key like 'intake.%'`.execute(
    db,
  );
  await sql`insert into case_policy (policy, updated_by, updated_at) select value, coalesce(updated_by, 'unknown'), updated_at from settings where key = 'cases.policy'`.execute(
    db,
  );
  await sql`drop table settings`.execute(db);
}
