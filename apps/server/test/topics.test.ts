// 每月一题 end to end through the API: a simulated month with a planted problem is mined; the centre
// makes the top group a topic's problem (and a second problem from another group), starts it
// (matching cases are linked), sets tasks as work items — one runs past its deadline and is
// escalated by the sweep — records a policy with its document, links a case by hand, and reads
// the before/after effect, the xlsx report and the public page. Refusals are checked first.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimulateTopicsReport, simulateTopics } from '../src/simulate/simulate-topics';
import { intakeBody, multipart } from './case-helpers';
import { type Client, type TestEnv, startTestEnv } from './harness';

const DAY = 86_400_000;
let now = new Date('2026-12-01T10:00:00+08:00');
let env: TestEnv;
let analyst: Client;
let supervisor: Client;
let report: SimulateTopicsReport;
let topicId = '';
let problemIds: string[] = [];
let groups: { id: string; rank: number; size: number }[] = [];
const WATER = 'D110000-SWJ';
const WANGJING = '110105026';

beforeAll(async () => {
  env = await startTestEnv({ now: () => now, config: { sessionTtlHours: 24 * 90 } });
  analyst = await env.as('analyst');
  supervisor = await env.as('supervisor');
  report = await simulateTopics(env.rt.ctx, {
    casesPerMonth: 40,
    previousMonths: 1,
    plantedCases: 24,
    plantedStreets: 16,
    monthStart: new Date('2026-11-01T00:00:00+08:00'),
    days: 30,
    seed: 5,
    handledShare: 0.5,
  });
  expect((await analyst.post('/api/hotspots/runs', { month: '2026-11' })).statusCode).toBe(201);
  groups = (await analyst.get('/api/hotspots?limit=5')).json().groups;
}, 120_000);
afterAll(async () => env?.close());

const problemsBody = () => [
  { title: '老旧小区电动自行车充电难', leadUnitCode: WATER, coUnitCodes: [WANGJING], sourceGroupId: groups[0]?.id },
  { title: groups[1] ? '第二个高频问题' : '', leadUnitCode: WATER, sourceGroupId: groups[1]?.id },
];

