// `jiesu simulate`: a seeded run writes the cases, returns, disputes, late handling, escalations
// and visits it reports; every case is coherent (its category is the leaf of the catalogue entry
// its text was drawn from, its lead is what the routing gives for that category and place); and a
// second run with the same seed adds nothing.
import { matchDispatchCatalogue } from '@jiesu/core';
import { DEFAULT_DISPATCH_CATALOGUE } from '@jiesu/reference';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { simulateCity } from '../src/simulate/simulate-city';
import { type TestEnv, startTestEnv } from './harness';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => env?.close());

const END = new Date('2026-11-27T12:00:00+08:00');

it('simulates a month of coherent cases decided by the real rules, idempotently', async () => {
  const report = await simulateCity(env.rt.ctx, { cases: 400, days: 10, seed: 7, end: END });
  expect(report.cases).toBe(400);
  expect(report.failures).toEqual([]);
  const db = env.rt.ctx.db;
  const count = async (action: string) =>
    Number(
      (
        await db
          .selectFrom('case_history')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n,
    );
  expect(await count('intake')).toBe(400);
  expect(await count('close')).toBe(report.closed);
  expect(await count('return')).toBe(report.returned);
  expect(await count('escalate')).toBe(report.escalations);
  expect(report.returned).toBeGreaterThan(0);
  expect(report.late).toBeGreaterThan(0);
  expect(report.escalations).toBeGreaterThan(0);
  const visits = Number(
    (
      await db
        .selectFrom('score_facts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  expect(visits).toBe(report.visited);
  const statuses = new Set((await db.selectFrom('cases').select('status').execute()).map((s) => s.status));
  for (const s of ['answered', 'closed', 'visited', 'handling']) expect(statuses).toContain(s);

  // Coherence: the text's best catalogue match names the case's category; the lead agrees with the suggestion.
  const rows = await db.selectFrom('cases').select(['subject', 'address', 'state', 'category_code', 'lead_unit_code', 'street_code']).limit(60).execute();
  const names = new Map((await db.selectFrom('categories').select(['code', 'name']).execute()).map((c) => [c.code, c.name]));
  const operator = await env.as('operator');
  let agree = 0;
  for (const row of rows) {
    const st = (typeof row.state === 'string' ? JSON.parse(row.state) : row.state) as { detail: string };
    const top = matchDispatchCatalogue(row.subject, st.detail, DEFAULT_DISPATCH_CATALOGUE)[0];
    expect(top?.entry.categoryPath.at(-1)).toBe(names.get(row.category_code));
    if (row.lead_unit_code === null) continue;
    const s = (await operator.post('/api/intake/suggestions', { subject: row.subject, detail: st.detail, address: row.address })).json();
    if (s.leadUnit.lead?.code === row.lead_unit_code && s.category.categoryCode === row.category_code) agree++;
  }
  // A few cases were re-dispatched after a return or a dispute ruling; the rest agree exactly.
  expect(agree).toBeGreaterThanOrEqual(Math.floor(rows.filter((r) => r.lead_unit_code !== null).length * 0.9));

  // Every simulated upload is the case's that used it (so its handlers can open it, not only the uploader).
  const usedBy = new Map<string, string>();
  for (const h of await db.selectFrom('case_history').select(['case_id', 'attachments']).execute()) {
    const list = (typeof h.attachments === 'string' ? JSON.parse(h.attachments) : (h.attachments ?? [])) as Array<{ id: string }>;
    for (const a of list) usedBy.set(a.id, h.case_id);
  }
  const files = await db.selectFrom('attachments').select(['id', 'case_id']).execute();
  expect(files.length).toBeGreaterThan(0);
  expect(files.map((f) => [f.id, f.case_id])).toEqual(files.map((f) => [f.id, usedBy.get(f.id) ?? 'used by no case']));

  const again = await simulateCity(env.rt.ctx, { cases: 400, days: 10, seed: 7, end: END });
  expect(again).toMatchObject({ cases: 0, skipped: 400 });
  // … and a second run leaves no file behind for the cases it skipped.
  expect(
    Number(
      (
        await db
          .selectFrom('attachments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  ).toBe(files.length);
}, 120_000);
