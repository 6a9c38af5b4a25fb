// Return visits, three-rate scoring (三率), appeals, rankings, snapshots and score sheets, through
// HTTP on a hand-made month whose rates are worked out below by hand. Runs on PGlite and PostgreSQL.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestEnv, startTestEnv } from './harness';
import { uploadPhoto } from './case-helpers';
import { type CaseFactory, caseFactory } from './scoring-helpers';

const WANGJING = '110105026'; // street 望京 (Chaoyang)
const HUAJIADI = '110105026034'; // community 花家地西里, under 望京
const JIANWAI = '110105001'; // street 建外 (Chaoyang)
const CHAOYANG = '110105'; // district
const WATER = 'D110000-SWJ'; // 市水务局, a city department
const PERIOD = '2026-11'; // 2026-10-19 … 2026-11-18

let clock = new Date('2026-11-10T02:00:00Z'); // 10:00 in Beijing, inside period 2026-11
let env: TestEnv;
let visitor: Client;
let evaluator: Client;
let admin: Client;
let factory: CaseFactory;
const ids: Record<string, string> = {};

type Answers = { isContacted: boolean; isSolved: boolean; satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied' };
const reached = (isContacted: boolean, isSolved: boolean, satisfaction: Answers['satisfaction']) => ({ result: 'reached', isContacted, isSolved, satisfaction });

beforeAll(async () => {
  env = await startTestEnv({ now: () => new Date(clock.getTime()) });
  [visitor, evaluator, admin] = (await Promise.all(['visitor', 'evaluator', 'admin'].map((u) => env.as(u)))) as [Client, Client, Client];
  factory = await caseFactory(env);
  // This hand-made month is smaller than the default minimum sample (10 valid visits): rank every
  // unit with a valid visit, as the figures below were worked out (the minimum is tested in scoring-rules.test.ts).
  expect((await admin.patch('/api/scoring/settings/policy', { minSampleSize: 1 })).statusCode).toBe(200);
  const jianwaiLocation = { address: '朝阳区建外街道某小区', districtCode: CHAOYANG, streetCode: JIANWAI };
  const plan: Array<[string, string, Record<string, unknown> | undefined]> = [
    ['c1', HUAJIADI, undefined],
    ['c2', HUAJIADI, undefined],
    ['w3', WANGJING, undefined],
    ['w4', WANGJING, undefined],
    ['w5', WANGJING, undefined],
    ['w6', WANGJING, undefined],
    ['w7', WANGJING, undefined],
    ['j8', JIANWAI, jianwaiLocation],
    ['j9', JIANWAI, jianwaiLocation],
    ['d10', WATER, undefined],
    ['open', WANGJING, undefined],
  ];
  for (const [key, lead, location] of plan) ids[key] = (await factory.closedCase(lead, location)).id;
});
afterAll(async () => {
  await env?.close();
});

type Row = Record<string, unknown> & { composite: number; sampleSize: number; exemptions: number };
const row = (body: { classes: Array<{ unitClass: string; rows: Array<{ unitCode: string }> }> }, unitClass: string, code: string) =>
  body.classes.find((c) => c.unitClass === unitClass)?.rows.find((r) => r.unitCode === code) as unknown as Row;

describe('return visits', () => {
  it('lists closed cases awaiting a visit, and refuses attempts from others or with bad answers', async () => {
    const queue = await visitor.get('/api/visits/queue?limit=100');
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json().maxAttempts).toBe(3);
    expect(queue.json().items.map((i: { caseId: string }) => i.caseId)).toEqual(expect.arrayContaining(Object.values(ids)));
    // Keyset pages of one: the same cases in the same order, each once; a foreign cursor is a 400 naming it.
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ caseId: string }>; nextCursor: string | null } = (await visitor.get(`/api/visits/queue?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json();
      expect(page).toMatchObject({ total: queue.json().total, totalExact: true });
      walked.push(...page.items.map((i: { caseId: string }) => i.caseId));
      cursor = page.nextCursor;
    } while (cursor !== null && walked.length <= queue.json().total);
    expect(walked).toEqual(queue.json().items.map((i: { caseId: string }) => i.caseId));
    const foreign = await visitor.get(`/api/visits/queue?cursor=${Buffer.from('["r","x"]').toString('base64url')}`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.field).toBe('querystring.cursor');

    const handler = await env.as('wangjing.handler');
    expect((await handler.post(`/api/visits/${ids.c1}/attempts`, reached(true, true, 'satisfied'))).statusCode).toBe(403);
    expect((await handler.get('/api/visits/queue')).statusCode).toBe(403);
    const noAnswers = await visitor.post(`/api/visits/${ids.c1}/attempts`, { result: 'reached', isContacted: true });
    expect(noAnswers.statusCode).toBe(400);
    expect(noAnswers.json().error.field).toBe('body.isSolved');
    const answersWithoutReach = await visitor.post(`/api/visits/${ids.c1}/attempts`, { result: 'no_answer', isSolved: true });
    expect(answersWithoutReach.statusCode).toBe(400);
    const unknownField = await visitor.post(`/api/visits/${ids.c1}/attempts`, { ...reached(true, true, 'satisfied'), mood: 'happy' });
    expect(unknownField.statusCode).toBe(400);
  });

  it('records reached visits (case → visited) and gives up after three unanswered calls (invalid)', async () => {
    const answers: Record<string, ReturnType<typeof reached>> = {
      c1: reached(true, true, 'satisfied'),
      c2: reached(true, false, 'basically_satisfied'),
      w3: reached(true, true, 'satisfied'),
      w4: reached(false, false, 'dissatisfied'),
      w5: reached(true, true, 'basically_satisfied'),
      w7: reached(false, false, 'dissatisfied'),
      j8: reached(true, true, 'satisfied'),
      j9: reached(true, false, 'dissatisfied'),
      d10: reached(true, true, 'satisfied'),
    };
    for (const [key, body] of Object.entries(answers)) {
      const res = await visitor.post(`/api/visits/${ids[key]}/attempts`, body);
      expect(res.statusCode, `${key}: ${res.body}`).toBe(200);
      expect(res.json()).toMatchObject({ caseStatus: 'visited', outcome: { status: 'valid', attempts: 1 }, periodKey: PERIOD });
    }
    // w6: nobody answers three times → invalid after the configured maximum.
    const first = (await visitor.post(`/api/visits/${ids.w6}/attempts`, { result: 'no_answer' })).json();
    expect(first).toMatchObject({ caseStatus: 'closed', outcome: { status: 'pending', attempts: 1, attemptsLeft: 2 } });
    await visitor.post(`/api/visits/${ids.w6}/attempts`, { result: 'no_answer' });
    const third = (await visitor.post(`/api/visits/${ids.w6}/attempts`, { result: 'no_answer', comment: '三次未接通' })).json();
    expect(third).toMatchObject({ caseStatus: 'visited', outcome: { status: 'invalid', reason: 'unreached', attempts: 3 } });
    const again = await visitor.post(`/api/visits/${ids.w6}/attempts`, { result: 'no_answer' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('VISIT_NOT_OPEN');

    // The transition and its history were written with the attempt.
    const timeline = (await evaluator.get(`/api/cases/${ids.w6}/timeline`)).json();
    expect(timeline.events.at(-1)).toMatchObject({ action: 'record_visit', fromStatus: 'closed', toStatus: 'visited' });
    const attempts = await env.rt.ctx.db
      .selectFrom('return_visit_attempts')
      .select('attempt_no')
      .where('case_id', '=', ids.w6 as string)
      .execute();
    expect(attempts.map((a) => a.attempt_no)).toEqual([1, 2, 3]);
    const queue = (await visitor.get('/api/visits/queue?limit=100')).json();
    expect(queue.items.map((i: { caseId: string }) => i.caseId)).toEqual([ids.open]);
  });
});

describe('appeals', () => {
  it('files an appeal with evidence; the centre grants one (case exempt, audited) and refuses another', async () => {
    const wangjing = await env.as('wangjing.handler');
    const jianwai = await env.as('jianwai.handler');
    const photo = await uploadPhoto(wangjing);
    const outOfScope = await wangjing.post('/api/appeals', { caseId: ids.j8, reason: 'not_our_duty', explanation: '非本街道' });
    expect(outOfScope.statusCode).toBe(403);
    const badReason = await wangjing.post('/api/appeals', { caseId: ids.w7, reason: 'bad_luck', explanation: 'x' });
    expect(badReason.statusCode).toBe(400);

    const filed = await wangjing.post('/api/appeals', {
      caseId: ids.w7,
      reason: 'unreasonable_demand',
      explanation: '诉求人要求拆除合法建筑，属不合理诉求',
      attachmentIds: [photo],
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const appeal = filed.json();
    expect(appeal).toMatchObject({ status: 'pending', unitCode: WANGJING, attachmentIds: [photo], isExemptInScoring: false });
    const twice = await wangjing.post('/api/appeals', { caseId: ids.w7, reason: 'other', explanation: '再次申诉' });
    expect(twice.json().error.code).toBe('APPEAL_ALREADY_OPEN');

    const dispatcher = await env.as('dispatcher');
    expect((await dispatcher.post(`/api/appeals/${appeal.id}/decision`, { decision: 'grant', note: 'ok' })).statusCode).toBe(403);
    const granted = await evaluator.post(`/api/appeals/${appeal.id}/decision`, { decision: 'grant', note: '经核实属不合理诉求，予以免考核' });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ status: 'granted', decidedBy: { username: 'evaluator' }, isExemptInScoring: true });
    const decidedAgain = await evaluator.post(`/api/appeals/${appeal.id}/decision`, { decision: 'refuse', note: 'x' });
    expect(decidedAgain.statusCode).toBe(409);
    expect(decidedAgain.json().error.code).toBe('APPEAL_ALREADY_DECIDED');

    const refusedAppeal = (await jianwai.post('/api/appeals', { caseId: ids.j9, reason: 'requester_unreachable', explanation: '多次联系未果' })).json();
    const refused = await evaluator.post(`/api/appeals/${refusedAppeal.id}/decision`, { decision: 'refuse', note: '回访已接通，理由不成立' });
    expect(refused.json()).toMatchObject({ status: 'refused', isExemptInScoring: false });

    const audit = await env.rt.ctx.db.selectFrom('audit_log').select(['action', 'target_id', 'actor_username']).where('action', 'like', 'appeal.%').orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.actor_username])).toEqual([
      ['appeal.file', 'wangjing.handler'],
      ['appeal.grant', 'evaluator'],
      ['appeal.file', 'jianwai.handler'],
      ['appeal.refuse', 'evaluator'],
    ]);
    const exempt = await env.rt.ctx.db.selectFrom('audit_log').select(['target_type', 'target_id']).where('action', '=', 'scoring.exempt').execute();
    expect(exempt).toEqual([{ target_type: 'case', target_id: ids.w7 }]);
    // Listing is scoped: 建外 sees only its own appeal; the centre sees both.
    expect((await jianwai.get('/api/appeals')).json().items.map((a: { caseId: string }) => a.caseId)).toEqual([ids.j9]);
    expect((await evaluator.get('/api/appeals?status=granted')).json().total).toBe(1);
  });
});

describe('three rates and rankings', () => {
  it('computes the rates and composite of streets, the district roll-up and a department', async () => {
    const res = await evaluator.get(`/api/scoring/periods/${PERIOD}/rankings`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ source: 'live', version: null, period: { firstDay: '2026-10-19', lastDay: '2026-11-18' } });

    // 望京 street: c1, c2 (led by its community 花家地西里, rolled up) + w3, w4, w5 it led = 5 valid visits.
    //   w6 is invalid (unreached ×3) and w7 exempt (appeal granted): neither is in any rate.
    //   响应率: contacted c1 c2 w3 w5 = 4/5 = 0.8
    //   解决率: solved c1 w3 w5 = 3/5 = 0.6
    //   满意率: satisfied c1 w3 = 2, basically c2 w5 = 2 × 0.9 = 1.8 → (2 + 1.8)/5 = 0.76
    //   composite = 0.1 × 0.8 + 0.5 × 0.6 + 0.4 × 0.76 = 0.08 + 0.3 + 0.304 = 0.684
    const w = row(body, 'street', WANGJING);
    expect(w).toMatchObject({ rank: 1, sampleSize: 5, invalidVisits: 1, exemptions: 1, cases: 7, ledCases: 5, isTop: true });
    expect(w.responseRate).toBeCloseTo(0.8, 12);
    expect(w.resolutionRate).toBeCloseTo(0.6, 12);
    expect(w.satisfactionRate).toBeCloseTo(0.76, 12);
    expect(w.composite).toBeCloseTo(0.684, 12);

    // 建外 street: j8, j9 → 响应率 2/2 = 1, 解决率 1/2 = 0.5, 满意率 (1 + 0)/2 = 0.5
    //   composite = 0.1 × 1 + 0.5 × 0.5 + 0.4 × 0.5 = 0.1 + 0.25 + 0.2 = 0.55 (the appeal on j9 was refused: still counted)
    const j = row(body, 'street', JIANWAI);
    expect(j).toMatchObject({ rank: 2, sampleSize: 2, exemptions: 0 });
    expect(j.composite).toBeCloseTo(0.55, 12);

    // 朝阳 district: every Chaoyang case — c1 c2 w3 w4 w5 j8 j9 = 7 valid; w6 invalid, w7 exempt.
    //   响应率 = (4 + 2)/7 = 6/7; 解决率 = (3 + 1)/7 = 4/7; 满意率 = (3 satisfied + 0.9 × 2)/7 = 4.8/7
    //   composite = (0.1 × 6 + 0.5 × 4 + 0.4 × 4.8)/7 = (0.6 + 2 + 1.92)/7 = 4.52/7 = 0.645714…
    const d = row(body, 'district', CHAOYANG);
    expect(d).toMatchObject({ rank: 1, sampleSize: 7, invalidVisits: 1, exemptions: 1 });
    expect(d.responseRate).toBeCloseTo(6 / 7, 12);
    expect(d.resolutionRate).toBeCloseTo(4 / 7, 12);
    expect(d.satisfactionRate).toBeCloseTo(4.8 / 7, 12);
    expect(d.composite).toBeCloseTo(4.52 / 7, 12);

    // 市水务局 (a city department, no district above it): d10 → 1, 1, 1 → composite 1.
    const water = row(body, 'department', WATER);
    expect(water).toMatchObject({ rank: 1, sampleSize: 1, composite: 1 });
    expect(row(body, 'district', CHAOYANG).sampleSize).toBe(7); // the department's case is not in Chaoyang's

    // Units without a valid visit are unranked; top/bottom and the Wilson order name ranked units only.
    const streets = body.classes.find((c: { unitClass: string }) => c.unitClass === 'street');
    expect(streets.rows.length).toBeGreaterThan(300);
    expect(streets.top).toEqual([WANGJING, JIANWAI]);
    expect(streets.bottom).toEqual([JIANWAI, WANGJING]);
    expect(streets.wilsonOrder).toEqual([WANGJING, JIANWAI]);
    expect(w.wilsonComposite as number).toBeLessThan(w.composite as number);
    expect(row(body, 'street', '110105002')).toMatchObject({ rank: null, sampleSize: 0, composite: null });
  });

  it("explains a unit's score: the cases that cost it points add up to 1 − composite", async () => {
    const res = await (await env.as('wangjing.handler')).get(`/api/scoring/periods/${PERIOD}/units/${WANGJING}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.composite).toBeCloseTo(0.684, 12);
    // Each valid visit is worth 1/5. w4 missed everything: (0.1 + 0.5 + 0.4)/5 = 0.2;
    // c2 unsolved and basically satisfied: 0.5/5 + 0.4 × 0.1/5 = 0.1 + 0.008 = 0.108; w5: 0.4 × 0.1/5 = 0.008.
    expect(s.explanation.cases.map((c: { caseId: string }) => c.caseId)).toEqual([ids.w4, ids.c2, ids.w5]);
    expect(s.explanation.cases.map((c: { pointsLost: number }) => c.pointsLost)).toEqual([expect.closeTo(0.2, 12), expect.closeTo(0.108, 12), expect.closeTo(0.008, 12)]);
    expect(s.explanation.pointsLost).toBeCloseTo(1 - 0.684, 12);
    expect(s.explanation.exemptCases.map((c: { caseId: string }) => c.caseId)).toEqual([ids.w7]);
    expect(s.tally).toMatchObject({ validVisits: 5, invalidVisits: 1, exemptions: 1 });

    // The community: c1, c2 → 1, 0.5, (1 + 0.9)/2 = 0.95 → 0.1 + 0.25 + 0.38 = 0.73.
    const community = (await evaluator.get(`/api/scoring/periods/${PERIOD}/units/${HUAJIADI}`)).json();
    expect(community.composite).toBeCloseTo(0.73, 12);
    expect(community.row).toBeNull();
    // Another street may not read 望京's score.
    expect((await (await env.as('jianwai.handler')).get(`/api/scoring/periods/${PERIOD}/units/${WANGJING}`)).statusCode).toBe(403);
  });

  it('shows a district its own subtree, refuses plain handlers, and validates the query', async () => {
    const district = (await (await env.as('cy.leader')).get(`/api/scoring/periods/${PERIOD}/rankings?class=street`)).json();
    expect(district.classes).toHaveLength(1);
    const codes = district.classes[0].rows.map((r: { unitCode: string }) => r.unitCode);
    expect(codes).toContain(WANGJING);
    expect(codes.every((c: string) => c.startsWith(CHAOYANG))).toBe(true);
    expect((await (await env.as('wangjing.handler')).get(`/api/scoring/periods/${PERIOD}/rankings`)).statusCode).toBe(403);
    expect((await evaluator.get('/api/scoring/periods/2026-13/rankings')).statusCode).toBe(400);
    expect((await evaluator.get(`/api/scoring/periods/${PERIOD}/rankings?class=community`)).statusCode).toBe(400);
  });

  it('versions weights by date and class: administrators only, validated by the core', async () => {
    const bad = await admin.put('/api/scoring/settings/weights', {
      versions: [{ validFrom: '2026-12-01', response: 0.5, resolution: 0.5, satisfaction: 0.5, basicallySatisfiedFactor: 0.9 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('SCORING_INVALID_WEIGHTS');
    const versions = [
      { validFrom: '2019-01-01', response: 0.1, resolution: 0.5, satisfaction: 0.4, basicallySatisfiedFactor: 0.9 },
      { validFrom: '2026-12-01', unitClass: 'street', response: 0.2, resolution: 0.4, satisfaction: 0.4, basicallySatisfiedFactor: 0.8 },
    ];
    expect((await evaluator.put('/api/scoring/settings/weights', { versions })).statusCode).toBe(403);
    const ok = await admin.put('/api/scoring/settings/weights', { versions });
    expect(ok.statusCode, ok.body).toBe(200);
    // Period 2026-11 starts 2026-10-19, before the new street version: its scores are unchanged.
    const body = (await evaluator.get(`/api/scoring/periods/${PERIOD}/rankings?class=street`)).json();
    expect(body.classes[0].weights).toMatchObject({ validFrom: '2019-01-01', response: 0.1 });
    expect(row(body, 'street', WANGJING).composite).toBeCloseTo(0.684, 12);
    const audit = await env.rt.ctx.db.selectFrom('audit_log').select(['action', 'data']).where('target_id', '=', 'scoring.weights').execute();
    expect(audit.map((a) => a.action)).toEqual(['settings.set']);
  });
});

describe('publishing and score sheets', () => {
  it('freezes a published ranking; a granted appeal changes only a new version published with a reason', async () => {
    const early = await evaluator.post(`/api/scoring/periods/${PERIOD}/publications`, {});
    expect(early.statusCode).toBe(422); // the period runs until 2026-11-18
    clock = new Date('2026-11-20T02:00:00Z');
    evaluator = await env.as('evaluator'); // the old session expired over the ten days
    expect((await (await env.as('cy.leader')).post(`/api/scoring/periods/${PERIOD}/publications`, {})).statusCode).toBe(403);
    const v1 = await evaluator.post(`/api/scoring/periods/${PERIOD}/publications`, {});
    expect(v1.statusCode, v1.body).toBe(201);
    expect(v1.json()).toMatchObject({ version: 1, reason: null, publishedBy: { username: 'evaluator' } });
    const published = (await evaluator.get(`/api/scoring/periods/${PERIOD}/rankings?class=street`)).json();
    expect(published).toMatchObject({ source: 'published', version: 1 });

    // After publishing, 望京 wins an appeal on w4 (its worst case). The period is published, so its
    // own appeal is refused (the window rule); the centre's evaluator files it with an override.
    const wangjing = await env.as('wangjing.leader');
    // The unit's page before the appeal: its live row, computed once and cached for the period.
    const before = (await evaluator.get(`/api/scoring/periods/${PERIOD}/units/${WANGJING}`)).json();
    expect(before.row.composite).toBeCloseTo(0.684, 12);
    const w4Appeal = { caseId: ids.w4, reason: 'not_our_duty', explanation: '属市政管线问题，非街道职责' };
    const late = await wangjing.post('/api/appeals', w4Appeal);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'APPEAL_WINDOW_CLOSED', details: { reason: 'after_publication' } });
    const appeal = (await evaluator.post('/api/appeals', { ...w4Appeal, lateOverrideReason: '望京街道书面说明发布前已提交纸质申诉' })).json();
    await evaluator.post(`/api/appeals/${appeal.id}/decision`, { decision: 'grant', note: '属实' });

    // Live: 4 valid visits c1 c2 w3 w5 → 响应率 4/4 = 1, 解决率 3/4 = 0.75, 满意率 (2 + 1.8)/4 = 0.95
    //   composite = 0.1 × 1 + 0.5 × 0.75 + 0.4 × 0.95 = 0.1 + 0.375 + 0.38 = 0.855
    const live = (await evaluator.get(`/api/scoring/periods/${PERIOD}/rankings?source=live&class=street`)).json();
    expect(row(live, 'street', WANGJING).composite).toBeCloseTo(0.855, 12);
    expect(row(live, 'street', WANGJING).exemptions).toBe(2);
    // The unit's page at once agrees: its own tally and its live row both after the appeal (the
    // cached ranking was recomputed when the fact changed), the published row left to the publication.
    const after = (await evaluator.get(`/api/scoring/periods/${PERIOD}/units/${WANGJING}`)).json();
    expect(after.composite).toBeCloseTo(0.855, 12);
    expect(after.row).toMatchObject({ composite: row(live, 'street', WANGJING).composite, exemptions: 2, rank: row(live, 'street', WANGJING).rank });
    // The published version is untouched.
    const still = (await evaluator.get(`/api/scoring/periods/${PERIOD}/rankings?version=1&class=street`)).json();
    expect(still).toEqual(published);
    expect(row(still, 'street', WANGJING).composite).toBeCloseTo(0.684, 12);

    const noReason = await evaluator.post(`/api/scoring/periods/${PERIOD}/publications`, {});
    expect(noReason.statusCode).toBe(409);
    expect(noReason.json().error.code).toBe('SCORING_ALREADY_PUBLISHED');
    const v2 = await evaluator.post(`/api/scoring/periods/${PERIOD}/publications`, { reason: '望京街道申诉（w4）获批后重新发布' });
    expect(v2.json()).toMatchObject({ version: 2, reason: '望京街道申诉（w4）获批后重新发布' });
    const latest = (await evaluator.get(`/api/scoring/periods/${PERIOD}/rankings?class=street`)).json();
    expect(latest).toMatchObject({ version: 2, reason: '望京街道申诉（w4）获批后重新发布' });
    expect(row(latest, 'street', WANGJING).composite).toBeCloseTo(0.855, 12);
    expect((await evaluator.get(`/api/scoring/periods/${PERIOD}/rankings?version=1&class=street`)).json()).toEqual(published);
    const versions = (await evaluator.get(`/api/scoring/periods/${PERIOD}/publications`)).json();
    expect(versions.map((v: { version: number; reason: string | null }) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, '望京街道申诉（w4）获批后重新发布'],
    ]);
    // The database itself refuses to rewrite a publication.
    await expect(env.rt.ctx.db.updateTable('score_publications').set({ reason: 'tampered' }).where('version', '=', 1).execute()).rejects.toThrow(/immutable/);
    expect((await evaluator.get(`/api/scoring/periods/${PERIOD}/rankings?version=9`)).statusCode).toBe(404);
  });

  it('exports the score sheet as an Excel workbook, CSV and JSON', async () => {
    const xlsx = await evaluator.get(`/api/scoring/periods/${PERIOD}/score-sheet?format=xlsx&version=1`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const streets = wb.getWorksheet('街乡镇');
    expect(streets).toBeDefined();
    const header = (streets?.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['考核类别', '排名', '单位编码', '单位名称', '综合得分']);
    const first = (streets?.getRow(2).values as unknown[]).slice(1);
    // rank 1 望京: composite 0.684 → 68.4 points; rates 80 / 60 / 76 %; 5 valid, 1 invalid, 1 exempt (version 1).
    expect(first.slice(0, 3)).toEqual(['街乡镇', 1, WANGJING]);
    expect(first.slice(4, 11)).toEqual([68.4, 80, 60, 76, 5, 1, 1]);
    expect(wb.getWorksheet('区')?.getRow(2).getCell(5).value).toBe(64.57); // 4.52/7 = 0.645714 → 64.57

    const csv = await evaluator.get(`/api/scoring/periods/${PERIOD}/score-sheet?format=csv&class=street`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '考核类别,排名,单位编码,单位名称,综合得分,响应率(%),解决率(%),满意率(%),有效回访量,无效回访量,免考核件数,小样本修正得分,小样本修正排名,上期排名,名次变化,诉求量,常住人口,千人诉求量,公布名单,备注',
    );
    // The latest version (2): 望京 85.5 points after the second exemption; first of two ranked streets, so in both lists.
    expect(lines[1]).toMatch(new RegExp(`^街乡镇,1,${WANGJING},[^,]+,85.5,100,75,95,4,1,2,[0-9.]+,1,,,\\d+,,,前10名、后10名,$`));

    const json = (await evaluator.get(`/api/scoring/periods/${PERIOD}/score-sheet?class=district`)).json();
    expect(json).toMatchObject({ periodKey: PERIOD, source: 'published', version: 2 });
    expect(json.rows.find((r: { unitCode: string }) => r.unitCode === CHAOYANG)).toMatchObject({ rank: 1, sampleSize: 6, exemptions: 2 });
  });
});

describe('community ranking', () => {
  it('lets the street leader score its communities quarterly beside the three rates', async () => {
    const leader = await env.as('wangjing.leader');
    const handler = await env.as('wangjing.handler');
    const items = { face_to_face: 90, coordination: 80, work_traces: 100 };
    const url = `/api/scoring/communities/${WANGJING}/quarters/2026-Q4`;
    expect((await handler.put(`${url}/items`, { scores: [{ communityCode: HUAJIADI, items }] })).statusCode).toBe(403);
    const tooHigh = await leader.put(`${url}/items`, { scores: [{ communityCode: HUAJIADI, items: { face_to_face: 120 } }] });
    expect(tooHigh.statusCode).toBe(422);
    const notOurs = await leader.put(`${url}/items`, { scores: [{ communityCode: '110105001001', items }] });
    expect(notOurs.statusCode).toBe(400);
    const res = await leader.put(`${url}/items`, { scores: [{ communityCode: HUAJIADI, items }] });
    expect(res.statusCode, res.body).toBe(200);
    // 花家地西里 in Q4 (periods 2026-10 … 2026-12): c1, c2 → rates 1, 0.5, 0.95.
    //   rates part = 0.07 × 1 + 0.35 × 0.5 + 0.28 × 0.95 = 0.07 + 0.175 + 0.266 = 0.511
    //   items = 0.1 × 90/100 + 0.1 × 80/100 + 0.1 × 100/100 = 0.09 + 0.08 + 0.1 = 0.27 → total 0.781
    const top = res.json().rows[0];
    expect(top).toMatchObject({ unitCode: HUAJIADI, rank: 1, validVisits: 2 });
    expect(top.ratesPart).toBeCloseTo(0.511, 12);
    expect(top.total).toBeCloseTo(0.781, 12);
    expect(
      res
        .json()
        .rows.slice(1)
        .every((r: { rank: number | null }) => r.rank === null),
    ).toBe(true);
    const read = await (await env.as('cy.leader')).get(url);
    expect(read.json().rows[0].total).toBeCloseTo(0.781, 12);
    expect((await (await env.as('jianwai.handler')).get(url)).statusCode).toBe(403);
  });
});
