// 四方联动 and 预警 through HTTP: a street's notice to 5 communities — 3 acknowledge, 2 are reminded
// and then escalated by the one clock sweep as the test clock moves; and a warning raised by the
// scan from planted request history, shown with its evidence and turned into a task for the zone's
// leader. PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepAllClocks } from '../src/use-cases/clocks/sweep-all-clocks';
import { DEMO_PASSWORD } from '../src/seed/seed-demo';
import { type Client, type TestEnv, startTestEnv } from './harness';

const WANGJING = '110105026';
const HUAJIADI = '110105026034';

let clock = new Date('2026-11-09T01:00:00Z'); // Monday 09:00 in Beijing
let env: TestEnv;
let leader: Client;
let admin: Client;
let five: string[];
const staff = new Map<string, Client>();

beforeAll(async () => {
  env = await startTestEnv({ now: () => new Date(clock.getTime()) });
  [leader, admin] = (await Promise.all(['wangjing.leader', 'admin'].map((u) => env.as(u)))) as [Client, Client];
  const communities = (await leader.get(`/api/proactive/streets/${WANGJING}/zones`)).json<{ communities: Array<{ code: string }> }>().communities.map((c) => c.code);
  five = [HUAJIADI, ...communities.filter((c) => c !== HUAJIADI).slice(0, 4)];
  staff.set(HUAJIADI, await env.as('huajiadi.handler'));
  for (const [i, code] of five.slice(1).entries()) {
    const username = `notice.handler${i + 1}`;
    const res = await admin.post('/api/users', { username, displayName: `社区承办人 ${i + 1}`, unitCode: code, roles: ['handler'], password: DEMO_PASSWORD });
    expect(res.statusCode, res.body).toBe(201);
    staff.set(code, await env.as(username));
  }
});
afterAll(async () => {
  await env?.close();
});

const at = (c: string) => staff.get(c) as Client;

