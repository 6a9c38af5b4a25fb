// Foundation: organisation, users and sessions, categories, holiday schedules, audit log.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table units (
      code text primary key,
      name text not null,
      class text not null check (class in ('centre','district','street','community','section','department','enterprise')),
      kind text,
      parent_code text references units(code),
      path text not null unique,
      is_active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index units_path_prefix on units (path text_pattern_ops)`.execute(db);
  await sql`create index units_parent on units (parent_code)`.execute(db);
  await sql`create index units_class on units (class)`.execute(db);

  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      username text not null unique,
      display_name text not null,
      unit_code text not null references units(code),
      roles text[] not null,
      password_hash text not null,
      is_active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index users_unit on users (unit_code)`.execute(db);

  await sql`
    create table sessions (
      token_hash text primary key,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);

  await sql`
    create table categories (
      code text primary key,
      name text not null,
      parent_code text references categories(code),
      level smallint not null check (level between 1 and 3),
      path text not null unique,
      sort_order integer not null default 0,
      is_active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (parent_code, name)
    )`.execute(db);

  await sql`
    create table holiday_schedules (
      year integer primary key,
      holidays jsonb not null,
      workdays jsonb not null,
      source text not null,
      updated_by text,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor_user_id uuid,
      actor_username text,
      action text not null,
      target_type text not null,
      target_id text not null,
      data jsonb not null default '{}'
    )`.execute(db);
  await sql`create index audit_log_target on audit_log (target_type, target_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_log', 'holiday_schedules', 'categories', 'sessions', 'users', 'units']) {
    await sql`drop table if exists ${sql.table(t)} cascade`.execute(db);
  }
}
