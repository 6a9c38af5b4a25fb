// A narrow row per case for hotspot mining (每月一题): the month's read scanned case_tokens and the
// wide cases row (its state document for the requester's phone) and split every case's words out
// of one string into a map of words. Now each case has one narrow row: its words stored once as
// 4-byte ids into a vocabulary (`mining_words`) packed into one bytea, its requester key and
// receipt time (fixed at intake), and the case columns mining reads (category, place, closed or
// not). The month's read is this table and score_facts: it never opens a cases row.
//
// The row is written by the database when the case's words are (a statement trigger on
// case_tokens, set-based, so one intake and a bulk load of a million rows both take one statement
// each): every writer of case_tokens — intake, the bulk loader, imports, benchmarks — gets it.
// Words of one statement are added in word order, so two intakes adding the same new words wait
// on each other instead of deadlocking. A row trigger on cases copies a change of category, place
// or closing (only when one of them changed). Existing cases are backfilled here.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table mining_words (
      id integer generated always as identity primary key,
      word text not null unique
    )`.execute(db);
  await sql`
    create table case_mining (
      case_id uuid primary key,
      received_at timestamptz not null,
      requester_key text,
      category_code text not null,
      district_code text,
      street_code text,
      community_code text,
      location_path text,
      is_closed boolean not null,
      word_ids bytea not null
    )`.execute(db);
  await sql`create index case_mining_received on case_mining (received_at)`.execute(db);
  // Ids as big-endian int4 (int4send), in the order of the case's tokens; a word the vocabulary
  // lacks cannot happen (added first, in the same function).
  await sql`
    create function case_mining_rows() returns trigger language plpgsql as $$
    begin
      insert into mining_words (word)
        select w from (select distinct w from new_rows n, unnest(n.tokens) w) d order by w
        on conflict (word) do nothing;
      insert into case_mining (case_id, received_at, requester_key, category_code, district_code, street_code, community_code, location_path, is_closed, word_ids)
        select n.case_id, n.received_at, c.state->'requester'->>'phone', c.category_code, c.district_code, c.street_code, c.community_code,
          c.location_path, c.closed_at is not null,
          coalesce((select string_agg(int4send(m.id), ''::bytea order by u.ord)
                    from unnest(n.tokens) with ordinality u(w, ord) join mining_words m on m.word = u.w), ''::bytea)
        from new_rows n join cases c on c.id = n.case_id
        on conflict (case_id) do nothing;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger case_tokens_mining after insert on case_tokens
    referencing new table as new_rows for each statement execute function case_mining_rows()`.execute(db);
  await sql`
    create function case_mining_case_changed() returns trigger language plpgsql as $$
    begin
      update case_mining set category_code = new.category_code, district_code = new.district_code, street_code = new.street_code,
        community_code = new.community_code, location_path = new.location_path, is_closed = new.closed_at is not null
      where case_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger cases_mining after update on cases for each row
    when (old.category_code is distinct from new.category_code or old.district_code is distinct from new.district_code
      or old.street_code is distinct from new.street_code or old.community_code is distinct from new.community_code
      or old.location_path is distinct from new.location_path or (old.closed_at is null) <> (new.closed_at is null))
    execute function case_mining_case_changed()`.execute(db);
  // Backfill: the same two statements over every stored case.
  await sql`
    insert into mining_words (word)
      select w from (select distinct w from case_tokens t, unnest(t.tokens) w) d order by w
      on conflict (word) do nothing`.execute(db);
  await sql`
    insert into case_mining (case_id, received_at, requester_key, category_code, district_code, street_code, community_code, location_path, is_closed, word_ids)
      select t.case_id, t.received_at, c.state->'requester'->>'phone', c.category_code, c.district_code, c.street_code, c.community_code,
        c.location_path, c.closed_at is not null,
        coalesce((select string_agg(int4send(m.id), ''::bytea order by u.ord)
                  from unnest(t.tokens) with ordinality u(w, ord) join mining_words m on m.word = u.w), ''::bytea)
      from case_tokens t join cases c on c.id = t.case_id
      on conflict (case_id) do nothing`.execute(db);
  await sql`analyze case_mining`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists cases_mining on cases`.execute(db);
  await sql`drop function if exists case_mining_case_changed()`.execute(db);
  await sql`drop trigger if exists case_tokens_mining on case_tokens`.execute(db);
  await sql`drop function if exists case_mining_rows()`.execute(db);
  await sql`drop table if exists case_mining`.execute(db);
  await sql`drop table if exists mining_words`.execute(db);
}
