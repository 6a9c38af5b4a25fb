// City scale (#17) and case search (#15): columns and indexes so that every case list is an index
// lookup in the actor's subtree, ordered for keyset pages, and so that search finds a case by
// number, trailing digits, requester phone, address or words without reading the table.
//   scope_codes      every unit code on the path of every unit that holds or held a part of the
//                    case, plus its location's: "in my subtree" is `scope_codes @> {my code}` (GIN)
//   search_vector    jieba words of subject (A), detail (B) and address (C), built by the server
//   requester_phone  the requester's phone as digits, matched only for viewers who may see it
//   address          the location's address, matched by trigram (pg_trgm) for fragments like 花家地
import { type Kysely, sql } from 'kysely';
import { caseSearchVector, phoneDigits } from '../../search/case-search-terms';

const BATCH = 2000;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`alter table cases add column scope_codes text[] not null default '{}'`.execute(db);
  await sql`alter table cases add column search_vector tsvector not null default ''`.execute(db);
  await sql`alter table cases add column requester_phone text`.execute(db);
  await sql`alter table cases add column is_requester_anonymous boolean not null default false`.execute(db);
  await sql`alter table cases add column address text not null default ''`.execute(db);

  // Existing rows: scope from the stored paths in SQL; words and phone from the state in batches
  // (jieba runs in the server, not in the database).
  await sql`
    update cases set
      scope_codes = array(select distinct c from unnest(unit_paths) p, unnest(string_to_array(trim(both '/' from p), '/')) c where c <> ''),
      address = coalesce(state->'location'->>'address', ''),
      is_requester_anonymous = coalesce((state->'requester'->>'isAnonymous')::boolean, false)`.execute(db);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<{ id: string; subject: string; detail: string | null; address: string; phone: string | null }>`
      select id, subject, state->>'detail' as detail, address, state->'requester'->>'phone' as phone
      from cases where id > ${after}::uuid order by id limit ${BATCH}`.execute(db);
    if (rows.length === 0) break;
    for (const r of rows) {
      await sql`update cases set search_vector = ${caseSearchVector(r.subject, r.detail ?? '', r.address)}::tsvector, requester_phone = ${phoneDigits(r.phone)} where id = ${r.id}::uuid`.execute(
        db,
      );
    }
    after = rows[rows.length - 1]!.id;
  }

  // Scope and search.
  await sql`create index cases_scope on cases using gin (scope_codes)`.execute(db);
  await sql`create index cases_search on cases using gin (search_vector)`.execute(db);
  await sql`create index cases_number_trgm on cases using gin (case_number gin_trgm_ops)`.execute(db);
  await sql`create index cases_address_trgm on cases using gin (address gin_trgm_ops)`.execute(db);
  await sql`create index cases_requester_phone on cases (requester_phone) where requester_phone is not null`.execute(db);
  // Inboxes and queues: the units still to sign (GIN, asked with @>), extension requests (few).
  await sql`create index cases_pending_units on cases using gin (pending_unit_codes)`.execute(db);
  await sql`create index cases_pending_extension on cases (received_at, id) where has_pending_extension`.execute(db);
  // Keyset pages: every ordering ends with the id, the unique tie-breaker.
  await sql`drop index if exists cases_received`.execute(db);
  await sql`create index cases_received on cases (received_at, id)`.execute(db);
  await sql`drop index if exists cases_status`.execute(db);
  await sql`create index cases_status on cases (status, received_at, id)`.execute(db);
  await sql`create index cases_awaiting_visit on cases (closed_at, id) where status = 'closed'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const i of [
    'cases_scope',
    'cases_search',
    'cases_number_trgm',
    'cases_address_trgm',
    'cases_requester_phone',
    'cases_pending_units',
    'cases_pending_extension',
    'cases_awaiting_visit',
  ]) {
    await sql`drop index if exists ${sql.ref(i)}`.execute(db);
  }
  await sql`drop index if exists cases_status`.execute(db);
  await sql`create index cases_status on cases (status, received_at)`.execute(db);
  await sql`drop index if exists cases_received`.execute(db);
  await sql`create index cases_received on cases (received_at)`.execute(db);
  for (const c of ['scope_codes', 'search_vector', 'requester_phone', 'is_requester_anonymous', 'address']) {
    await sql`alter table cases drop column if exists ${sql.ref(c)}`.execute(db);
  }
}
