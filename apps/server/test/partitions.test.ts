// Month-partitioned case_history and audit_log (migrations 0033–0034): a timeline reads the one
// partition of its case's month and returns what it returned before the leaner row; the
// migrations' down and up keep every row; rows outside the created months wait in the default
// partition and move into their month when it is created; the audit list reads only the months of
// its window, is scoped, validated and keyset-paged; notifications page by keyset.
import { type Actor, DomainError } from '@jiesu/core';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../src/db/migrate';
import { timelineQuery } from '../src/repositories/case-history';
import { monthPartitionName } from '../src/repositories/partition.repository';
import { listAuditLog } from '../src/use-cases/audit/list-audit-log';
import { ensurePartitions } from '../src/use-cases/maintenance/ensure-partitions';
import { intakeBody } from './case-helpers';
import { type TestEnv, startTestEnv } from './harness';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => env?.close());

/** The partitions a plan reads (relation names in EXPLAIN's text). */
async function partitionsRead(query: { sql: string; parameters: readonly unknown[] }, table: string): Promise<string[]> {
  const plan = await env.rt.ctx.db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]));
  const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  return [...new Set([...text.matchAll(new RegExp(`\\bon (${table}_(?:y\\d{4}m\\d{2}|default))\\b`, 'g'))].map((m) => m[1] as string))].sort();
}

function monthName(table: 'case_history' | 'audit_log', d: Date): string {
  return monthPartitionName(table, new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)));
}

describe('case_history', () => {
  it('reads a timeline from its case’s month only, and returns the events as the decider wrote them', async () => {
    const operator = await env.as('operator');
    const dispatcher = await env.as('dispatcher');
    const c = (await operator.post('/api/cases', intakeBody())).json();
    expect((await dispatcher.post(`/api/cases/${c.id}/dispatch`, { lead: '110105026' })).statusCode).toBe(200);
    const stored = await env.rt.ctx.repos.cases.load(c.id);
    if (!stored) throw new Error('case not stored');
    const receivedAt = stored.state.receivedAt;

    const parts = await partitionsRead(timelineQuery(env.rt.ctx.db, { id: c.id, receivedAt }).compile(), 'case_history');
    expect(parts).toEqual([monthName('case_history', receivedAt)]);

    const timeline = (await operator.get(`/api/cases/${c.id}/timeline`)).json();
    expect(timeline.events.map((e: { action: string }) => e.action)).toEqual(['intake', 'dispatch']);
    // The display name lives in its own column now; the API still gives it in data, as before.
    expect(timeline.events[0].data.actorDisplayName).toBe('话务员 王芳');
    expect(timeline.events[1].data).toMatchObject({ actorDisplayName: '派单员 李强', leadUnitCode: '110105026' });
    expect(timeline.events[0].attachments).toEqual([]);
    const raw = await env.rt.ctx.db.selectFrom('case_history').select(['attachments', 'actor_display_name']).where('case_id', '=', c.id).orderBy('seq').execute();
    expect(raw.map((r) => [r.attachments, r.actor_display_name])).toEqual([
      [null, '话务员 王芳'],
      [null, '派单员 李强'],
    ]);
  });

  it('keeps every row and every timeline through the migrations’ down and up', async () => {
    const operator = await env.as('operator');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await operator.post('/api/cases', intakeBody({ subject: `分区迁移 ${i}` }))).json().id as string);
    const timelines = async () => Promise.all(ids.map(async (id) => (await operator.get(`/api/cases/${id}/timeline`)).json() as unknown));
    const before = await timelines();
    const count = async () => (await sql<{ n: number }>`select count(*)::int as n from case_history`.execute(env.rt.ctx.db)).rows[0]?.n;
    const audits = async () => (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(env.rt.ctx.db)).rows[0]?.n;
    const [rows, auditRows] = [await count(), await audits()];

    await migrateTo(env.rt.ctx.db, '0024-ranking-stamp');
    const old = await sql<{ data: Record<string, unknown>; attachments: unknown[]; actor_user_id: string }>`
      select data, attachments, actor_user_id from case_history where case_id = ${ids[0]} order by seq`.execute(env.rt.ctx.db);
    expect(old.rows[0]?.data.actorDisplayName).toBe('话务员 王芳');
    expect(old.rows[0]?.attachments).toEqual([]);
    expect(typeof old.rows[0]?.actor_user_id).toBe('string');
    expect([await count(), await audits()]).toEqual([rows, auditRows]);

    await migrateToLatest(env.rt.ctx.db);
    expect([await count(), await audits()]).toEqual([rows, auditRows]);
    expect(await timelines()).toEqual(before);
    // a new audit entry after the round trip takes an id above every old one (the sequence was kept)
    const maxId = (await sql<{ m: number }>`select max(id)::int as m from audit_log`.execute(env.rt.ctx.db)).rows[0]?.m ?? 0;
    await env.rt.ctx.repos.audit.record(null, { action: 'test.after_migration', targetType: 'test', targetId: 'x' });
    const newest = await env.rt.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'test.after_migration').executeTakeFirstOrThrow();
    expect(Number(newest.id)).toBeGreaterThan(maxId);
  });
});

