// Clocks: reminders before a deadline and escalation after it, at most once each; clocks survive
// a restart of the service; two processes sweeping one PostgreSQL never double an escalation.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../src/app-context';
import { loadConfig } from '../src/config';
import * as migration0019 from '../src/db/migrations/0019-slim-state';
import { startClockSweeper } from '../src/jobs/clock-sweeper';
import { seedDemoUsers } from '../src/seed/seed-demo';
import { seedReference } from '../src/seed/seed-reference';
import { takeInCase } from '../src/use-cases/cases/take-in-case';
import { intakeBody } from './case-helpers';
import { type Client, type TestEnv, startTestEnv, TEST_PG_URL } from './harness';

const run = promisify(execFile);
const HOUR = 3600_000;
const T0 = new Date('2026-11-23T09:00:00+08:00'); // a Monday

describe('reminders and escalations', () => {
  let env: TestEnv;
  let now = T0;
  let operator: Client;
  let supervisor: Client;
  beforeAll(async () => {
    // Sessions expire on the same clock: keep them alive while the test moves time forward.
    env = await startTestEnv({ now: () => now, config: { sessionTtlHours: 24 * 30 } });
    operator = await env.as('operator');
    supervisor = await env.as('supervisor');
  });
  afterAll(async () => env?.close());

  const escalations = async (caseId: string) =>
    (await env.rt.ctx.db.selectFrom('case_history').select('data').where('case_id', '=', caseId).where('action', '=', 'escalate').execute()).length;
  const reminders = async (caseId: string) =>
    (await env.rt.ctx.db.selectFrom('case_history').select('data').where('case_id', '=', caseId).where('action', '=', 'remind').execute()).length;

  it('reminds at 75% of the dispatch time, escalates once past it, and marks the case overdue', async () => {
    now = T0;
    // General urgency: dispatch within 24 h → reminder at 18 h, deadline at 24 h.
    const c = (await operator.post('/api/cases', intakeBody())).json();
    now = new Date(T0.getTime() + 17 * HOUR);
    expect((await supervisor.post('/api/queues/sweep')).json()).toMatchObject({ reminded: 0, escalated: 0 });
    now = new Date(T0.getTime() + 18 * HOUR);
    expect((await supervisor.post('/api/queues/sweep')).json()).toMatchObject({ reminded: 1, escalated: 0 });
    expect((await supervisor.post('/api/queues/sweep')).json()).toMatchObject({ reminded: 0, escalated: 0 });
    now = new Date(T0.getTime() + 24 * HOUR);
    expect((await supervisor.post('/api/queues/sweep')).json()).toMatchObject({ escalated: 1 });
    expect((await supervisor.post('/api/queues/sweep')).json()).toMatchObject({ reminded: 0, escalated: 0 });
    expect(await reminders(c.id)).toBe(1);
    expect(await escalations(c.id)).toBe(1);

    const detail = (await supervisor.get(`/api/cases/${c.id}`)).json();
    expect(detail.overdue).toHaveLength(1);
    expect(detail.overdue[0]).toMatchObject({ clockKey: 'dispatch', unitCode: '110000' });
    const board = (await supervisor.get('/api/queues/overdue')).json();
    expect(board.units.find((u: { unitCode: string }) => u.unitCode === '110000').overdue).toBeGreaterThanOrEqual(1);
    const overdueList = (await supervisor.get('/api/cases?overdue=true')).json();
    expect(overdueList.items.map((i: { id: string }) => i.id)).toContain(c.id);
  });

  it('only lets supervisors run the sweep', async () => {
    expect((await operator.post('/api/queues/sweep')).statusCode).toBe(403);
  });

  it('keeps clocks only as case_clocks rows and puts them back on load; migration 0019 moves old documents', async () => {
    now = new Date(T0.getTime() + 10 * 24 * HOUR);
    const dispatcher = await env.as('dispatcher');
    const c = (await operator.post('/api/cases', intakeBody())).json();
    const dispatched = await dispatcher.post(`/api/cases/${c.id}/dispatch`, { lead: '110105026' });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    const db = env.rt.ctx.db;
    const document = async () => (await db.selectFrom('cases').select('state').where('id', '=', c.id).executeTakeFirstOrThrow()).state as Record<string, unknown>;
    expect(Object.keys(await document())).not.toContain('clocks');
    const loaded = (await env.rt.ctx.repos.cases.load(c.id))!.state.clocks;
    // dispatch (met), sign by the lead, feedback, first contact: each a row, each in the state.
    const rows = await db.selectFrom('case_clocks').select(['key', 'status']).where('case_id', '=', c.id).orderBy('key').execute();
    expect(loaded.map((k) => ({ key: k.key, status: k.status })).sort((a, b) => a.key.localeCompare(b.key))).toEqual(rows);
    expect(rows.find((r) => r.key === 'dispatch')?.status).toBe('met');

    // A document from before 0019: clocks inside it, and a row that disagrees (the document wins).
    await migration0019.down(db as unknown as Kysely<unknown>);
    expect((await document()).clocks).toHaveLength(loaded.length);
    await db
      .updateTable('case_clocks')
      .set({ due_at: new Date(0) })
      .where('case_id', '=', c.id)
      .where('key', '=', 'feedback')
      .execute();
    await db.deleteFrom('case_clocks').where('case_id', '=', c.id).where('key', '=', 'dispatch').execute();
    await migration0019.up(db as unknown as Kysely<unknown>);
    expect(Object.keys(await document())).not.toContain('clocks');
    expect((await env.rt.ctx.repos.cases.load(c.id))!.state.clocks).toEqual(loaded);
  });
});

