// A narrow row per case for hotspot mining (每月一题): the month's read scanned case_tokens and the
// wide cases row (its state document for the requester's phone) and split every case's words out
// of one string into a map of words. Now each case's words are stored once as 4-byte ids into a
// vocabulary (`mining_words`), packed into one bytea, beside its requester key and receipt time:
// the read decodes bytes, not strings, and never opens the state document. Place, category and
// outcome still come from `cases` / `score_facts` (they change after intake; the mining row does not).
//
// The row is written by the database when the case's words are (a statement trigger on
// case_tokens, set-based, so one intake and a bulk load of a million rows both take one statement
// each): every writer of case_tokens — intake, the bulk loader, imports, benchmarks — gets it.
// Words of one statement are added in word order, so two intakes adding the same new words wait
// on each other instead of deadlocking. Existing cases are backfilled here.
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
      insert into case_mining (case_id, received_at, requester_key, word_ids)
        select n.case_id, n.received_at, c.state->'requester'->>'phone',
          coalesce((select string_agg(int4send(m.id), ''::bytea order by u.ord)
                    from unnest(n.tokens) with ordinality u(w, ord) join mining_words m on m.word = u.w), ''::bytea)
        from new_rows n left join cases c on c.id = n.case_id
        on conflict (case_id) do nothing;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger case_tokens_mining after insert on case_tokens
    referencing new table as new_rows for each statement execute function case_mining_rows()`.execute(db);
  // Backfill: the same two statements over every stored case.
  await sql`
    insert into mining_words (word)
      select w from (select distinct w from case_tokens t, unnest(t.tokens) w) d order by w
      on conflict (word) do nothing`.execute(db);
  await sql`
    insert into case_mining (case_id, received_at, requester_key, word_ids)
      select t.case_id, t.received_at, c.state->'requester'->>'phone',
        coalesce((select string_agg(int4send(m.id), ''::bytea order by u.ord)
                  from unnest(t.tokens) with ordinality u(w, ord) join mining_words m on m.word = u.w), ''::bytea)
      from case_tokens t left join cases c on c.id = t.case_id
      on conflict (case_id) do nothing`.execute(db);
  await sql`analyze case_mining`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists case_tokens_mining on case_tokens`.execute(db);
  await sql`drop function if exists case_mining_rows()`.execute(db);
  await sql`drop table if exists case_mining`.execute(db);
  await sql`drop table if exists mining_words`.execute(db);
}