describe('a topic of the month', () => {
  it('is refused to roles outside the centre’s supervision and to bad input, naming the field', async () => {
    expect((await analyst.post('/api/topics', { month: '2026-12', title: '充电难', problems: problemsBody() })).statusCode).toBe(403);
    const leader = await env.as('wangjing.leader');
    expect((await leader.post('/api/topics', { month: '2026-12', title: '充电难', problems: problemsBody() })).statusCode).toBe(403);
    const badUnit = await supervisor.post('/api/topics', { month: '2026-12', title: '充电难', problems: [{ title: 'x', leadUnitCode: 'NOPE' }] });
    expect([badUnit.statusCode, badUnit.json().error.field]).toEqual([404, 'problems[0].leadUnitCode']);
    const four = await supervisor.post('/api/topics', { month: '2026-12', title: '充电难', problems: [1, 2, 3, 4].map((i) => ({ title: `p${i}`, leadUnitCode: WATER })) });
    expect(four.statusCode).toBe(400);
    const month = await supervisor.post('/api/topics', { month: '2026-1', title: '充电难', problems: [] });
    expect([month.statusCode, month.json().error.field]).toEqual([400, 'body.month']);
    expect(await env.rt.ctx.db.selectFrom('topics').select('id').execute()).toEqual([]);
  });

  it('is selected from the hotspot candidates and started, linking the matching cases', async () => {
    const res = await supervisor.request({
      method: 'POST',
      url: '/api/topics',
      payload: { month: '2026-12', title: '电动自行车充电难', description: '居民飞线充电，火灾隐患', problems: problemsBody() },
      headers: { 'idempotency-key': 'topic-2026-12' },
    });
    expect(res.statusCode).toBe(201);
    topicId = res.json().topic.id;
    problemIds = res.json().problems.map((p: { id: string }) => p.id);
    const again = await supervisor.request({
      method: 'POST',
      url: '/api/topics',
      payload: { month: '2026-12', title: '电动自行车充电难', problems: problemsBody() },
      headers: { 'idempotency-key': 'topic-2026-12' },
    });
    expect([again.statusCode, again.json().topic.id]).toEqual([200, topicId]);
    expect((await env.rt.ctx.db.selectFrom('topics').select('id').execute()).length).toBe(1);

    const started = await supervisor.post(`/api/topics/${topicId}/actions/start`, { expectedVersion: 1 });
    expect(started.statusCode).toBe(200);
    expect(started.json().topic.status).toBe('running');
    const p1 = started.json().problems[0];
    // The group's signature links the planted cases (and, within the lookback, nothing else).
    const planted = new Set(report.plantedCaseIds);
    const links = await env.rt.ctx.db
      .selectFrom('topic_problem_cases')
      .select('case_id')
      .where('problem_id', '=', problemIds[0] as string)
      .execute();
    const plantedLinked = links.filter((l) => planted.has(l.case_id)).length;
    console.log(`problem 1 auto-linked ${links.length} cases, ${plantedLinked} of ${report.planted} planted`);
    expect(plantedLinked).toBeGreaterThanOrEqual(22);
    // Precision of the signature match: at most 15% of the links are ordinary cases.
    expect(links.length - plantedLinked).toBeLessThanOrEqual(Math.ceil(0.15 * links.length));
    expect(p1.linkedCases).toBe(links.length);
    expect((await supervisor.post(`/api/topics/${topicId}/actions/start`, {})).statusCode).toBe(409);
  });

  it('runs tasks as work items: one is done by the lead department, one runs late and is escalated', async () => {
    const base = `/api/topics/${topicId}/problems/${problemIds[0]}/tasks`;
    const wrongOwner = await supervisor.post(base, { title: '建设充电棚', ownerUnitCode: '110105001', dueInWorkingDays: 5 });
    expect([wrongOwner.statusCode, wrongOwner.json().error.field]).toEqual([400, 'ownerUnitCode']);
    const noDue = await supervisor.post(base, { title: '建设充电棚', ownerUnitCode: WATER });
    expect(noDue.statusCode).toBe(400);
    const t1 = await supervisor.post(base, { title: '出台老旧小区充电设施建设指引', ownerUnitCode: WATER, dueInWorkingDays: 10 });
    expect(t1.statusCode).toBe(201);
    const t2 = await supervisor.post(base, { title: '望京街道排查飞线充电点位', ownerUnitCode: WANGJING, dueAt: new Date(now.getTime() + 2 * DAY).toISOString() });
    expect(t2.statusCode).toBe(201);
    expect(t2.json()).toMatchObject({ kind: 'topic_task', source: { type: 'topic_problem', id: problemIds[0] } });

    // The lead department sees its task (and not the street's) and finishes it.
    const water = await env.as('water.handler');
    const mine = (await water.get(`${base}`)).json().items.map((i: { id: string }) => i.id);
    expect(mine).toEqual([t1.json().id]);
    expect((await water.post(`/api/work-items/${t1.json().id}/actions/start`, {})).statusCode).toBe(200);
    const done = await water.post(`/api/work-items/${t1.json().id}/actions/complete`, { text: '指引已印发' });
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe('done');

    // Three days on, the street's task is past due: the one sweep escalates it and marks it overdue.
    now = new Date(now.getTime() + 3 * DAY);
    const sweep = await supervisor.post('/api/queues/sweep');
    expect(sweep.statusCode).toBe(200);
    const late = (await supervisor.get(`/api/work-items/${t2.json().id}`)).json();
    expect(late.isOverdue).toBe(true);
    expect(late.history.filter((h: { action: string }) => h.action === 'escalate').length).toBe(1);
    const view = (await supervisor.get(`/api/topics/${topicId}`)).json();
    expect(view.problems[0].tasks).toMatchObject({ total: 2, done: 1, open: 1, overdue: 1 });
  });

  it('records a policy with its document and links cases by hand', async () => {
    const m = multipart('file', '充电设施建设指引.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
    const up = await supervisor.request({ method: 'POST', url: '/api/attachments?kind=document', payload: m.payload, headers: m.headers });
    expect(up.statusCode).toBe(201);
    const bad = await supervisor.post(`/api/topics/${topicId}/policies`, { title: '指引', issuingBody: '市住建委', issuedOn: '2026-12-32x' });
    expect(bad.statusCode).toBe(400);
    const missing = await supervisor.post(`/api/topics/${topicId}/policies`, {
      title: '指引',
      issuingBody: '市住建委',
      issuedOn: '2026-12-03',
      attachmentId: '00000000-0000-4000-8000-000000000000',
    });
    expect([missing.statusCode, missing.json().error.field]).toEqual([404, 'attachmentId']);
    const policy = await supervisor.post(`/api/topics/${topicId}/policies`, {
      title: '老旧小区电动自行车充电设施建设指引',
      issuingBody: '北京市住房和城乡建设委员会',
      issuedOn: '2026-12-03',
      problemId: problemIds[0],
      attachmentId: up.json().id,
    });
    expect(policy.statusCode, policy.body).toBe(201);

    const ordinary = await env.rt.ctx.db.selectFrom('cases').select(['id', 'case_number']).where('id', 'not in', report.plantedCaseIds).limit(1).executeTakeFirstOrThrow();
    const url = `/api/topics/${topicId}/problems/${problemIds[1]}/cases`;
    const before = (await supervisor.get(url)).json().items.length;
    expect((await supervisor.post(url, { caseNumber: ordinary.case_number })).statusCode).toBe(201);
    expect((await supervisor.post(url, { caseId: ordinary.id })).statusCode).toBe(200);
    const items = (await supervisor.get(url)).json().items;
    expect(items.length).toBe(before + 1);
    expect(items.find((c: { caseId: string }) => c.caseId === ordinary.id).linkKind).toBe('manual');
    expect((await supervisor.delete(`${url}/${ordinary.id}`)).statusCode).toBe(204);
    expect((await supervisor.get(url)).json().items.length).toBe(before);
    // The street's leader is no party to problem 2: its cases are not theirs to read.
    const jianwai = await env.as('jianwai.handler');
    expect((await jianwai.get(url)).statusCode).toBe(403);
  });

  it('links new matching cases at intake and shows the effect before and after the start', async () => {
    const linkedBefore = (await supervisor.get(`/api/topics/${topicId}`)).json().problems[0].linkedCases;
    const operator = await env.as('operator');
    // Classified as the planted cases were (groups are formed within a level-1 category).
    const plantedCategory = (
      await env.rt.ctx.db
        .selectFrom('cases')
        .select('category_code')
        .where('id', '=', report.plantedCaseIds[0] as string)
        .executeTakeFirstOrThrow()
    ).category_code;
    const res = await operator.post(
      '/api/cases',
      intakeBody({
        categoryCode: plantedCategory,
        subject: '楼道里电动车飞线充电',
        detail: '花家地西里没有电动自行车充电桩，居民从窗户拉电线给电动车充电，火灾隐患很大，希望增设充电桩。',
      }),
    );
    expect(res.statusCode).toBe(201);
    const linkedAfter = (await supervisor.get(`/api/topics/${topicId}`)).json().problems[0].linkedCases;
    expect(linkedAfter).toBe(linkedBefore + 1);

    const effect = await supervisor.get(`/api/topics/${topicId}/problems/${problemIds[0]}/effect?weeksBefore=8`);
    expect(effect.statusCode).toBe(200);
    const e = effect.json();
    const startedAt = new Date(e.startedAt).getTime();
    // Worked out from the links themselves: cases received in the 8 weeks before the start, and after it.
    const linked = await env.rt.ctx.db
      .selectFrom('topic_problem_cases as l')
      .innerJoin('cases as c', 'c.id', 'l.case_id')
      .select('c.received_at')
      .where('l.problem_id', '=', problemIds[0] as string)
      .execute();
    const times = linked.map((l) => new Date(l.received_at).getTime());
    expect(e.before.count).toBe(times.filter((t) => t < startedAt && t >= startedAt - 8 * 7 * DAY).length);
    expect(e.after.count).toBe(times.filter((t) => t >= startedAt).length);
    expect(e.after.count).toBe(1);
    expect(e.series.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(e.before.count + e.after.count);
    expect(e.series[0].week).toBe(-8);
    // Half the planted cases were visited; 70% of those unsolved: the "before" resolution is low.
    expect(e.before.visited).toBeGreaterThan(0);
    expect(e.before.resolutionRate).toBeLessThan(0.6);
    console.log(`effect: before ${JSON.stringify(e.before)} after ${JSON.stringify(e.after)}`);
  });

  it('exports the monthly report and shows the public page without personal data', async () => {
    const xlsx = await supervisor.get(`/api/topics/${topicId}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('问题与成效');
    expect(sheet?.rowCount).toBe(3);
    expect(sheet?.getRow(2).getCell(2).value).toBe('老旧小区电动自行车充电难');
    expect(wb.getWorksheet('政策')?.getRow(2).getCell(1).value).toBe('老旧小区电动自行车充电设施建设指引');

    const pub = await env.app.inject({ method: 'GET', url: '/api/public/topics?month=2026-12' });
    expect(pub.statusCode).toBe(200);
    const t = pub.json().items[0];
    expect(t.title).toBe('电动自行车充电难');
    expect(t.problems[0]).toMatchObject({ title: '老旧小区电动自行车充电难', leadUnitName: expect.any(String), tasks: { total: 2, done: 1, overdue: 1 } });
    expect(t.policies[0]).toEqual({ title: '老旧小区电动自行车充电设施建设指引', issuingBody: '北京市住房和城乡建设委员会', issuedOn: '2026-12-03', hasDocument: true });
    expect(pub.body).not.toMatch(/1\d{10}/);
    expect(pub.body).not.toMatch(/\d{8}-\d{6}/);
    expect((await env.app.inject({ method: 'GET', url: '/api/public/topics?month=13' })).statusCode).toBe(400);

    const closed = await supervisor.post(`/api/topics/${topicId}/actions/close`, {});
    expect(closed.json().topic.status).toBe('closed');
    expect((await supervisor.post(`/api/topics/${topicId}/policies`, { title: 'x', issuingBody: 'y', issuedOn: '2026-12-05' })).statusCode).toBe(201);
  });
});
