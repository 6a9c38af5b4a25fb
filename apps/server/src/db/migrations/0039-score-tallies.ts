// Running tallies of the score facts (#17): one row per period, proactive or not, and lead unit ×
// street × district — the inner GROUP BY every live ranking asked of score_facts, kept current by
// statement triggers on score_facts (the rows a statement inserted, updated or deleted, summed per
// key and applied in key order, so two statements lock the rows they share in the same order).
// A ranking then sums a few thousand rows instead of a month of facts (~0.8 M in Beijing).
// A missing street or district is '' in the key (a primary key cannot hold null). `truncate` fires
// no trigger: empty score_tallies with it.
import { type Kysely, sql } from 'kysely';

const COUNTS = ['cases', 'exemptions', 'valid_visits', 'invalid_visits', 'contacted', 'solved', 'satisfied', 'basically_satisfied', 'dissatisfied'] as const;

/** Each fact's contribution to the counts, as the expressions over a fact row `f`. */
const CONTRIBUTION = `
  1 as cases,
  (f.is_exempt)::int as exemptions,
  (not f.is_exempt and f.is_valid)::int as valid_visits,
  (not f.is_exempt and not f.is_valid)::int as invalid_visits,
  (not f.is_exempt and f.is_valid and f.is_contacted)::int as contacted,
  (not f.is_exempt and f.is_valid and f.is_solved)::int as solved,
  (not f.is_exempt and f.is_valid and f.satisfaction is not distinct from 'satisfied')::int as satisfied,
  (not f.is_exempt and f.is_valid and f.satisfaction is not distinct from 'basically_satisfied')::int as basically_satisfied,
  (not f.is_exempt and f.is_valid and f.satisfaction is not distinct from 'dissatisfied')::int as dissatisfied`;
const KEY = `f.period_key, f.is_proactive, f.lead_unit_code, f.lead_unit_class, coalesce(f.street_code, '') as street_code, coalesce(f.district_code, '') as district_code`;
const KEY_COLUMNS = 'period_key, is_proactive, lead_unit_code, lead_unit_class, street_code, district_code';

/** Adds (sign 1) or removes (sign -1) the facts of a transition table `src` from the tallies. */
function apply(src: string, sign: 1 | -1): string {
  return `
    insert into score_tallies (${KEY_COLUMNS}, ${COUNTS.join(', ')})
    select ${KEY_COLUMNS}, ${COUNTS.map((c) => `${sign} * sum(${c})`).join(', ')}
    from (select ${KEY}, ${CONTRIBUTION} from ${src} f) d
    group by ${KEY_COLUMNS} order by ${KEY_COLUMNS}
    on conflict (${KEY_COLUMNS}) do update set ${COUNTS.map((c) => `${c} = score_tallies.${c} + excluded.${c}`).join(', ')};`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table score_tallies (
      period_key text not null,
      is_proactive boolean not null,
      lead_unit_code text not null,
      lead_unit_class text not null,
      street_code text not null,
      district_code text not null,
      ${sql.raw(COUNTS.map((c) => `${c} int not null`).join(', '))},
      primary key (period_key, is_proactive, lead_unit_code, lead_unit_class, street_code, district_code)
    )`.execute(db);
  // One statement each (PGlite's extended protocol takes one command at a time).
  const statements = [
    `create function score_tallies_inserted() returns trigger language plpgsql as $$ begin ${apply('new_facts', 1)} return null; end $$`,
    `create function score_tallies_deleted() returns trigger language plpgsql as $$ begin ${apply('old_facts', -1)} return null; end $$`,
    `create function score_tallies_updated() returns trigger language plpgsql as $$ begin ${apply('old_facts', -1)} ${apply('new_facts', 1)} return null; end $$`,
    `create trigger score_facts_tally_insert after insert on score_facts referencing new table as new_facts for each statement execute function score_tallies_inserted()`,
    `create trigger score_facts_tally_delete after delete on score_facts referencing old table as old_facts for each statement execute function score_tallies_deleted()`,
    `create trigger score_facts_tally_update after update on score_facts referencing old table as old_facts new table as new_facts for each statement execute function score_tallies_updated()`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
  // Backfill: every fact stored so far.
  await sql.raw(apply('score_facts', 1).replace(/;\s*$/, '')).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists score_facts_tally_insert on score_facts`.execute(db);
  await sql`drop trigger if exists score_facts_tally_delete on score_facts`.execute(db);
  await sql`drop trigger if exists score_facts_tally_update on score_facts`.execute(db);
  await sql`drop function if exists score_tallies_inserted()`.execute(db);
  await sql`drop function if exists score_tallies_deleted()`.execute(db);
  await sql`drop function if exists score_tallies_updated()`.execute(db);
  await sql`drop table if exists score_tallies`.execute(db);
}