describe('policy notices (四方联动)', () => {
  let noticeId: string;
  const dueAt = '2026-11-11T10:00:00Z'; // Wednesday 18:00

  it('refuses bad notices, sends one to 5 communities once, with one notice_ack work item each', async () => {
    const body = { title: '关于做好冬季供暖保障工作的通知', body: '请各社区于本周内完成辖区供暖情况排查，建立问题台账。', unitCodes: five, ackDueAt: dueAt };
    expect((await at(HUAJIADI).post('/api/notices', body)).statusCode).toBe(403);
    const outside = await leader.post('/api/notices', { ...body, unitCodes: ['110105001'] }); // 建外, another street
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error).toMatchObject({ code: 'NOTICE_NOT_RECIPIENT', field: 'unitCodes[0]' });
    const past = await leader.post('/api/notices', { ...body, ackDueAt: '2026-11-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.field).toBe('ackDueAt');
    expect((await leader.post('/api/notices', { ...body, unitCodes: [] })).statusCode).toBe(400);

    const sent = await leader.request({ method: 'POST', url: '/api/notices', payload: body, headers: { 'idempotency-key': 'notice-heating-01' } });
    expect(sent.statusCode, sent.body).toBe(201);
    noticeId = sent.json().id;
    const again = await leader.request({ method: 'POST', url: '/api/notices', payload: body, headers: { 'idempotency-key': 'notice-heating-01' } });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(noticeId);
    expect(
      sent
        .json()
        .recipients.map((r: { unitCode: string }) => r.unitCode)
        .sort(),
    ).toEqual([...five].sort());

    const items = (await leader.get('/api/work-items?kind=notice_ack')).json();
    const list = (items.items ?? items) as Array<{ owner: { unit: { code: string } }; source: { type: string; id: string }; clock: { dueAt: string } }>;
    expect(list).toHaveLength(5);
    expect(list.every((i) => i.source.type === 'policy_notice' && i.source.id === noticeId && i.clock.dueAt === '2026-11-11T10:00:00.000Z')).toBe(true);
    // A recipient sees its own receipt only.
    const mine = (await at(HUAJIADI).get(`/api/notices/${noticeId}`)).json();
    expect(mine.recipients.map((r: { unitCode: string }) => r.unitCode)).toEqual([HUAJIADI]);
    expect((await (await env.as('jianwai.handler')).get(`/api/notices/${noticeId}`)).statusCode).toBe(403);
  });

  it('3 acknowledge (once each) and one reports its action; the other 2 are reminded, then escalated', async () => {
    clock = new Date('2026-11-09T06:00:00Z');
    for (const code of five.slice(0, 3)) {
      const res = await at(code).post(`/api/notices/${noticeId}/acknowledge`, {});
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await at(HUAJIADI).post(`/api/notices/${noticeId}/acknowledge`, {})).statusCode).toBe(409);
    const action = await at(HUAJIADI).post(`/api/notices/${noticeId}/actions`, { text: '已完成12栋楼入户排查，发现3户暖气不热，已报供热单位' });
    expect(action.statusCode, action.body).toBe(200);
    expect(action.json().recipients[0].actions[0].text).toContain('入户排查');

    const view = async () =>
      (await leader.get(`/api/notices/${noticeId}`)).json<{
        acknowledged: number;
        recipients: Array<{
          unitCode: string;
          acknowledgedAt: string | null;
          remindedAt: string | null;
          escalatedAt: string | null;
          isOverdue: boolean;
          isOnTime: boolean | null;
          workItemStatus: string;
        }>;
      }>();
    const silent = five.slice(3);
    let v = await view();
    expect(v.acknowledged).toBe(3);
    expect(
      v.recipients
        .filter((r) => r.workItemStatus === 'done')
        .map((r) => r.unitCode)
        .sort(),
    ).toEqual(five.slice(0, 3).sort());

    // Move to the reminder instant of the silent ones' work items (75 % of the allowed working time).
    const item = (await leader.get('/api/work-items?kind=notice_ack')).json();
    const open = ((item.items ?? item) as Array<{ status: string; clock: { remindAt: string } }>).filter((i) => i.status === 'open');
    expect(open).toHaveLength(2);
    clock = new Date(new Date(open[0]!.clock.remindAt).getTime() + 60_000);
    leader = await env.as('wangjing.leader'); // sessions expire: log in again after moving the clock
    expect(clock.getTime()).toBeLessThan(new Date(dueAt).getTime());
    const first = await sweepAllClocks(env.rt.ctx);
    expect(first.workItems).toMatchObject({ reminded: 2, escalated: 0 });
    v = await view();
    for (const r of v.recipients) {
      if (silent.includes(r.unitCode)) expect(r).toMatchObject({ acknowledgedAt: null, escalatedAt: null, isOverdue: false });
      expect(r.remindedAt !== null).toBe(silent.includes(r.unitCode));
    }
    // A second sweep at the same instant doubles nothing.
    expect((await sweepAllClocks(env.rt.ctx)).workItems).toMatchObject({ reminded: 0, escalated: 0 });

    clock = new Date(new Date(dueAt).getTime() + 60_000);
    leader = await env.as('wangjing.leader');
    const second = await sweepAllClocks(env.rt.ctx);
    expect(second.workItems).toMatchObject({ reminded: 0, escalated: 2 });
    v = await view();
    for (const r of v.recipients) {
      expect(r.escalatedAt !== null).toBe(silent.includes(r.unitCode));
      expect(r.isOverdue).toBe(silent.includes(r.unitCode));
      expect(r.isOnTime).toBe(!silent.includes(r.unitCode));
    }

    // The street's measures: 5 sent, 3 on time.
    const m = (await leader.get(`/api/proactive/streets/${WANGJING}/measures?from=2026-11-01&to=2026-11-30`)).json();
    expect(m.totals).toMatchObject({ noticesSent: 5, noticesOnTime: 3 });
    expect(m.totals.noticeOnTimeShare).toBeCloseTo(3 / 5, 12);
  });
});

