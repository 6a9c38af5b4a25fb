// Scoring as Beijing publishes it, through HTTP on a hand-made month (scoring-rules-fixture.ts):
// city and district departments ranked apart, units under the minimum sample listed apart, the
// tie at the top-10 cut, 千人诉求量 from loaded populations, 进步较快, 治理类, the appeal window
// with an evaluator's override, merged children, and the 成绩单's 说明. Figures worked out by hand
// in the comments. Runs on PGlite and PostgreSQL.
import { type Actor, type CaseAttachment, type CaseCommand } from '@jiesu/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actOnCase } from '../src/use-cases/cases/act-on-case';
import { resolveAttachments, resolveUnit } from '../src/use-cases/cases/case-context';
import { takeInCase } from '../src/use-cases/cases/take-in-case';
import { intakeBody, uploadPhoto } from './case-helpers';
import { type Client, type TestEnv, startTestEnv } from './harness';
import { type RulesMonth, seedRulesMonth } from './scoring-rules-fixture';
import { actorOf, type CaseFactory, caseFactory } from './scoring-helpers';

const PERIOD = '2026-11'; // 2026-10-19 … 2026-11-18
const WANGJING = '110105026';
let clock = new Date('2026-11-10T02:00:00Z');
let env: TestEnv;
let evaluator: Client;
let admin: Client;
let month: RulesMonth;
let factory: CaseFactory;

type Row = { unitCode: string; rank: number | null; composite: number | null; sampleSize: number; unrankedReason: string | null; isTop: boolean; isBottom: boolean } & Record<
  string,
  unknown
