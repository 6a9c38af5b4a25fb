// The console's working-day endpoints on a simulated city: the dashboard's figures for one period
// checked against SQL counts written here (not the repository's query), its overdue figure equal to
// the supervision board's, caller history for a number, the menu badges and the bell's read mark.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateCity } from '../src/simulate/simulate-city';
import { issueTrackingCode } from '../src/use-cases/cases/issue-tracking-code';
import { intakeBody } from './case-helpers';
import { type TestEnv, startTestEnv } from './harness';

let env: TestEnv;
const END = new Date('2026-11-27T12:00:00+08:00');
beforeAll(async () => {
  env = await startTestEnv();
  await simulateCity(env.rt.ctx, { cases: 120, days: 8, seed: 11, end: END });
});
afterAll(async () => env?.close());

type Count = { key: string; count: number };
interface Dashboard {
  total: number;
  open: number;
  finished: number;
  overdueNow: number;
  byStatus: Count[];
  byCategory: Count[];
  byDistrict: Count[];
  byUrgency: Count[];
  trend: { day: string; count: number }[];
}
const asMap = (rows: { key: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));
const toMap = (rows: Count[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));

describe('dashboard', () => {
  it('refuses bad periods naming the field, and roles that do not read aggregates', async () => {
    const sup = await env.as('supervisor');
    const bad = await sup.get('/api/dashboard?from=2026-13-01&to=2026-11-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('from');
    const reversed = await sup.get('/api/dashboard?from=2026-11-30&to=2026-11-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details.field).toBe('to');
    expect((await (await env.as('wangjing.handler')).get('/api/dashboard?from=2026-11-01&to=2026-11-30')).statusCode).toBe(403);
    // A district's leader may narrow to a street inside the district, not to another district.
    const cy = await env.as('cy.leader');
    expect((await cy.get('/api/dashboard?from=2026-11-01&to=2026-11-30&unitCode=110105026')).statusCode).toBe(200);
    expect((await cy.get('/api/dashboard?from=2026-11-01&to=2026-11-30&unitCode=110108')).statusCode).toBe(403);
  });

  it('matches SQL counts for the period (Beijing days), and counts overdue as the supervision board does', async () => {
    const from = '2026-11-20';
    const to = '2026-11-26';
    const res = await (await env.as('supervisor')).get(`/api/dashboard?from=${from}&to=${to}`);
    expect(res.statusCode).toBe(200);
    const d = res.json<Dashboard>();
    // The period in Beijing time: [2026-11-20 00:00 +08, 2026-11-27 00:00 +08).
    const db = env.rt.ctx.db;
    const start = new Date('2026-11-20T00:00:00+08:00');
    const end = new Date('2026-11-27T00:00:00+08:00');
    const period = sql`received_at >= ${start} and received_at < ${end}`;
    const total = (await sql<{ n: number }>`select count(*)::int as n from cases where ${period}`.execute(db)).rows[0]?.n;
    expect(total).toBeGreaterThan(50);
    expect(d.total).toBe(total);
    const finished = (
      await sql<{ n: number }>`select count(*)::int as n from cases where ${period} and status in ('closed', 'visited', 'scored', 'answered', 'merged')`.execute(db)
    ).rows[0]?.n;
    expect(d.finished).toBe(finished);
    expect(d.open).toBe((total ?? 0) - (finished ?? 0));
    const districts = await sql<{ key: string; n: number }>`select coalesce(district_code, '') as key, count(*)::int as n from cases where ${period} group by 1`.execute(db);
    expect(toMap(d.byDistrict)).toEqual(asMap(districts.rows));
    const categories = await sql<{ key: string; n: number }>`select substr(category_code, 1, 2) as key, count(*)::int as n from cases where ${period} group by 1`.execute(db);
    expect(toMap(d.byCategory)).toEqual(asMap(categories.rows));
    const statuses = await sql<{ key: string; n: number }>`select status as key, count(*)::int as n from cases where ${period} group by 1`.execute(db);
    expect(toMap(d.byStatus)).toEqual(asMap(statuses.rows));
    // Days: each case's instant shifted by Beijing's +8 h (no daylight saving), cut to the date.
    const days = await sql<{
      key: string;
      n: number;
    }>`select to_char((received_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD') as key, count(*)::int as n from cases where ${period} group by 1`.execute(db);
    expect(d.trend.map((t) => t.day)).toEqual(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']);
    expect(Object.fromEntries(d.trend.filter((t) => t.count > 0).map((t) => [t.day, t.count]))).toEqual(asMap(days.rows));

    // Overdue now: the same number as the supervision board's units added up (one definition).
    const board = (await (await env.as('supervisor')).get('/api/queues/overdue')).json<{ units: { overdue: number }[] }>();
    const boardOverdue = board.units.reduce((n, u) => n + u.overdue, 0);
    expect(boardOverdue).toBeGreaterThan(0);
    expect(d.overdueNow).toBe(boardOverdue);
    const running = (await sql<{ n: number }>`select count(*)::int as n from case_clocks where status = 'running' and due_at <= now()`.execute(db)).rows[0]?.n;
    expect(d.overdueNow).toBe(running);
  });
});

describe('caller history, badges, bell', () => {
  it('shows a number its earlier cases, the same problem marked, to operators only', async () => {
    const op = await env.as('operator');
    const phone = '13900001111';
    const first = await op.post('/api/cases', intakeBody({ requester: { name: '王五', phone, isAnonymous: false } }));
    expect(first.statusCode).toBe(201);
    // Dispatched to the street: its handlers get an 'assigned' notification (the bell, below).
    const dispatched = await (await env.as('dispatcher')).post(`/api/cases/${first.json<{ id: string }>().id}/dispatch`, { lead: '110105026' });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    await op.post('/api/cases', intakeBody({ requester: { name: '王五', phone, isAnonymous: false }, categoryCode: '020101', subject: '噪音扰民' }));
    const res = await op.post('/api/intake/caller-history', { phone: '139-0000-1111', categoryCode: '010101', streetCode: '110105026' });
    expect(res.statusCode).toBe(200);
    const h = res.json<{ total: number; items: { caseNumber: string; subject: string; isSameProblem: boolean }[] }>();
    expect(h.total).toBe(2);
    expect(h.items.map((i) => [i.subject, i.isSameProblem])).toEqual([
      ['噪音扰民', false],
      ['小区门口道路破损', true],
    ]);
    expect((await op.post('/api/intake/caller-history', { phone: 'abc' })).statusCode).toBe(400);
    expect((await (await env.as('wangjing.handler')).post('/api/intake/caller-history', { phone })).statusCode).toBe(403);
  });

  it("counts what waits for the user, and the bell's read mark only moves up", async () => {
    const handler = await env.as('wangjing.handler');
    const b = (await handler.get('/api/dashboard/badges')).json<{ toSign: number; overdue: number; unreadNotifications: number; lastReadId: number }>();
    const db = env.rt.ctx.db;
    const toSign = (await sql<{ n: number }>`select count(*)::int as n from cases where '110105026' = any(pending_unit_codes)`.execute(db)).rows[0]?.n;
    expect(b.toSign).toBe(toSign);
    const notes = (await sql<{ n: number; max: string | null }>`select count(*)::int as n, max(id)::text as max from notification_outbox where unit_code = '110105026'`.execute(db))
      .rows[0];
    expect(notes?.n).toBeGreaterThan(0);
    expect(b.unreadNotifications).toBe(notes?.n);
    expect(b.lastReadId).toBe(0);
    const top = Number(notes?.max);
    expect((await handler.post('/api/notifications/read', { upToId: top })).json()).toEqual({ lastReadId: top });
    expect((await handler.post('/api/notifications/read', { upToId: 1 })).json()).toEqual({ lastReadId: top });
    expect((await handler.get('/api/dashboard/badges')).json<{ unreadNotifications: number }>().unreadNotifications).toBe(0);
    expect((await handler.post('/api/notifications/read', { upToId: -1 })).statusCode).toBe(400);
    const dispatcher = (await (await env.as('dispatcher')).get('/api/dashboard/badges')).json<{ toDispatch: number; toSign: number }>();
    expect(dispatcher.toSign).toBe(0);
    const waiting = (await sql<{ n: number }>`select count(*)::int as n from cases where status in ('received', 'returned', 'disputed', 'feedback')`.execute(db)).rows[0]?.n;
    expect(dispatcher.toDispatch).toBe(waiting);
  });
});

describe('a phoned-in case gets a tracking code', () => {
  it('answers the new case with a 查询码, queues the SMS, and the portal tracks by number and code (a retry says it was given and shows none; a lost one is issued then)', async () => {
    const op = await env.as('operator');
    const res = await op.request({
      method: 'POST',
      url: '/api/cases',
      payload: intakeBody({ requester: { name: '李四', phone: '13900002222', isAnonymous: false } }),
      headers: { 'idempotency-key': 'phone-tracking-1' },
    });
    expect(res.statusCode).toBe(201);
    const c = res.json<{ id: string; caseNumber: string; trackingCode: string; isSmsQueued: boolean }>();
    expect(c.trackingCode).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
    expect(c.isSmsQueued).toBe(true);
    const sms = (await sql<{ payload: { text: string } }>`select payload from notification_outbox where case_id = ${c.id} and kind = 'requester_tracking'`.execute(env.rt.ctx.db))
      .rows;
    expect(sms).toHaveLength(1);
    expect(sms[0]?.payload.text).toContain(`编号 ${c.caseNumber}，查询码 ${c.trackingCode}`);
    const track = (token: string) => env.app.inject({ method: 'POST', url: '/api/public/track', payload: { caseNumber: c.caseNumber, trackingToken: token } });
    expect((await track(c.trackingCode)).json<{ caseNumber: string }>().caseNumber).toBe(c.caseNumber);
    expect((await track(c.trackingCode.toLowerCase())).statusCode).toBe(200);
    expect((await track('ABCDEFGHJKMN')).statusCode).toBe(404);
    const retry = await op.request({
      method: 'POST',
      url: '/api/cases',
      payload: intakeBody({ requester: { name: '李四', phone: '13900002222', isAnonymous: false } }),
      headers: { 'idempotency-key': 'phone-tracking-1' },
    });
    expect(retry.statusCode).toBe(200);
    // The retry does not show the code again nor issue another: it says the code was given, when, and that the SMS went.
    const again = retry.json<{ id: string; trackingCode?: string; isTrackingCodeGiven?: boolean; trackingCodeGivenAt?: string; isSmsQueued?: boolean }>();
    expect(again.id).toBe(c.id);
    expect(again.trackingCode).toBeUndefined();
    expect(again).toMatchObject({ isTrackingCodeGiven: true, isSmsQueued: true });
    expect(Math.abs(Date.parse(again.trackingCodeGivenAt ?? '') - Date.now())).toBeLessThan(10 * 60_000);
    expect(JSON.stringify(again)).not.toContain(c.trackingCode);
    expect((await track(c.trackingCode)).statusCode).toBe(200);
    const smsAfter = (await sql<{ n: number }>`select count(*)::int as n from notification_outbox where case_id = ${c.id} and kind = 'requester_tracking'`.execute(env.rt.ctx.db))
      .rows[0]?.n;
    expect(smsAfter).toBe(1);
    const rows = (await sql<{ n: number }>`select count(*)::int as n from public_requests where case_id = ${c.id}`.execute(env.rt.ctx.db)).rows[0]?.n;
    expect(rows).toBe(1);
    // No phone (a letter): the code is given to pass on, no SMS is queued.
    const anonRes = await op.post('/api/cases', intakeBody({ channel: 'letter', requester: { name: null, phone: null, isAnonymous: true } }));
    expect(anonRes.statusCode, anonRes.body.slice(0, 300)).toBe(201);
    const anon = anonRes.json<{ trackingCode: string; isSmsQueued: boolean }>();
    expect(anon.trackingCode).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
    expect(anon.isSmsQueued).toBe(false);
    // A case whose first request stopped before its code was stored gets one on the retry (and only then).
    const lostRes = await op.request({
      method: 'POST',
      url: '/api/cases',
      payload: intakeBody({ channel: 'letter', requester: { name: null, phone: null, isAnonymous: true } }),
      headers: { 'idempotency-key': 'phone-tracking-lost' },
    });
    const lost = lostRes.json<{ id: string; trackingCode: string }>();
    await sql`delete from public_requests where case_id = ${lost.id}`.execute(env.rt.ctx.db);
    const lostRetry = await op.request({
      method: 'POST',
      url: '/api/cases',
      payload: intakeBody({ channel: 'letter', requester: { name: null, phone: null, isAnonymous: true } }),
      headers: { 'idempotency-key': 'phone-tracking-lost' },
    });
    expect(lostRetry.statusCode).toBe(200);
    const reissued = lostRetry.json<{ id: string; trackingCode?: string; isTrackingCodeGiven?: boolean; isSmsQueued: boolean }>();
    expect(reissued.id).toBe(lost.id);
    expect(reissued.trackingCode).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
    expect(reissued.trackingCode).not.toBe(lost.trackingCode);
    expect(reissued).toMatchObject({ isSmsQueued: false });
    expect(reissued.isTrackingCodeGiven).toBeUndefined();
    // Two retries at once on such a case: one issues the code, the other says it was given — never two codes, never a 5xx.
    await sql`delete from public_requests where case_id = ${lost.id}`.execute(env.rt.ctx.db);
    const both = await Promise.all(
      [1, 2].map(() =>
        op.request({
          method: 'POST',
          url: '/api/cases',
          payload: intakeBody({ channel: 'letter', requester: { name: null, phone: null, isAnonymous: true } }),
          headers: { 'idempotency-key': 'phone-tracking-lost' },
        }),
      ),
    );
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    const answers = both.map((r) => r.json<{ trackingCode?: string; isTrackingCodeGiven?: boolean }>());
    expect(answers.filter((a) => a.trackingCode !== undefined)).toHaveLength(1);
    expect(answers.filter((a) => a.isTrackingCodeGiven === true)).toHaveLength(1);
    const codes = (await sql<{ n: number }>`select count(*)::int as n from public_requests where case_id = ${lost.id}`.execute(env.rt.ctx.db)).rows[0]?.n;
    expect(codes).toBe(1);
    // The same race inside the use case, where the interleaving is certain: two issuances of one case's code at once.
    await sql`delete from public_requests where case_id = ${lost.id}`.execute(env.rt.ctx.db);
    const stored = await env.rt.ctx.repos.cases.load(lost.id);
    if (stored === null) throw new Error('case vanished');
    const issued = await Promise.all([issueTrackingCode(env.rt.ctx, stored.state), issueTrackingCode(env.rt.ctx, stored.state)]);
    expect(issued.filter((a) => 'trackingCode' in a)).toHaveLength(1);
    expect(issued.filter((a) => 'isTrackingCodeGiven' in a)).toHaveLength(1);
  });
});

describe('批量催办 from the case list', () => {
  it('reminds each case through the decider, reports failures per case, and a retry changes nothing', async () => {
    const db = env.rt.ctx.db;
    // Two open cases with a running clock not reminded yet (the centre's supervisor may remind any).
    const picked = (
      await sql<{ id: string; case_number: string }>`select c.id, c.case_number from cases c
        where exists (select 1 from case_clocks k where k.case_id = c.id and k.status = 'running' and k.reminded_at is null)
        order by c.case_number limit 2`.execute(db)
    ).rows;
    expect(picked).toHaveLength(2);
    const ids = picked.map((p) => p.id);
    const remindRows = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from case_history where action = 'remind' and case_id in (${sql.join(ids)})`.execute(db)).rows[0]?.n;
    expect(await remindRows()).toBe(0);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const sup = await env.as('supervisor');
    const res = await sup.post('/api/cases/reminders', { caseIds: [...ids, unknown], note: '请抓紧办理' });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{
      reminded: number;
      alreadyReminded: number;
      failed: number;
      results: { caseId: string; caseNumber: string | null; outcome: string; code: string | null }[];
    }>();
    expect([r.reminded, r.alreadyReminded, r.failed]).toEqual([2, 0, 1]);
    expect(r.results.map((x) => [x.caseNumber, x.outcome])).toEqual([...picked.map((p) => [p.case_number, 'reminded']), [null, 'failed']]);
    expect(r.results[2]?.code).toBe('CASE_NOT_FOUND');
    expect(await remindRows()).toBe(2);
    const notes = (await sql<{ n: number }>`select count(*)::int as n from notification_outbox where kind = 'reminder' and case_id in (${sql.join(ids)})`.execute(db)).rows[0]?.n;
    expect(notes).toBeGreaterThanOrEqual(2);
    // The same batch again (a retry, a second click): nothing new.
    const again = (await sup.post('/api/cases/reminders', { caseIds: ids })).json<{ reminded: number; alreadyReminded: number }>();
    expect([again.reminded, again.alreadyReminded]).toEqual([0, 2]);
    expect(await remindRows()).toBe(2);
    // A street handler may remind nothing: every case refused on its own, none changed.
    const handler = (await (await env.as('wangjing.handler')).post('/api/cases/reminders', { caseIds: ids })).json<{ failed: number; results: { code: string }[] }>();
    expect(handler.failed).toBe(2);
    expect(await remindRows()).toBe(2);
    // Bad input names the field.
    const bad = await sup.post('/api/cases/reminders', { caseIds: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('caseIds');
  });
});

describe('重复来电: link a new case to an earlier finished one', () => {
  it('records the repeat on both sides, tells the earlier lead unit, refuses an open earlier case, and a second click changes nothing', async () => {
    const db = env.rt.ctx.db;
    const finished = (
      await sql<{ id: string; case_number: string }>`select id, case_number from cases where status in ('closed', 'visited', 'scored') order by case_number limit 1`.execute(db)
    ).rows[0];
    const open = (await sql<{ id: string }>`select id from cases where status in ('dispatched', 'signed', 'handling') order by case_number limit 1`.execute(db)).rows[0];
    expect(finished && open).toBeTruthy();
    const op = await env.as('operator');
    const fresh = (await op.post('/api/cases', intakeBody({ requester: { name: '赵六', phone: '13900003333', isAnonymous: false } }))).json<{ id: string; caseNumber: string }>();
    const link = (earlierCaseId: string) => op.post(`/api/cases/${fresh.id}/repeat-of`, { earlierCaseId });
    const openRes = await link(open?.id as string);
    expect(openRes.statusCode).toBe(422);
    expect(openRes.json().error.code).toBe('REPEAT_OF_OPEN_CASE');
    const res = await link(finished?.id as string);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      caseId: fresh.id,
      caseNumber: fresh.caseNumber,
      repeatOf: { caseId: finished?.id, caseNumber: finished?.case_number, status: expect.any(String) },
    });
    expect((await link(finished?.id as string)).statusCode).toBe(200);
    const rows = (await sql<{ n: number }>`select count(*)::int as n from case_repeats where case_id = ${fresh.id}`.execute(db)).rows[0]?.n;
    expect(rows).toBe(1);
    // The evaluator sees, on the earlier case, that the problem came back.
    const seen = (await (await env.as('evaluator')).get(`/api/cases/${finished?.id}/repeats`)).json<{ repeatOf: unknown; repeatedBy: { caseNumber: string }[] }>();
    expect(seen.repeatOf).toBeNull();
    expect(seen.repeatedBy.map((r) => r.caseNumber)).toEqual([fresh.caseNumber]);
    expect((await op.get(`/api/cases/${fresh.id}/repeats`)).json<{ repeatOf: { caseNumber: string } }>().repeatOf.caseNumber).toBe(finished?.case_number);
    const told = (await sql<{ n: number }>`select count(*)::int as n from notification_outbox where kind = 'repeat_call' and case_id = ${finished?.id}`.execute(db)).rows[0]?.n;
    expect(told).toBe(1);
    expect((await (await env.as('wangjing.handler')).post(`/api/cases/${fresh.id}/repeat-of`, { earlierCaseId: finished?.id })).statusCode).toBe(403);
    expect((await op.post(`/api/cases/${fresh.id}/repeat-of`, { earlierCaseId: 'nope' })).statusCode).toBe(400);
  });
});
