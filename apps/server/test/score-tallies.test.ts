// Running tallies of the score facts (#17, migration 0039): whatever statements change
// score_facts — single inserts, upserts that update, batches, moves between periods and units,
// deletes — score_tallies holds exactly the sums a GROUP BY over score_facts gives (computed here
// in SQL beside it, not through the triggers), and the rankings' tallies read from it equal the
// tallies of the facts. Its down/up backfills from the facts.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as migration0039 from '../src/db/migrations/0039-score-tallies';
import { type TestEnv, startTestEnv } from './harness';

const KEY = sql`period_key, is_proactive, lead_unit_code, lead_unit_class, coalesce(street_code, '') as street_code, coalesce(district_code, '') as district_code`;

describe('score tallies', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv();
  });
  afterAll(async () => env?.close());
  const db = () => env.rt.ctx.db;

  /** The sums straight from the facts, and the running ones, both ordered by key. */
  const both = async () => {
    const fromFacts = await sql<Record<string, unknown>>`
      select ${KEY}, count(*)::int as cases,
        count(*) filter (where is_exempt)::int as exemptions,
        count(*) filter (where not is_exempt and is_valid)::int as valid_visits,
        count(*) filter (where not is_exempt and not is_valid)::int as invalid_visits,
        count(*) filter (where not is_exempt and is_valid and is_contacted)::int as contacted,
        count(*) filter (where not is_exempt and is_valid and is_solved)::int as solved,
        count(*) filter (where not is_exempt and is_valid and satisfaction = 'satisfied')::int as satisfied,
        count(*) filter (where not is_exempt and is_valid and satisfaction = 'basically_satisfied')::int as basically_satisfied,
        count(*) filter (where not is_exempt and is_valid and satisfaction = 'dissatisfied')::int as dissatisfied
      from score_facts group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`.execute(db());
    const running = await sql<Record<string, unknown>>`
      select period_key, is_proactive, lead_unit_code, lead_unit_class, street_code, district_code, cases, exemptions, valid_visits, invalid_visits,
        contacted, solved, satisfied, basically_satisfied, dissatisfied
      from score_tallies where cases <> 0 order by 1, 2, 3, 4, 5, 6`.execute(db());
    return { fromFacts: fromFacts.rows, running: running.rows };
  };

  const fact = (o: Partial<Record<string, unknown>> = {}) => ({
    case_id: randomUUID(),
    case_number: `T${Math.floor(Math.random() * 1e9)}`,
    period_key: '2031-05',
    visited_at: new Date('2031-05-10T08:00:00Z'),
    lead_unit_code: '110105026',
    lead_unit_class: 'street',
    street_code: null,
    district_code: '110105',
    is_valid: true,
    is_contacted: true,
    is_solved: true,
    satisfaction: 'satisfied',
    is_exempt: false,
    ...o,
  });

  it('follows inserts, upserts, batches, moves and deletes exactly', async () => {
    const a = fact();
    await db().insertInto('score_facts').values(a).execute();
    let s = await both();
    expect(s.fromFacts.length).toBeGreaterThan(0);
    expect(s.running).toEqual(s.fromFacts);

    // A batch over three units, two periods, one proactive, one without street or district.
    const batch = [
      fact({ satisfaction: 'dissatisfied', is_solved: false }),
      fact({ lead_unit_code: 'water', lead_unit_class: 'enterprise', street_code: '110105026', satisfaction: 'basically_satisfied' }),
      fact({ lead_unit_code: 'water', lead_unit_class: 'enterprise', street_code: null, district_code: null, is_valid: false, satisfaction: null }),
      fact({ period_key: '2031-06', is_exempt: true }),
      fact({ is_proactive: true }),
    ];
    await db().insertInto('score_facts').values(batch).execute();
    s = await both();
    expect(s.running).toEqual(s.fromFacts);

    // The visit concluded again (the upsert the application does), exempted, moved to another period and unit.
    await db()
      .insertInto('score_facts')
      .values({ ...a, satisfaction: 'dissatisfied', is_solved: false })
      .onConflict((oc) => oc.column('case_id').doUpdateSet({ satisfaction: 'dissatisfied', is_solved: false }))
      .execute();
    await db().updateTable('score_facts').set({ is_exempt: true }).where('case_id', '=', batch[0]!.case_id).execute();
    await db().updateTable('score_facts').set({ period_key: '2031-06', lead_unit_code: '110105027' }).where('case_id', '=', batch[1]!.case_id).execute();
    s = await both();
    expect(s.running).toEqual(s.fromFacts);
    const solvedIn = (rows: Record<string, unknown>[]) => rows.filter((r) => r.period_key === '2031-05').reduce((n, r) => n + Number(r.solved), 0);
    expect(solvedIn(s.running)).toBe(1); // the water enterprise's basically-satisfied fact; a's and batch[0]'s are no longer solved/valid

    // Deleted: one, then the rest of a period.
    await db().deleteFrom('score_facts').where('case_id', '=', a.case_id).execute();
    await db().deleteFrom('score_facts').where('period_key', '=', '2031-06').execute();
    s = await both();
    expect(s.running).toEqual(s.fromFacts);
    expect(s.running.some((r) => r.period_key === '2031-06')).toBe(false);
  });

  it("gives the rankings' tallies of the facts", async () => {
    await db()
      .insertInto('score_facts')
      .values([fact(), fact({ satisfaction: 'basically_satisfied' }), fact({ street_code: '110105026', lead_unit_code: 'water', lead_unit_class: 'enterprise' })])
      .execute();
    const tallies = await env.rt.ctx.repos.scoreFacts.periodTallies(['2031-05']);
    const byUnit = new Map(tallies.map((t) => [`${t.level}:${t.unitCode}`, t]));
    const { rows } = await sql<{ level: string; unit: string; cases: number; satisfied: number }>`
      select 'lead' as level, lead_unit_code as unit, count(*)::int as cases,
        count(*) filter (where not is_exempt and is_valid and satisfaction = 'satisfied')::int as satisfied
      from score_facts where period_key = '2031-05' and not is_proactive group by lead_unit_code
      union all
      select 'district', district_code, count(*)::int, count(*) filter (where not is_exempt and is_valid and satisfaction = 'satisfied')::int
      from score_facts where period_key = '2031-05' and not is_proactive and district_code is not null group by district_code`.execute(db());
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) {
      const t = byUnit.get(`${r.level}:${r.unit}`);
      expect(t?.cases, `${r.level} ${r.unit}`).toBe(r.cases);
      expect(t?.tally.satisfied, `${r.level} ${r.unit}`).toBe(r.satisfied);
    }
  });

  it('is rebuilt from the facts by its migration', async () => {
    const asUnknown = db() as unknown as Kysely<unknown>;
    await migration0039.down(asUnknown);
    await db()
      .insertInto('score_facts')
      .values(fact({ satisfaction: 'dissatisfied' }))
      .execute();
    await migration0039.up(asUnknown);
    const s = await both();
    expect(s.fromFacts.length).toBeGreaterThan(1);
    expect(s.running).toEqual(s.fromFacts);
  });
});