>;
type ClassView = {
  classKey: string;
  groupCode: string | null;
  groupName: string | null;
  rows: Row[];
  top: string[];
  bottom: string[];
  topBoundary: unknown;
  bottomBoundary: unknown;
  improved: unknown[];
};
type Rankings = { classes: ClassView[]; specialGovernance: { ruleText: string; units: Array<{ unitCode: string; value: number }> } };
const rankings = async (query = ''): Promise<Rankings> => {
  const res = await evaluator.get(`/api/scoring/periods/${PERIOD}/rankings?source=live${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const classOf = (r: Rankings, key: string, group: string | null = null) => r.classes.find((c) => c.classKey === key && c.groupCode === group) as ClassView;

beforeAll(async () => {
  env = await startTestEnv({ now: () => new Date(clock.getTime()) });
  [evaluator, admin] = (await Promise.all(['evaluator', 'admin'].map((u) => env.as(u)))) as [Client, Client];
  factory = await caseFactory(env);
  // The previous month: the same plan, except that street G2 did as badly as L2 (0.46).
  await seedRulesMonth(env.rt.ctx, '2026-10', { G2: { n: 10, solved: 4, satisfied: 4 } });
  month = await seedRulesMonth(env.rt.ctx, PERIOD);
});
afterAll(async () => {
  await env?.close();
});

const code = (key: string) => month.streets[key] as string;

describe('ranking classes', () => {
  it('ranks city departments among themselves and each district’s departments within the district', async () => {
    const r = await rankings();
    const ranked = (c: ClassView) => c.rows.filter((x) => x.rank !== null).map((x) => [x.unitCode, x.rank, Number((x.composite ?? 0).toFixed(4))]);
    // 市级部门: 市水务局 0.91, 市住建委 0.77 — 朝阳区城管委 (1.00) is not among them.
    expect(ranked(classOf(r, 'department'))).toEqual([
      ['D110000-SWJ', 1, 0.91],
      ['D110000-ZJW', 2, 0.77],
    ]);
    expect(classOf(r, 'department').rows.every((x) => x.unitCode.startsWith('D110000-'))).toBe(true);
    // 区级部门（朝阳区）: 城管委 1.00, 住建委 0.74; 区级部门（海淀区）: 城管委 0.55, ranked 1st in its own district.
    const chaoyang = classOf(r, 'district_department', '110105');
    expect(chaoyang.groupName).toBe('朝阳区');
    expect(ranked(chaoyang)).toEqual([
      ['D110105-CGW', 1, 1],
      ['D110105-ZJW', 2, 0.74],
    ]);
    expect(ranked(classOf(r, 'district_department', '110108'))).toEqual([['D110108-CGW', 1, 0.55]]);
    expect(r.classes.filter((c) => c.classKey === 'district_department')).toHaveLength(16);
    // One district's ranking alone; and the district's own leader sees only its own departments.
    const one = await rankings('&class=district_department&district=110105');
    expect(one.classes.map((c) => c.groupCode)).toEqual(['110105']);
    const cy = (await (await env.as('cy.leader')).get(`/api/scoring/periods/${PERIOD}/rankings?class=district_department&source=live`)).json() as Rankings;
    expect(cy.classes.map((c) => c.groupCode)).toEqual(['110105']);
    expect((await evaluator.get(`/api/scoring/periods/${PERIOD}/rankings?class=planets`)).json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'querystring.class' });
  });
});

describe('minimum sample and the top-10 cut', () => {
  it('lists units under 10 valid visits apart and applies the tie rule at place 10', async () => {
    const streets = classOf(await rankings('&class=street'), 'street');
    const row = (key: string) => streets.rows.find((x) => x.unitCode === code(key)) as Row;
    // U1 (3 visits, all perfect) and U2 (9) would top the list on one or two visits; they are not ranked.
    expect([row('U1'), row('U2')].map((x) => [x.rank, x.sampleSize, x.unrankedReason, x.isTop])).toEqual([
      [null, 3, 'below_min_sample', false],
      [null, 9, 'below_min_sample', false],
    ]);
    expect(streets).toMatchObject({ minSampleSize: 10 });
    // Ranks: G1–G8 1–8; T1, T2, T3 all 0.64 → rank 9 shared; L1 0.55 → 12; L2 0.46 → 13.
    expect(['G1', 'G2', 'G8', 'T1', 'T2', 'T3', 'L1', 'L2'].map((k) => row(k).rank)).toEqual([1, 2, 8, 9, 9, 9, 12, 13]);
    // Top 10 = G1–G8 and two of the three tied at place 9–11: the tie-break is the Wilson score,
    // which for equal rates grows with the sample — T1 (30 visits) > T2 (20) > T3 (10).
    expect(streets.top).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8', 'T1', 'T2'].map(code));
    expect(streets.topBoundary).toEqual({
      place: 10,
      rank: 9,
      score: expect.closeTo(0.64, 12),
      tied: ['T1', 'T2', 'T3'].map(code),
      listed: ['T1', 'T2'].map(code),
      left: [code('T3')],
    });
    // Bottom 10, worst first: L2, L1, T3, T2, T1, G8, G7, G6, G5, G4 — no tie across the cut.
    expect(streets.bottom).toEqual(['L2', 'L1', 'T3', 'T2', 'T1', 'G8', 'G7', 'G6', 'G5', 'G4'].map(code));
    expect(streets.bottomBoundary).toBeNull();
  });

  it('lets an administrator set a class’s own minimum (audited)', async () => {
    const settings = (await admin.get('/api/scoring/settings')).json();
    const classes = settings.rankingClasses.map((c: { key: string }) => (c.key === 'street' ? { ...c, minSampleSize: 3 } : c));
    expect((await evaluator.put('/api/scoring/settings/ranking-classes', { classes })).statusCode).toBe(403);
    expect((await admin.put('/api/scoring/settings/ranking-classes', { classes })).statusCode).toBe(200);
    const streets = classOf(await rankings('&class=street'), 'street');
    // Now U1 (3 visits) and U2 (9) rank: 1.00 like G1 → all three share rank 1; order by Wilson (more visits first): G1, U2, U1.
    expect(streets.rows.slice(0, 3).map((x) => [x.unitCode, x.rank])).toEqual([
      [code('G1'), 1],
      [code('U2'), 1],
      [code('U1'), 1],
    ]);
    const audit = await env.rt.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'target_id', 'actor_username'])
      .where('action', '=', 'settings.set')
      .where('target_id', '=', 'scoring.ranking_classes')
      .execute();
    expect(audit).toEqual([{ action: 'settings.set', target_id: 'scoring.ranking_classes', actor_username: 'admin' }]);
    const restored = settings.rankingClasses;
    expect((await admin.put('/api/scoring/settings/ranking-classes', { classes: restored })).statusCode).toBe(200);
    const overlap = await admin.put('/api/scoring/settings/ranking-classes', { classes: [...restored, { ...restored[2], key: 'all_departments', level: 'any' }] });
    expect(overlap.statusCode).toBe(400);
  });

  it('lists the most improved against last month', async () => {
    // Last month G2 scored 0.46 (rank 12, tied with L2); now 0.96, rank 2: +10 places, +0.50. Every
    // other street kept its score and, with G2 ahead of it, lost a place or stayed.
    const streets = classOf(await rankings('&class=street'), 'street');
    expect(streets.improved).toEqual([{ unitCode: code('G2'), rankChange: 10, compositeDelta: expect.closeTo(0.5, 12) }]);
    expect(streets.rows.find((x) => x.unitCode === code('G2'))).toMatchObject({ isImproved: true, trend: { previousRank: 12, rankChange: 10 } });
  });
});

describe('诉求量 and 千人诉求量', () => {
  it('loads populations from the template and divides by them', async () => {
    const template = await admin.get('/api/scoring/populations/template');
    expect(template.statusCode).toBe(200);
    const lines = (template.json().csv as string).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('单位编码,单位名称,常住人口');
    expect(lines).toContain(`${code('G1')},${month.names.G1},`);
    expect((await evaluator.get('/api/scoring/populations/template')).statusCode).toBe(403);

    // Requests this period: G1 12, G2 9, G3 4 (taken in at the centre with that street as location).
    const operator = await actorOf(env, 'operator');
    for (const [key, count] of [
      ['G1', 12],
      ['G2', 9],
      ['G3', 4],
    ] as const) {
      for (let i = 0; i < count; i += 1) {
        const body = intakeBody({ location: { address: `${month.names[key]}某小区`, districtCode: '110105', streetCode: code(key), coordinates: null } });
        await takeInCase(env.rt.ctx, { actor: operator, intake: body as Parameters<typeof takeInCase>[1]['intake'] });
      }
    }
    const bad = await admin.put('/api/scoring/populations', { asOf: '2025', source: '测试', csv: `单位编码,单位名称,常住人口\n${code('G1')},x,四万八` });
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.csv' });
    const unknown = await admin.put('/api/scoring/populations', { asOf: '2025', source: '测试', rows: [{ unitCode: '999999999', population: 5 }] });
    expect(unknown.statusCode).toBe(400);
    const csv = ['单位编码,单位名称,常住人口', `${code('G1')},${month.names.G1},48000`, `${code('G2')},${month.names.G2},30000`, `${code('G3')},${month.names.G3},5000`, ''].join(
      '\r\n',
    );
    const loaded = await admin.put('/api/scoring/populations', { asOf: '2025', source: '朝阳区统计年鉴2025（测试数据）', csv });
    expect(loaded.statusCode, loaded.body).toBe(200);
    expect(loaded.json().units).toHaveLength(3);

    // 千人诉求量 = requests × 1000 / population: G1 12 × 1000 / 48,000 = 0.25; G2 9 × 1000 / 30,000 = 0.3; G3 4 × 1000 / 5,000 = 0.8.
    const streets = classOf(await rankings('&class=street'), 'street');
    const per = (key: string) => streets.rows.find((x) => x.unitCode === code(key)) as Row;
    expect(['G1', 'G2', 'G3'].map((k) => [per(k).requests, per(k).population, per(k).requestsPerThousand])).toEqual([
      [12, 48000, 0.25],
      [9, 30000, 0.3],
      [4, 5000, 0.8],
    ]);
    expect(per('G4')).toMatchObject({ requests: 0, population: null, requestsPerThousand: null });
    // The district counts every request located in it: 12 + 9 + 4 = 25.
    expect(classOf(await rankings('&class=district'), 'district').rows.find((x) => x.unitCode === '110105')).toMatchObject({ requests: 25 });
  });

  it('picks the special-governance streets by the configured rule', async () => {
    // Default rule: in the bottom 10 three periods running — 2026-09 has no data, so nobody yet.
    expect((await rankings()).specialGovernance.units).toEqual([]);
    expect((await admin.put('/api/scoring/settings/special-governance', { classKey: 'street', rule: { kind: 'highest_per_thousand', count: 2 } })).statusCode).toBe(200);
    const r = await rankings();
    // Highest 千人诉求量: G3 0.8, G2 0.3 (G1 0.25 is third).
    expect(r.specialGovernance.units.map((u) => [u.unitCode, u.value])).toEqual([
      [code('G3'), 0.8],
      [code('G2'), 0.3],
    ]);
    expect(r.specialGovernance.ruleText).toBe('本期千人诉求量最高的2个街乡镇（并列者一并列入）');
    expect(
      classOf(r, 'street')
        .rows.filter((x) => x.isSpecialGovernance)
        .map((x) => x.unitCode),
    ).toEqual([code('G2'), code('G3')]);
  });
});

describe('appeal window', () => {
  it('refuses a late appeal with APPEAL_WINDOW_CLOSED; an evaluator’s override is audited', async () => {
    const visitor = await env.as('visitor');
    const kase = await factory.closedCase(WANGJING);
    const visited = await visitor.post(`/api/visits/${kase.id}/attempts`, { result: 'reached', isContacted: true, isSolved: false, satisfaction: 'dissatisfied' });
    expect(visited.statusCode, visited.body).toBe(200); // visited 2026-11-10T02:00Z → window until 2026-11-17T02:00Z (7 days)
    clock = new Date('2026-11-18T03:00:00Z');
    const leader = await env.as('wangjing.leader');
    const body = { caseId: kase.id, reason: 'unreasonable_demand', explanation: '诉求人要求拆除合法建筑' };
    const late = await leader.post('/api/appeals', body);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'APPEAL_WINDOW_CLOSED', details: { reason: 'after_window', deadline: '2026-11-17T02:00:00.000Z', windowDays: 7 } });
    // Only a centre evaluator may override, and must say why.
    expect((await leader.post('/api/appeals', { ...body, lateOverrideReason: '我们很忙' })).statusCode).toBe(403);
    evaluator = await env.as('evaluator');
    const overridden = await evaluator.post('/api/appeals', { ...body, lateOverrideReason: '街道已于11月16日书面提交，系统录入延误' });
    expect(overridden.statusCode, overridden.body).toBe(201);
    expect(overridden.json()).toMatchObject({
      status: 'pending',
      unitCode: WANGJING,
      filedBy: { username: 'evaluator' },
      lateOverride: { by: { username: 'evaluator' }, reason: '街道已于11月16日书面提交，系统录入延误', deadline: '2026-11-17T02:00:00.000Z' },
    });
    const audit = await env.rt.ctx.db.selectFrom('audit_log').select(['action', 'actor_username', 'data']).where('target_id', '=', overridden.json().id).orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.actor_username])).toEqual([
      ['appeal.file', 'evaluator'],
      ['appeal.late_override', 'evaluator'],
    ]);
    expect(audit[1]?.data).toMatchObject({ reason: '街道已于11月16日书面提交，系统录入延误', windowClosed: 'after_window', deadline: '2026-11-17T02:00:00.000Z' });
    clock = new Date('2026-11-10T02:00:00Z');
    evaluator = await env.as('evaluator');
  });
});

describe('merged children (并案)', () => {
  it('asks no visit of a merged child by default; under cluster_visit scores its visit on the cluster’s lead', async () => {
    const ctx = env.rt.ctx;
    const [operator, dispatcher] = await Promise.all([actorOf(env, 'operator'), actorOf(env, 'dispatcher')]);
    const take = async () => (await takeInCase(ctx, { actor: operator, intake: intakeBody() as Parameters<typeof takeInCase>[1]['intake'] })).state;
    const parent = await take();
    const child = await take();
    await actOnCase(ctx, { actor: operator, caseId: child.id, command: { type: 'merge', parent: { caseId: parent.id, caseNumber: '', status: 'received' } } });
    const lead = await resolveUnit(ctx, WANGJING, 'lead');
    const handler: Actor = { ...(await actorOf(env, 'wangjing.handler')) };
    const evidence: CaseAttachment[] = await resolveAttachments(ctx, [await uploadPhoto(await env.as('wangjing.handler'))]);
    const run = (actor: Actor, command: CaseCommand) => actOnCase(ctx, { actor, caseId: parent.id, command });
    await run(dispatcher, { type: 'dispatch', plan: { lead, coHandlers: [] } });
    await run(handler, { type: 'sign' });
    await run(handler, { type: 'contact', method: 'phone' });
    await run(handler, { type: 'submit_feedback', summary: '已修复', isSolved: true, attachments: evidence });
    await run(dispatcher, { type: 'close' });
    expect((await ctx.repos.cases.load(child.id))?.state.status).toBe('closed'); // closed with its parent

    const visitor = await env.as('visitor');
    const queued = async () => ((await visitor.get('/api/visits/queue?limit=500')).json().items as Array<{ caseId: string }>).map((i) => i.caseId);
    expect(await queued()).toContain(parent.id);
    expect(await queued()).not.toContain(child.id);
    const refused = await visitor.post(`/api/visits/${child.id}/attempts`, { result: 'reached', isContacted: true, isSolved: true, satisfaction: 'satisfied' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'VISIT_MERGED_CHILD', details: { parentCaseNumber: parent.caseNumber } });

    expect((await admin.patch('/api/scoring/settings/policy', { mergedChildren: 'cluster_visit' })).statusCode).toBe(200);
    expect(await queued()).toContain(child.id);
    const visited = await visitor.post(`/api/visits/${child.id}/attempts`, { result: 'reached', isContacted: true, isSolved: true, satisfaction: 'satisfied' });
    expect(visited.json()).toMatchObject({ caseStatus: 'visited', periodKey: PERIOD });
    expect(await ctx.repos.scoreFacts.findByCase(child.id)).toMatchObject({ leadUnitCode: WANGJING, isValid: true, isSolved: true });
    expect((await admin.patch('/api/scoring/settings/policy', { mergedChildren: 'main_case_visit' })).statusCode).toBe(200);
  });
});

describe('成绩单', () => {
  it('explains itself on its 说明 sheet, in Chinese, with the tie note on the class sheet; the printable page carries the same text', async () => {
    const xlsx = await evaluator.get(`/api/scoring/periods/${PERIOD}/score-sheet?format=xlsx&source=live`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const info = wb.getWorksheet('说明');
    const notes = new Map<string, string>();
    info?.eachRow((r, i) => {
      if (i > 1) notes.set(String(r.getCell(1).value), String(r.getCell(2).value));
    });
    const text = [...notes].map(([k, v]) => `${k}：${v}`).join('\n');
    console.log(`成绩单 说明 (${PERIOD}):\n${text}`);
    expect([...notes.keys()]).toEqual([
      '考核周期',
      '成绩单版本',
      '计分规则版本',
      '样本',
      '计算公式',
      '权重',
      '舍入',
      '考核类别',
      '最少样本',
      '官方排序',
      '并列规则',
      '诉求量',
      '进步较快',
      '治理类',
      '申诉时限',
      '并案工单',
    ]);
    expect(notes.get('考核周期')).toBe('2026-11（2026-10-19 至 2026-11-18，每月 19 日起算，北京时间）');
    expect(notes.get('计算公式')).toContain('综合得分 = 100 × （0.1 × 响应率 + 0.5 × 解决率 + 0.4 × 满意率）');
    expect(notes.get('最少样本')).toContain('街乡镇 10 件');
    expect(notes.get('舍入')).toContain('四舍五入保留两位小数');
    expect(notes.get('申诉时限')).toContain('回访完成后 7 日内');
    const streets = wb.getWorksheet('街乡镇');
    const values: string[] = [];
    streets?.eachRow((r) => values.push(String(r.getCell(1).value ?? '')));
    expect(values.at(-1)).toBe(
      `前10名边界并列：${month.names.T1}、${month.names.T2}、${month.names.T3}综合得分同为64.00分（并列第9名），按并列规则列入${month.names.T1}、${month.names.T2}，${month.names.T3}未列入。`,
    );
    const u1 = streets?.getRows(2, streets.rowCount - 1)?.find((r) => r.getCell(3).value === code('U1'));
    expect(u1?.getCell(19).value).toBe('不参与排名（n < 10）');
    expect(wb.getWorksheet('区级部门（朝阳区）')).toBeDefined();

    const html = await evaluator.get(`/api/scoring/periods/${PERIOD}/score-sheet?format=html&source=live&class=street`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('<dt>并列规则</dt>');
    expect(html.body).toContain('不参与排名（n &lt; 10）');
    // 打印 works under the CSP (script-src 'self'): no inline handler, one script file from our origin.
    expect(html.body).not.toMatch(/\son[a-z]+=/i);
    expect(html.body).toContain('<script src="/api/public/print.js" defer></script>');
    expect(html.headers['content-security-policy']).toContain("script-src 'self'");
    const script = await env.app.inject({ method: 'GET', url: '/api/public/print.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('text/javascript');
    expect(script.body).toContain('window.print()');
  });
});
