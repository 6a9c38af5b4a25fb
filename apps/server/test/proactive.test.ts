// 未诉先办 through HTTP on one street (望京): zones and their leaders, overlaps refused and gaps
// flagged; a patrol whose finding becomes a proactive case handled and closed through the same
// lifecycle; its effect on the three rates under both settings (worked out by hand below); the
// measures and a measured item in the street's quarterly community assessment. PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBody, uploadPhoto } from './case-helpers';
import { type Client, type TestEnv, startTestEnv } from './harness';

const WANGJING = '110105026';
const HUAJIADI = '110105026034';
const CHAOYANG = '110105';
const PERIOD = '2026-11'; // 2026-10-19 … 2026-11-18

let clock = new Date('2026-11-10T02:00:00Z');
let env: TestEnv;
let leader: Client;
let handler: Client;
let dispatcher: Client;
let centre: Client;
let visitor: Client;
let evaluator: Client;
let admin: Client;
let operator: Client;
let categoryCode: string;
let communities: string[];
let leaderId: string;
const zoneUrl = `/api/proactive/streets/${WANGJING}/zones`;

beforeAll(async () => {
  env = await startTestEnv({ now: () => new Date(clock.getTime()) });
  [leader, handler, dispatcher, centre, visitor, evaluator, admin, operator] = (await Promise.all(
    ['wangjing.leader', 'huajiadi.handler', 'cy.dispatcher', 'dispatcher', 'visitor', 'evaluator', 'admin', 'operator'].map((u) => env.as(u)),
  )) as [Client, Client, Client, Client, Client, Client, Client, Client];
  // Any active leaf category of the tree in the database (no code is assumed).
  const leaf = await env.rt.ctx.db
    .selectFrom('categories as c')
    .select('c.code')
    .where('c.is_active', '=', true)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('categories as k').select('k.code').whereRef('k.parent_code', '=', 'c.code'))))
    .orderBy('c.code')
    .executeTakeFirstOrThrow();
  categoryCode = leaf.code;
  expect((await admin.put(`/api/duty-lists/${HUAJIADI}`, { categoryPrefixes: [categoryCode] })).statusCode).toBe(200);
  leaderId = (await env.rt.ctx.db.selectFrom('users').select('id').where('username', '=', 'wangjing.leader').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await env?.close();
});