describe('early warning (预警)', () => {
  it('raises a warning from planted history, shows its evidence and turns it into a task for the zone leader', async () => {
    leader = await env.as('wangjing.leader');
    staff.set(HUAJIADI, await env.as('huajiadi.handler'));
    // A zone holding 花家地西里, led by the street's leader.
    const leaderId = (await env.rt.ctx.db.selectFrom('users').select('id').where('username', '=', 'wangjing.leader').executeTakeFirstOrThrow()).id;
    expect(
      (await leader.post(`/api/proactive/streets/${WANGJING}/zones`, { name: '北片', communityCodes: [HUAJIADI], leaderUserId: leaderId, termStart: '2026-01-01' })).statusCode,
    ).toBe(201);
    // History: one request a week in the category for a year; then 12 in the last 7 days.
    const leaf = await env.rt.ctx.db
      .selectFrom('categories as c')
      .select('c.code')
      .where('c.is_active', '=', true)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('categories as k').select('k.code').whereRef('k.parent_code', '=', 'c.code'))))
      .orderBy('c.code')
      .executeTakeFirstOrThrow();
    const asOf = '2026-11-10';
    const end = new Date('2026-11-10T04:00:00Z');
    const times: Date[] = [];
    for (let w = 1; w <= 60; w++) times.push(new Date(end.getTime() - (7 * w + 3) * 86_400_000));
    for (let d = 0; d < 12; d++) times.push(new Date(end.getTime() - (d % 6) * 86_400_000 - d * 3600_000));
    const db = env.rt.ctx.db;
    for (const [i, t] of times.entries()) {
      await db
        .insertInto('cases')
        .values({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          case_number: `20260000-9${String(i).padStart(5, '0')}`,
          status: 'received',
          version: 1,
          channel: 'phone',
          kind: 'complaint',
          category_code: leaf.code,
          urgency: 'general',
          subject: '暖气不热',
          district_code: '110105',
          street_code: WANGJING,
          community_code: HUAJIADI,
          location_path: null,
          lead_unit_code: null,
          live_unit_codes: [],
          pending_unit_codes: [],
          unit_paths: [],
          has_pending_extension: false,
          is_overdue: false,
          parent_case_id: null,
          idempotency_key: null,
          received_at: t,
          closed_at: null,
          state: '{}',
        })
        .execute();
    }
    expect((await at(HUAJIADI).post(`/api/proactive/streets/${WANGJING}/warnings/scan`, { asOf })).statusCode).toBe(403);
    const scan = await leader.post(`/api/proactive/streets/${WANGJING}/warnings/scan`, { asOf });
    expect(scan.statusCode, scan.body).toBe(200);
    const raised = scan.json().raised as Array<{ id: string; kind: string; observed: number; caseIds: string[]; series: Array<{ observed: number | null }> }>;
    expect(raised).toHaveLength(1);
    const w = raised[0]!;
    // Last 7 days (4–10 Nov): the 12 planted; normal ≈ 1 a week.
    expect(w).toMatchObject({ kind: 'surge', observed: 12 });
    expect(w.caseIds).toHaveLength(12);
    expect(w.series.at(-4)?.observed).toBe(12); // the last observed week, before 3 forecast weeks
    // Scanning again the same day raises nothing new (one warning per series and day, cooldown after).
    expect((await leader.post(`/api/proactive/streets/${WANGJING}/warnings/scan`, { asOf })).json().raised).toHaveLength(0);

    const detail = (await at(HUAJIADI).get(`/api/proactive/warnings/${w.id}`)).json();
    expect(detail.cases).toHaveLength(12);
    expect(detail.communityCode).toBe(HUAJIADI);
    expect((await at(HUAJIADI).post(`/api/proactive/warnings/${w.id}/task`, {})).statusCode).toBe(403);
    const task = await leader.post(`/api/proactive/warnings/${w.id}/task`, { dueDays: 3 });
    expect(task.statusCode, task.body).toBe(201);
    expect(task.json().workItem).toMatchObject({
      kind: 'warning_action',
      owner: { unit: { code: WANGJING }, person: { name: '望京街道 主任' } },
      source: { type: 'proactive_warning', id: w.id },
    });
    expect(task.json().workItem.linkedCaseIds).toHaveLength(12);
    expect((await leader.post(`/api/proactive/warnings/${w.id}/task`, {})).statusCode).toBe(409);
    expect((await leader.get(`/api/proactive/streets/${WANGJING}/warnings?status=actioned`)).json()).toHaveLength(1);
  });
});