describe('partition upkeep', () => {
  it('keeps a row of an uncovered month in the default partition, then moves it into the month when created', async () => {
    const far = new Date(Date.UTC(2031, 4, 17, 8, 0, 0));
    await env.rt.ctx.db
      .insertInto('audit_log')
      .values({ at: far, actor_user_id: null, actor_username: null, actor_unit_path: null, action: 'test.far', target_type: 'test', target_id: 'far', data: '{}' })
      .execute();
    const where = async () =>
      (await sql<{ part: string }>`select tableoid::regclass::text as part from audit_log where action = 'test.far'`.execute(env.rt.ctx.db)).rows.map((r) => r.part);
    expect(await where()).toEqual(['audit_log_default']);
    expect((await env.rt.ctx.repos.partitions.list('audit_log')).some((p) => p.name === 'audit_log_y2031m05')).toBe(false);

    const report = await ensurePartitions(env.rt.ctx);
    expect(report.created).toContainEqual({ table: 'audit_log', month: '2031-05' });
    expect(await where()).toEqual(['audit_log_y2031m05']);
    const may = (await env.rt.ctx.repos.partitions.list('audit_log')).find((p) => p.name === 'audit_log_y2031m05');
    expect([may?.from?.toISOString(), may?.to?.toISOString()]).toEqual(['2031-05-01T00:00:00.000Z', '2031-06-01T00:00:00.000Z']);
    // the new partition has the table's indexes (attached, not a bare table)
    const indexes = await sql<{ n: number }>`select count(*)::int as n from pg_indexes where tablename = 'audit_log_y2031m05'`.execute(env.rt.ctx.db);
    expect(indexes.rows[0]?.n).toBe(2);
    // a second run creates nothing; this month and three ahead exist for both tables
    expect((await ensurePartitions(env.rt.ctx)).created).toEqual([]);
    const now = env.rt.ctx.now();
    for (const table of ['case_history', 'audit_log'] as const) {
      const names = (await env.rt.ctx.repos.partitions.list(table)).map((p) => p.name);
      for (let i = 0; i <= 3; i++) expect(names).toContain(monthPartitionName(table, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1))));
    }
  });
});