async function act(c: Client, caseId: string, action: string, body: Record<string, unknown> = {}) {
  const res = await c.post(`/api/cases/${caseId}/${action}`, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json<{ status: string }>();
}

/** Dispatch to 花家地西里 → sign → contact → feedback → close → return visit with the answers. */
async function handleToVisit(caseId: string, answers: { isContacted: boolean; isSolved: boolean; satisfaction: string }) {
  await act(dispatcher, caseId, 'dispatch', { lead: HUAJIADI });
  await act(handler, caseId, 'sign');
  await act(handler, caseId, 'contact', { method: 'phone' });
  await act(handler, caseId, 'submit-feedback', { summary: '已处理完毕', isSolved: true, attachmentIds: [await uploadPhoto(handler)] });
  // The district sub-centre dispatched; closing is the city centre's.
  expect((await act(centre, caseId, 'close')).status).toBe('closed');
  const visit = await visitor.post(`/api/visits/${caseId}/attempts`, { result: 'reached', ...answers });
  expect(visit.statusCode, visit.body).toBe(200);
}

describe('contracting (包干)', () => {
  it('refuses bad zones and other roles, creates zones, refuses an overlap and flags the gaps', async () => {
    const view = await leader.get(zoneUrl);
    expect(view.statusCode, view.body).toBe(200);
    communities = view.json<{ communities: Array<{ code: string }> }>().communities.map((c) => c.code);
    expect(communities).toContain(HUAJIADI);
    expect(communities.length).toBeGreaterThan(5);
    const others = communities.filter((c) => c !== HUAJIADI);
    const zoneA = {
      name: '北片 (花家地)',
      communityCodes: [HUAJIADI, others[0], others[1]],
      leaderUserId: leaderId,
      team: [{ name: '城管科 张科长' }],
      termStart: '2026-01-01',
      termEnd: '2026-12-31',
    };

    expect((await handler.post(zoneUrl, zoneA)).statusCode).toBe(403);
    const empty = await leader.post(zoneUrl, { ...zoneA, communityCodes: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toContain('communityCodes');
    const backwards = await leader.post(zoneUrl, { ...zoneA, termEnd: '2025-12-31' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.field).toBe('termEnd');
    const foreign = await leader.post(zoneUrl, { ...zoneA, communityCodes: ['110105001001'] });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.field).toBe('communityCodes[0]');

    const a = await leader.post(zoneUrl, zoneA);
    expect(a.statusCode, a.body).toBe(201);
    const overlap = await leader.post(zoneUrl, { ...zoneA, name: '东片', communityCodes: [others[1], others[2]], termStart: '2026-06-01', termEnd: null });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error).toMatchObject({ code: 'ZONE_OVERLAP', field: 'communityCodes' });
    expect(overlap.json().error.details.overlaps).toEqual([{ communityCode: others[1], zoneId: a.json().id, zoneName: zoneA.name }]);
    const b = await leader.post(zoneUrl, { ...zoneA, name: '东片', communityCodes: [others[2], others[3]], termStart: '2026-06-01', termEnd: null });
    expect(b.statusCode, b.body).toBe(201);

    const after = (await leader.get(`${zoneUrl}?on=2026-11-10`)).json();
    expect(after.zones.map((z: { name: string; leaderName: string }) => [z.name, z.leaderName])).toEqual([
      ['北片 (花家地)', '望京街道 主任'],
      ['东片', '望京街道 主任'],
    ]);
    expect(after.coverage.gaps).toHaveLength(communities.length - 5);
    expect(after.coverage.gaps).toContain(others[4]);
    expect(after.coverage.gaps).not.toContain(HUAJIADI);
    // Before 东片's term started, its communities were gaps too.
    expect((await leader.get(`${zoneUrl}?on=2026-05-31`)).json().coverage.gaps).toHaveLength(communities.length - 3);
    // A district leader reads the street; a street outside the subtree is refused.
    expect((await (await env.as('cy.leader')).get(zoneUrl)).statusCode).toBe(200);
    expect((await (await env.as('jianwai.handler')).get(zoneUrl)).statusCode).toBe(403);
  });
});

let proactiveCaseId: string;

describe('patrol → proactive case → three rates', () => {
  it('records a patrol once (idempotent), refuses one outside the area, and turns its finding into a proactive case', async () => {
    // A resident's request about the same thing came in an hour before the patrol (it counts as "before").
    const phone = await operator.post('/api/cases', intakeBody({ categoryCode }));
    expect(phone.statusCode, phone.body).toBe(201);
    await handleToVisit(phone.json().id, { isContacted: true, isSolved: false, satisfaction: 'dissatisfied' });
    clock = new Date(clock.getTime() + 3600_000);

    const photo = await uploadPhoto(handler);
    const body = { communityCode: HUAJIADI, observations: '3号楼东侧井盖松动，有老人经过', point: { lng: 116.4701, lat: 39.9842 }, attachmentIds: [photo] };
    const url = `/api/proactive/streets/${WANGJING}/patrols`;
    const first = await handler.request({ method: 'POST', url, payload: body, headers: { 'idempotency-key': 'patrol-test-0001' } });
    expect(first.statusCode, first.body).toBe(201);
    const again = await handler.request({ method: 'POST', url, payload: body, headers: { 'idempotency-key': 'patrol-test-0001' } });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const patrol = first.json();
    expect(patrol).toMatchObject({ kind: 'patrol', communityCode: HUAJIADI, point: { lng: 116.4701, lat: 39.9842 }, attachmentIds: [photo] });
    expect(patrol.zoneId).not.toBeNull();
    expect((await handler.post(url, { ...body, observations: ' ' })).json().error.field).toBe('observations');
    expect((await (await env.as('jianwai.handler')).post(url, body)).statusCode).toBe(403);

    const noCategory = await handler.post(`/api/proactive/patrols/${patrol.id}/cases`, { categoryCode: 'NOPE', subject: '井盖松动' });
    expect(noCategory.statusCode).toBe(404);
    expect(noCategory.json().error.field).toBe('categoryCode');
    const made = await handler.request({
      method: 'POST',
      url: `/api/proactive/patrols/${patrol.id}/cases`,
      payload: { categoryCode, subject: '井盖松动需加固' },
      headers: { 'idempotency-key': 'finding-test-0001' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const c = made.json();
    expect(c).toMatchObject({ channel: 'proactive', status: 'received', categoryCode, location: { communityCode: HUAJIADI, streetCode: WANGJING, districtCode: CHAOYANG } });
    expect(c.attachments.map((x: { id: string }) => x.id)).toEqual([photo]);
    proactiveCaseId = c.id;
    const retry = await handler.request({
      method: 'POST',
      url: `/api/proactive/patrols/${patrol.id}/cases`,
      payload: { categoryCode, subject: '井盖松动需加固' },
      headers: { 'idempotency-key': 'finding-test-0001' },
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(c.id);
    const listed = (await handler.get(url)).json();
    expect(listed).toHaveLength(1);
    expect(listed[0].caseIds).toEqual([c.id]);
  });

  it('handles and closes the proactive case through the same lifecycle and clocks', async () => {
    await handleToVisit(proactiveCaseId, { isContacted: true, isSolved: true, satisfaction: 'satisfied' });
    const after = (await handler.get(`/api/cases/${proactiveCaseId}`)).json();
    expect(after.status).toBe('visited');
    expect(after.channel).toBe('proactive');
  });

  it("keeps it out of the three rates with 'excluded' and scores it on its own with 'own_measure'", async () => {
    // 望京 in 2026-11 holds two visited cases led by 花家地西里:
    //   the phone case: contacted, not solved, dissatisfied; the proactive case: contacted, solved, satisfied.
    // Residents' rates (proactive case kept out in both settings): 1 valid visit →
    //   响应率 1/1 = 1, 解决率 0/1 = 0, 满意率 0/1 = 0 → composite 0.1 × 1 + 0.5 × 0 + 0.4 × 0 = 0.1
    //   (had it counted: 2 visits → 1, 0.5, 0.5 → 0.1 + 0.25 + 0.2 = 0.55).
    // Own measure (proactive only): 1 visit → 1, 1, 1 → composite 1.
    const street = async () => {
      const res = await evaluator.get(`/api/scoring/periods/${PERIOD}/rankings`);
      expect(res.statusCode, res.body).toBe(200);
      return res
        .json()
        .classes.find((k: { unitClass: string }) => k.unitClass === 'street')
        .rows.find((r: { unitCode: string }) => r.unitCode === WANGJING);
    };
    expect((await evaluator.get('/api/proactive/settings')).json().proactiveRates).toBe('excluded');
    const excluded = await street();
    expect(excluded).toMatchObject({ sampleSize: 1, responseRate: 1, resolutionRate: 0, satisfactionRate: 0 });
    expect(excluded.composite).toBeCloseTo(0.1, 12);
    expect((await evaluator.get(`/api/proactive/periods/${PERIOD}/scores`)).json()).toEqual({ periodKey: PERIOD, treatment: 'excluded', rows: [] });

    expect((await leader.put('/api/proactive/settings', { proactiveRates: 'own_measure' })).statusCode).toBe(403);
    const bad = await admin.put('/api/proactive/settings', { proactiveRates: 'included' });
    expect(bad.statusCode).toBe(400);
    expect((await admin.put('/api/proactive/settings', { proactiveRates: 'own_measure' })).statusCode).toBe(200);
    const own = await street();
    expect(own).toMatchObject({ sampleSize: 1 });
    expect(own.composite).toBeCloseTo(0.1, 12);
    const scores = (await evaluator.get(`/api/proactive/periods/${PERIOD}/scores`)).json();
    expect(scores.treatment).toBe('own_measure');
    const byCode = new Map(scores.rows.map((r: { unitCode: string }) => [r.unitCode, r]));
    for (const code of [HUAJIADI, WANGJING, CHAOYANG]) {
      expect(byCode.get(code), code).toMatchObject({ cases: 1, validVisits: 1, responseRate: 1, resolutionRate: 1, satisfactionRate: 1, composite: 1 });
    }
    // A street leader sees its own subtree only.
    const mine = (await leader.get(`/api/proactive/periods/${PERIOD}/scores`)).json();
    expect(mine.rows.map((r: { unitCode: string }) => r.unitCode).sort()).toEqual([WANGJING, HUAJIADI].sort());
  });
});

describe('measures', () => {
  it('counts proactive cases, patrol coverage and calls before and after, and feeds the quarterly assessment', async () => {
    const res = await leader.get(`/api/proactive/streets/${WANGJING}/measures?from=2026-11-01&to=2026-11-30`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    // Weeks touching 1–30 Nov 2026 (Mondays): 26 Oct, 2, 9, 16, 23, 30 Nov = 6.
    expect(m.weeks).toBe(6);
    const h = m.communities.find((c: { communityCode: string }) => c.communityCode === HUAJIADI);
    // One patrol in the week of 9 Nov → 1/6 of its weeks; the proactive case found and finished;
    // the phone case came an hour before it (before = 1), nothing in the 30 days after its close.
    expect(h).toMatchObject({ proactiveFound: 1, proactiveSolved: 1, patrols: 1, callsBefore: 1, callsAfter: 0, callChange: -1 });
    expect(h.patrolCoverage).toBeCloseTo(1 / 6, 12);
    // 北片 has 3 communities × 6 weeks = 18 pairs, one patrolled.
    expect(m.zones.find((z: { name: string }) => z.name === '北片 (花家地)').patrolCoverage).toBeCloseTo(1 / 18, 12);
    expect(m.totals).toMatchObject({ proactiveFound: 1, proactiveSolved: 1, patrols: 1 });

    // The street adds 巡查覆盖率 to its Q4 assessment (weight 0.3 of the total, in place of its three own items).
    const config = { rateWeights: { response: 0.07, resolution: 0.35, satisfaction: 0.28 }, items: [{ key: 'patrol_coverage', label: '巡查覆盖率', weight: 0.3, maxScore: 100 }] };
    expect((await leader.put(`/api/scoring/communities/${WANGJING}/config`, config)).statusCode).toBe(200);
    const q = (await leader.get(`/api/scoring/communities/${WANGJING}/quarters/2026-Q4`)).json();
    const row = q.rows.find((r: { unitCode: string }) => r.unitCode === HUAJIADI);
    // Q4 runs 2026-09-19 … 2026-12-18: the weeks of 14 Sep … 14 Dec = 14; one patrolled → 100/14 = 7.14 (rounded).
    expect(row.items).toEqual([{ key: 'patrol_coverage', score: 7.14, points: expect.closeTo((0.3 * 7.14) / 100, 12) }]);
    // Rates part from the phone case only: 0.07 × 1 + 0.35 × 0 + 0.28 × 0 = 0.07.
    expect(row.ratesPart).toBeCloseTo(0.07, 12);
  });
});