// Only on the embedded database: a PostgreSQL server keeps its data by itself.
describe.runIf(!TEST_PG_URL)('restart', () => {
  it('fires clocks that were pending when the service stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiesu-clock-restart-'));
    try {
      const config = loadConfig({ JIESU_DATA_DIR: dir, LOG_LEVEL: 'silent' });
      const first = await createRuntime(config, { now: () => T0 });
      await seedReference(first.ctx);
      await seedDemoUsers(first.ctx);
      const operator = await first.ctx.repos.users.findByUsername('operator');
      const actor = {
        userId: operator!.id,
        username: 'operator',
        displayName: '话务员',
        unitCode: '110000',
        unitPath: '/110000/',
        unitClass: 'centre' as const,
        roles: ['operator' as const],
      };
      const body = intakeBody({ urgency: 'emergency' });
      const { state } = await takeInCase(first.ctx, { actor, intake: { ...body, requester: { name: '张三丰', phone: '13812341234', isAnonymous: false } } as never });
      await first.close(); // the service stops with the dispatch clock (1 h) pending

      let later = new Date(T0.getTime() + 2 * HOUR);
      const second = await createRuntime(config, { now: () => later });
      const log = { info: () => {}, error: () => {} } as never;
      const sweeper = startClockSweeper(second.ctx, log, 20);
      const deadline = Date.now() + 10_000;
      let escalated = 0;
      while (Date.now() < deadline && escalated === 0) {
        await new Promise((r) => setTimeout(r, 50));
        escalated = (await second.ctx.db.selectFrom('case_history').select('seq').where('case_id', '=', state.id).where('action', '=', 'escalate').execute()).length;
      }
      await sweeper.stop();
      expect(escalated).toBe(1);
      later = new Date(T0.getTime() + 3 * HOUR);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Two OS processes on one PostgreSQL: needs a server, so it runs in the PostgreSQL pass of CI.
describe.runIf(TEST_PG_URL)('two processes sweeping one PostgreSQL', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv({ now: () => T0 });
  });
  afterAll(async () => env?.close());

  it('escalates each due clock exactly once', async () => {
    const operator = await env.as('operator');
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await operator.post('/api/cases', intakeBody({ urgency: i % 2 ? 'emergency' : 'utilities', subject: `停水 ${i}` }));
      ids.push(res.json().id);
    }
    const at = new Date(T0.getTime() + 3 * HOUR).toISOString(); // past every dispatch deadline (1 h, 2 h)
    const bin = join(__dirname, '..', 'bin', 'jiesu.mjs');
    const envVars = { ...process.env, DATABASE_URL: env.rt.ctx.config.databaseUrl ?? '', LOG_LEVEL: 'silent' };
    const [a, b] = await Promise.all([run(process.execPath, [bin, 'sweep', '--at', at], { env: envVars }), run(process.execPath, [bin, 'sweep', '--at', at], { env: envVars })]);
    const ra = JSON.parse(a.stdout.trim().split('\n').pop() as string);
    const rb = JSON.parse(b.stdout.trim().split('\n').pop() as string);
    console.log('sweep process A:', ra, 'process B:', rb);
    expect(ra.escalated + rb.escalated).toBe(40);
    const rows = await env.rt.ctx.db
      .selectFrom('case_history')
      .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('action', '=', 'escalate')
      .where('case_id', 'in', ids)
      .groupBy('case_id')
      .execute();
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
  });
});
