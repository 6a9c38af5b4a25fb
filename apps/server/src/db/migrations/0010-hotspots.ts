// 每月一题 (DESIGN §7): hotspot computations (a run over a period and scope, its ranked groups with
// their signatures and members), the ranking weights, and topics run as projects — topic → problems
// (lead and co-units, a signature for matching cases) → linked cases, and policies issued. The
// tasks of a problem are work items (kind 'topic_task', source 'topic_problem'), not a table here.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table hotspot_runs (
      id uuid primary key,
      -- insertion order: two runs computed at the same instant still have a latest
      seq bigserial not null,
      period_from timestamptz not null,
      period_to timestamptz not null,
      scope_unit_code text not null,
      scope_unit_path text not null,
      computed_at timestamptz not null,
      computed_by text not null,
      case_count integer not null,
      group_count integer not null,
      weights jsonb not null,
      options jsonb not null,
      -- IDF of the words the stored signatures use: what incremental attach weighs a new case with
      term_weights jsonb not null,
      elapsed_ms integer not null
    )`.execute(db);
  await sql`create index hotspot_runs_latest on hotspot_runs (scope_unit_code, computed_at desc, seq desc)`.execute(db);

  await sql`
    create table hotspot_groups (
      id uuid primary key,
      run_id uuid not null references hotspot_runs(id) on delete cascade,
      rank integer not null,
      score real not null,
      block text,
      signature jsonb not null,
      top_words text[] not null,
      size integer not null,
      attached_count integer not null default 0,
      metrics jsonb not null,
      signals jsonb not null,
      representative_case_ids uuid[] not null
    )`.execute(db);
  await sql`create index hotspot_groups_run on hotspot_groups (run_id, rank)`.execute(db);

  await sql`
    create table hotspot_members (
      group_id uuid not null references hotspot_groups(id) on delete cascade,
      case_id uuid not null references cases(id),
      similarity real not null,
      is_attached boolean not null default false,
      primary key (group_id, case_id)
    )`.execute(db);
  await sql`create index hotspot_members_case on hotspot_members (case_id)`.execute(db);
  // A period's tokens in one range scan (the intake table's index leads with the street).
  await sql`create index case_tokens_received on case_tokens (received_at)`.execute(db);

  await sql`
    create table topics (
      id uuid primary key,
      month text not null,
      title text not null,
      description text not null default '',
      status text not null,
      version integer not null,
      source_run_id uuid references hotspot_runs(id) on delete set null,
      started_at timestamptz,
      closed_at timestamptz,
      created_by text not null,
      created_at timestamptz not null,
      idempotency_key text unique
    )`.execute(db);
  await sql`create index topics_month on topics (month)`.execute(db);

  await sql`
    create table topic_problems (
      id uuid primary key,
      topic_id uuid not null references topics(id) on delete cascade,
      seq integer not null,
      title text not null,
      description text not null default '',
      lead_unit_code text not null references units(code),
      co_unit_codes text[] not null default '{}',
      source_group_id uuid references hotspot_groups(id) on delete set null,
      block text,
      signature jsonb,
      term_weights jsonb,
      match_threshold real not null,
      created_at timestamptz not null,
      unique (topic_id, seq)
    )`.execute(db);

  await sql`
    create table topic_problem_cases (
      problem_id uuid not null references topic_problems(id) on delete cascade,
      case_id uuid not null references cases(id),
      link_kind text not null,
      similarity real,
      linked_by text not null,
      linked_at timestamptz not null,
      primary key (problem_id, case_id)
    )`.execute(db);
  await sql`create index topic_problem_cases_case on topic_problem_cases (case_id)`.execute(db);

  await sql`
    create table topic_policies (
      id uuid primary key,
      topic_id uuid not null references topics(id) on delete cascade,
      problem_id uuid references topic_problems(id) on delete set null,
      title text not null,
      issuing_body text not null,
      issued_on text not null check (issued_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      attachment_id uuid references attachments(id),
      created_by text not null,
      created_at timestamptz not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['topic_policies', 'topic_problem_cases', 'topic_problems', 'topics', 'hotspot_members', 'hotspot_groups', 'hotspot_runs']) {
    await sql`drop table if exists ${sql.table(t)} cascade`.execute(db);
  }
  await sql`drop index if exists case_tokens_received`.execute(db);
}