describe('audit list', () => {
  const street: Actor = {
    userId: '00000000-0000-0000-0000-0000000a0d17',
    username: 'wangjing.auditor',
    displayName: '望京 督办',
    unitCode: '110105026',
    unitPath: '/110000/110105/110105026/',
    unitClass: 'street',
    roles: ['supervisor'],
  };

  it('refuses readers without the role and bad windows, naming the field', async () => {
    const handler = await env.as('wangjing.handler');
    expect((await handler.get('/api/audit')).statusCode).toBe(403);
    const admin = await env.as('admin');
    const inverted = await admin.get('/api/audit?from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z');
    expect([inverted.statusCode, inverted.json().error.details.field]).toEqual([400, 'querystring.from']);
    const wide = await admin.get('/api/audit?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect([wide.statusCode, wide.json().error.details.field]).toEqual([400, 'querystring.from']);
    const badCursor = await admin.get('/api/audit?cursor=bm90LWEtY3Vyc29y');
    expect([badCursor.statusCode, badCursor.json().error.details.field]).toEqual([400, 'querystring.cursor']);
    expect((await admin.get('/api/audit?from=yesterday')).statusCode).toBe(400);
  });

  it('walks a window newest first by keyset, every entry once, reading only the window’s months', async () => {
    // 23 entries in March 2030, seven sharing one instant (the id breaks the tie), two outside the window
    const db = env.rt.ctx.db;
    const tie = new Date(Date.UTC(2030, 2, 10, 4, 0, 0));
    const values = Array.from({ length: 25 }, (_, i) => ({
      at: i < 7 ? tie : new Date(Date.UTC(2030, 2, i < 23 ? 1 + i : 28 + (i - 23) * 20, 9, 0, 0)),
      actor_user_id: null,
      actor_username: i % 2 === 0 ? 'wangjing.auditor' : 'jianwai.someone',
      actor_unit_path: i % 2 === 0 ? street.unitPath : '/110000/110105/110105001/',
      action: 'test.walk',
      target_type: 'test',
      target_id: `walk-${i}`,
      data: '{}',
    }));
    await db.insertInto('audit_log').values(values).execute();
    await ensurePartitions(env.rt.ctx); // March and April 2030 get their partitions (rows move out of default)
    const from = '2030-03-01T00:00:00.000Z';
    const to = '2030-03-24T00:00:00.000Z';
    const expected = await db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'test.walk')
      .where('at', '>=', new Date(from))
      .where('at', '<', new Date(to))
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    expect(expected.length).toBe(23);

    const admin = await env.as('admin');
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await admin.get(`/api/audit?action=test.walk&from=${from}&to=${to}&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body: { total: number; totalExact: boolean; items: Array<{ id: number }>; nextCursor: string | null } = res.json();
      expect([body.total, body.totalExact]).toEqual([23, true]);
      seen.push(...body.items.map((e: { id: number }) => e.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor !== null && pages < 20);
    expect(pages).toBe(6);
    expect(seen).toEqual(expected.map((e) => Number(e.id)));

    const q = env.rt.ctx.repos.audit.pageQuery({ scopePath: null, from: new Date(from), to: new Date(to), action: 'test.walk' }, { limit: 5, after: null }).compile();
    expect(await partitionsRead(q, 'audit_log')).toEqual(['audit_log_y2030m03']);
  });

  it('shows a street supervisor only entries by actors of its subtree (the centre sees all)', async () => {
    const from = '2030-03-01T00:00:00.000Z';
    const to = '2030-04-01T00:00:00.000Z';
    const mine = await listAuditLog(env.rt.ctx, { actor: street, action: 'test.walk', from, to, limit: 100 });
    // the even-numbered entries of the walk's 25, less the one in April: 12
    expect(mine.items.length).toBe(12);
    expect(mine.items.every((e) => e.actorUnitPath === street.unitPath)).toBe(true);
    await expect(listAuditLog(env.rt.ctx, { actor: { ...street, roles: ['handler'] }, from, to })).rejects.toThrow(DomainError);
    const admin = await env.as('admin');
    expect((await admin.get(`/api/audit?action=test.walk&from=${from}&to=${to}&limit=100`)).json().items.length).toBe(24);
  });

  it('lists what the application audits, with the actor’s unit path', async () => {
    const operator = await env.as('operator');
    const dispatcher = await env.as('dispatcher');
    const c = (await operator.post('/api/cases', intakeBody())).json();
    expect((await dispatcher.get(`/api/cases/${c.id}`)).statusCode).toBe(200); // the centre sees the requester: logged
    const admin = await env.as('admin');
    const body = (await admin.get(`/api/audit?targetType=case&targetId=${c.id}`)).json();
    expect(body.items.map((e: { action: string; actorUsername: string; actorUnitPath: string }) => [e.action, e.actorUsername, e.actorUnitPath])).toContainEqual([
      'requester.view_unmasked',
      'dispatcher',
      '/110000/',
    ]);
  });
});

describe('notifications', () => {
  it('pages a unit’s notifications newest first by keyset, each once', async () => {
    const operator = await env.as('operator');
    const dispatcher = await env.as('dispatcher');
    for (let i = 0; i < 5; i++) {
      const c = (await operator.post('/api/cases', intakeBody({ subject: `通知分页 ${i}` }))).json();
      expect((await dispatcher.post(`/api/cases/${c.id}/dispatch`, { lead: '110105001' })).statusCode).toBe(200);
    }
    const expected = await env.rt.ctx.db.selectFrom('notification_outbox').select('id').where('unit_code', '=', '110105001').orderBy('id', 'desc').execute();
    expect(expected.length).toBeGreaterThanOrEqual(5);
    const jianwai = await env.as('jianwai.handler');
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body: { total: number; totalExact: boolean; unitCode: string; items: Array<{ id: number }>; nextCursor: string | null } = (
        await jianwai.get(`/api/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect([body.total, body.totalExact, body.unitCode]).toEqual([expected.length, true, '110105001']);
      seen.push(...body.items.map((n: { id: number }) => n.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor !== null && pages < 50);
    expect(seen).toEqual(expected.map((e) => e.id));
    const bad = await jianwai.get('/api/notifications?cursor=WyJhdWRpdCIsMV0');
    expect([bad.statusCode, bad.json().error.details.field]).toEqual([400, 'querystring.cursor']);
  });
});
