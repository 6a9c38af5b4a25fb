// Intake intelligence (docs/intake.md): the category models (versioned artifacts, one active), the
// administrator-edited suggestion reference (rule lists, gazetteer aliases, unit boundaries), the
// word tokens of each case for duplicate search, and the knowledge base (知识库).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table category_models (
      id bigserial primary key,
      created_at timestamptz not null default now(),
      format text not null,
      format_version integer not null,
      labels text[] not null,
      training_size integer not null,
      metrics jsonb,
      source text not null,
      artifact jsonb not null,
      is_active boolean not null default false,
      created_by text
    )`.execute(db);
  // At most one active model: activating is "clear the old flag, set the new one" in one transaction.
  await sql`create unique index category_models_one_active on category_models (is_active) where is_active`.execute(db);

  // Whole rule lists as documents (urgency_rules, routing_rules, duplicate settings): the core
  // validators check a list as a whole (unique ids, ordering), so a list is replaced as a whole.
  await sql`
    create table intake_settings (
      key text primary key,
      value jsonb not null,
      updated_by text,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table gazetteer_aliases (
      id bigserial primary key,
      alias text not null,
      unit_code text not null references units(code),
      kind text not null,
      created_by text,
      created_at timestamptz not null default now(),
      unique (alias, unit_code)
    )`.execute(db);

  await sql`
    create table unit_boundaries (
      unit_code text primary key references units(code),
      level text not null,
      polygons jsonb not null,
      source text,
      updated_by text,
      updated_at timestamptz not null default now()
    )`.execute(db);

  // Segmented once at intake, so duplicate search compares token arrays instead of re-segmenting
  // every open case. Street and receipt time are copied from the case (neither changes after
  // intake) so a street's recent tokens are one index range; only the few best matches are then
  // checked against the live cases row for status. A GIN index on tokens would not help: the
  // common words of a request match most of a street anyway.
  await sql`
    create table case_tokens (
      case_id uuid primary key references cases(id) on delete cascade,
      street_code text,
      received_at timestamptz not null,
      tokens text[] not null
    )`.execute(db);
  await sql`create index case_tokens_street on case_tokens (street_code, received_at) include (case_id, tokens)`.execute(db);

  await sql`
    create table knowledge_articles (
      id uuid primary key,
      title text not null,
      answer text not null,
      category_codes text[] not null default '{}',
      source_policy text,
      valid_from timestamptz,
      valid_to timestamptz,
      is_active boolean not null default true,
      is_demo boolean not null default false,
      -- jieba tokens of title and answer (PGlite has no Chinese text-search parser); the title's
      -- tokens are kept apart because a hit there counts more
      tokens text[] not null,
      title_tokens text[] not null,
      created_by text,
      created_at timestamptz not null default now(),
      updated_by text,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index knowledge_articles_tokens on knowledge_articles using gin (tokens)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['knowledge_articles', 'case_tokens', 'unit_boundaries', 'gazetteer_aliases', 'intake_settings', 'category_models']) {
    await sql`drop table if exists ${sql.table(t)} cascade`.execute(db);
  }
}
