// `jiesu simulate` drives the real use cases: a seeded run produces the cases, returns, disputes,
// late handling and escalations it reports, and they are in the database.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { simulateCity } from '../src/simulate/simulate-city';
import { type TestEnv, startTestEnv } from './harness';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => env?.close());

it('simulates a stream of cases through the real use cases', async () => {
  const report = await simulateCity(env.rt.ctx, { cases: 60, days: 10, seed: 7, end: new Date('2026-11-27T12:00:00+08:00') });
  expect(report.cases).toBe(60);
  expect(report.failures).toEqual([]);
  const count = async (action: string) =>
    Number((await env.rt.ctx.db.selectFrom('case_history').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', action).executeTakeFirstOrThrow()).n);
  expect(await count('intake')).toBe(60);
  expect(await count('close')).toBe(report.closed);
  expect(await count('return')).toBe(report.returned);
  expect(await count('escalate')).toBe(report.escalations);
  expect(report.late).toBeGreaterThan(0);
  expect(report.escalations).toBeGreaterThan(0);
  expect(report.closed + report.answered + report.open).toBe(60);
  const statuses = await env.rt.ctx.db.selectFrom('cases').select('status').execute();
  expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['answered', 'closed', 'visited', 'handling']));
});
