// Intake suggestions over HTTP (docs/intake.md): urgency with the rule named, address → street,
// category and lead from the dispatch catalogue (and a model when one is active), lead unit by
// routing rules and duty lists, duplicates in the same street only, knowledge-base
// answers valid today, administrator edits taking effect at once, and field-named validation
// errors. Runs on PGlite and PostgreSQL.
import { serializeModel, trainCategoryModel } from '@jiesu/nlp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../packages/nlp/test/fixtures';
import { seedDemoKnowledge } from '../src/seed/seed-knowledge';
import { intakeBody } from './case-helpers';
import { type Client, type TestEnv, startTestEnv } from './harness';

let env: TestEnv;
let admin: Client;
let operator: Client;
let dispatcher: Client;
let handler: Client;

const WANGJING = '110105026';
const HUAJIADI = '110105026046'; // 花家地西里三区社区

beforeAll(async () => {
  env = await startTestEnv();
  admin = await env.as('admin');
  operator = await env.as('operator');
  dispatcher = await env.as('dispatcher');
  handler = await env.as('wangjing.handler');
  await seedDemoKnowledge(env.rt.ctx);
});
afterAll(async () => {
  await env?.close();
});

async function suggest(c: Client, draft: Record<string, unknown>) {
  const res = await c.post('/api/intake/suggestions', draft);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function categoryCode(...names: string[]): Promise<string> {
  let parent: string | null = null;
  for (const name of names) {
    let q = env.rt.ctx.db.selectFrom('categories').select('code').where('name', '=', name);
    q = parent === null ? q.where('parent_code', 'is', null) : q.where('parent_code', '=', parent);
    parent = (await q.executeTakeFirstOrThrow()).code;
  }
  return parent as string;
}

describe('suggestions', () => {
  it('refuses other roles and names the bad field', async () => {
    expect((await handler.post('/api/intake/suggestions', { subject: '噪音', detail: '' })).statusCode).toBe(403);
    const missing = await operator.post('/api/intake/suggestions', { detail: '没有标题' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('body.subject');
    const badKind = await operator.post('/api/intake/suggestions', { subject: 'x', detail: 'y', kind: 'rumour' });
    expect(badKind.json().error.field).toBe('body.kind');
  });

  it('suggests emergency for a gas leak, names the rule, resolves the street and routes to the gas company', async () => {
    const s = await suggest(operator, {
      subject: '楼道燃气泄漏',
      detail: '楼道里闻到很浓的煤气味，怀疑燃气泄漏，请马上派人来。',
      address: '朝阳区望京街道花家地西里三区5号楼',
      categoryCode: await categoryCode('城乡建设', '燃气供应', '燃气泄漏'),
    });
    expect(s.urgency.urgency).toBe('emergency');
    expect(s.urgency.rule.id).toBe('gas-leak');
    expect(s.urgency.explanation).toContain('gas-leak');
    // every reason comes in Chinese too, for the zh-CN console
    expect(s.urgency.explanationZh).toMatch(/^关键词「.+」命中规则 gas-leak（燃气泄漏有爆炸和中毒风险，燃气公司须立即赶到），建议为紧急。/);
    expect(s.location.street).toEqual({ code: WANGJING, name: '望京街道' });
    expect(s.location.community.code).toBe(HUAJIADI);
    expect(s.location.confidence).toBeGreaterThan(0.5);
    expect(s.location.explanation).toContain('望京');
    expect(s.location.explanationZh).toMatch(/^地址解析为 朝阳区 › 望京街道 › 花家地西里三区社区（社区级）。匹配：「.+」= /);
    expect(s.leadUnit.lead.code).toBe('E110000-GAS');
    expect(s.leadUnit.rule.id).toBe('catalogue:gas-leak');
    expect(s.leadUnit.coHandlers.map((u: { name: string }) => u.name)).toEqual(['望京街道']);
    expect(s.category.decidedBy).toBe('operator');
    expect(s.category.catalogue[0].entryId).toBe('gas-leak');
    expect(s.category.available).toBe(false);
    expect(s.category.explanation).toContain('jiesu model import');
    expect(s.category.explanationZh).toContain('没有启用的类别模型');
    expect(s.leadUnit.explanationZh).toMatch(/^类别 燃气泄漏（\d+，已选择）。.*适用规则「catalogue:gas-leak」/);
    expect(s.duplicatesExplanationZh).toContain('望京街道');
    expect(s.knowledgeExplanationZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('resolves another address to its own street', async () => {
    const s = await suggest(dispatcher, { subject: '路灯不亮', detail: '晚上一片漆黑。', address: '海淀区中关村街道中关村大街27号' });
    expect(s.location.district.name).toBe('海淀区');
    expect(s.location.street.name).toBe('中关村街道');
    expect(s.urgency.urgency).toBe('general');
    expect(s.urgency.rule).toBeNull();
  });

  it('uses an imported model: labels with probabilities, drivers and mapped level-1 codes', async () => {
    const model = trainCategoryModel(FIXTURES, { createdAt: new Date(0) });
    const imported = await admin.post('/api/intake/models', { artifact: serializeModel(model), source: 'test fixtures' });
    expect(imported.statusCode, imported.body).toBe(201);
    expect((await operator.post('/api/intake/models', { artifact: serializeModel(model) })).statusCode).toBe(403);
    const bad = await admin.post('/api/intake/models', { artifact: { format: 'something-else' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.artifact');

    const s = await suggest(operator, { subject: '孩子入学问题', detail: '孩子今年上小学，学校离家太远，请教育局解决入学问题。', address: '朝阳区望京街道' });
    expect(s.category.available).toBe(true);
    expect(s.category.labels[0].label).toBe('教育文体');
    expect(s.category.labels[0].probability).toBeGreaterThan(0.3);
    expect(s.category.drivers.length).toBeGreaterThan(0);
    // the fixtures' labels are not level-1 names of jiesu's tree: nothing maps, the catalogue decides
    expect(s.category.mappedCategoryCodes).toEqual([]);
    expect(s.category.decidedBy).toBe('catalogue');
    expect(s.category.categoryCode).toBe(await categoryCode('教育', '学校教育', '入学入园'));
    expect(s.leadUnit.lead.name).toContain('教育委员会');
  });

  it('combines catalogue and model: agreement takes the leaf, no catalogue match leaves it to the model', async () => {
    // The fixtures relabelled with jiesu's level-1 names, so the model's labels map to codes.
    const names: Record<string, string> = { 交通运输: '交通管理', 教育文体: '教育', 环境保护: '生态环境', 卫生计生: '卫生健康' };
    const model = trainCategoryModel(
      FIXTURES.map((f) => ({ ...f, label: names[f.label] as string })),
      { createdAt: new Date(0) },
    );
    expect((await admin.post('/api/intake/models', { artifact: serializeModel(model), source: 'relabelled fixtures' })).statusCode).toBe(201);

    const both = await suggest(operator, { subject: '孩子入学问题', detail: '孩子今年上小学，学校离家太远，请教育局解决入学问题。', address: '朝阳区望京街道' });
    expect(both.category.labels[0].label).toBe('教育');
    expect(both.category.decidedBy).toBe('catalogue_and_model');
    expect(both.category.categoryCode).toBe(await categoryCode('教育', '学校教育', '入学入园'));
    expect(both.category.explanation).toContain('The model agrees');
    expect(both.category.explanationZh).toContain('模型在一级上一致');

    // no catalogue phrase in the text: the model's level-1 category, routed by the level-1 rule
    const modelOnly = await suggest(operator, { subject: '孩子上学的事', detail: '想请教育部门帮忙解决孩子读书的困难。', address: '朝阳区望京街道' });
    expect(modelOnly.category.catalogue).toEqual([]);
    expect(modelOnly.category.decidedBy).toBe('model');
    expect(modelOnly.category.categoryCode).toBe(await categoryCode('教育'));
    expect(modelOnly.leadUnit.lead.name).toContain('教育委员会');
    expect(modelOnly.leadUnit.explanation).toContain('suggested by the model');
  });
});

describe('administrator reference', () => {
  it('urgency rules: validated with the field named, audited, and effective at once', async () => {
    const current = (await admin.get('/api/intake/urgency-rules')).json();
    expect(current.source).toBe('default');
    const bad = await admin.put('/api/intake/urgency-rules', { rules: [{ id: 'x', pattern: 'a||b', urgency: 'emergency', priority: 1 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.rules[0].pattern');
    expect((await operator.put('/api/intake/urgency-rules', { rules: current.rules })).statusCode).toBe(403);

    const draft = { subject: '路面大坑', detail: '小区门口路面有一个大坑。', address: '朝阳区望京街道' };
    expect((await suggest(operator, draft)).urgency.urgency).toBe('general');
    const rules = [...current.rules, { id: 'road-hole', pattern: '大坑', urgency: 'emergency', priority: 5, note: 'test rule' }];
    const put = await admin.put('/api/intake/urgency-rules', { rules });
    expect(put.statusCode, put.body).toBe(200);
    const s = await suggest(operator, draft);
    expect(s.urgency.urgency).toBe('emergency');
    expect(s.urgency.rule.id).toBe('road-hole');
    const audit = await env.rt.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', 'intake.urgency_rules').execute();
    expect(audit.map((a) => a.action)).toEqual(['settings.set']);
  });

  it('routing rules and duty lists: a community leads only what its duty list allows', async () => {
    const code = await categoryCode('城市管理', '物业管理', '小区环境');
    const draft = { subject: '小区环境差', detail: '楼下绿地无人管理。', address: '朝阳区望京街道花家地西里三区', categoryCode: code };
    const before = await suggest(operator, draft);
    expect(before.leadUnit.lead.code).toBe(WANGJING);
    expect(before.leadUnit.rule.id).toBe('catalogue:estate-environment');

    const current = (await admin.get('/api/intake/routing-rules')).json();
    const badUnit = await admin.put('/api/intake/routing-rules', {
      rules: [...current.rules, { id: 'x', categoryPrefix: code, target: { kind: 'unit', unitCode: 'NOPE' }, priority: 1 }],
    });
    expect(badUnit.statusCode).toBe(400);
    expect(badUnit.json().error.field).toMatch(/^body\.rules\[\d+\]\.target\.unitCode$/);
    const put = await admin.put('/api/intake/routing-rules', {
      rules: [...current.rules, { id: 'estate-community', categoryPrefix: code, target: { kind: 'unit_class', unitClass: 'community' }, priority: 20 }],
    });
    expect(put.statusCode, put.body).toBe(200);

    const noList = await suggest(operator, draft);
    expect(noList.leadUnit.rule.id).toBe('estate-community');
    expect(noList.leadUnit.basis).toBe('duty_list');
    expect(noList.leadUnit.lead.code).toBe(WANGJING);
    expect(noList.leadUnit.coHandlers.map((u: { code: string }) => u.code)).toEqual([HUAJIADI]);

    expect((await admin.put(`/api/duty-lists/${HUAJIADI}`, { categoryPrefixes: [code] })).statusCode).toBe(200);
    const withList = await suggest(operator, draft);
    expect(withList.leadUnit.lead.code).toBe(HUAJIADI);
    expect(withList.leadUnit.basis).toBe('rule');
    expect(withList.leadUnit.explanation).toContain('duty list');
    expect(withList.leadUnit.explanationZh).toContain('职责清单内');
  });

  it('gazetteer aliases: an estate name resolves once an administrator maps it', async () => {
    const draft = { subject: '电梯坏了', detail: '电梯停运一周。', address: '锦绣华庭3号楼' };
    expect((await suggest(operator, draft)).location.street).toBeNull();
    const bad = await admin.post('/api/intake/aliases', { alias: '锦绣华庭', unitCode: '110105026999', kind: 'estate' });
    expect(bad.statusCode).toBe(404);
    const added = await admin.post('/api/intake/aliases', { alias: '锦绣华庭', unitCode: HUAJIADI, kind: 'estate' });
    expect(added.statusCode, added.body).toBe(201);
    const s = await suggest(operator, draft);
    expect(s.location.community.code).toBe(HUAJIADI);
    expect(s.location.street.code).toBe(WANGJING);
    expect((await admin.delete(`/api/intake/aliases/${added.json().id}`)).statusCode).toBe(204);
  });

  it('boundaries: coordinates inside an uploaded polygon locate the case', async () => {
    const square = [
      [
        [116.46, 39.98],
        [116.49, 39.98],
        [116.49, 40.01],
        [116.46, 40.01],
        [116.46, 39.98],
      ],
    ];
    const bad = await admin.post('/api/intake/boundaries', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { unitCode: WANGJING }, geometry: { type: 'Polygon', coordinates: [[[1, 2]]] } }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.features[0].geometry.coordinates[0]');
    const up = await admin.post('/api/intake/boundaries', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { unitCode: WANGJING }, geometry: { type: 'Polygon', coordinates: square } }],
    });
    expect(up.statusCode, up.body).toBe(200);
    const s = await suggest(operator, { subject: '路灯不亮', detail: '晚上很黑。', coordinates: { lng: 116.47, lat: 39.99 } });
    expect(s.location.source).toBe('coordinates');
    expect(s.location.street.code).toBe(WANGJING);
  });
});

describe('duplicates', () => {
  it('finds a similar open case in the same street, not one in another street or one already finished', async () => {
    const same = await operator.post('/api/cases', intakeBody());
    expect(same.statusCode, same.body).toBe(201);
    const other = await operator.post('/api/cases', intakeBody({ location: { address: '朝阳区建外街道', districtCode: '110105', streetCode: '110105001' } }));
    expect(other.statusCode).toBe(201);
    const finished = await operator.post('/api/cases', intakeBody({ kind: 'consultation' }));
    expect((await dispatcher.post(`/api/cases/${finished.json().id}/answer`, { text: '已转告物业修补。' })).statusCode).toBe(200);
    const unrelated = await operator.post('/api/cases', intakeBody({ subject: '楼上噪音扰民', detail: '楼上住户每天深夜装修，电钻声音很大，无法休息。' }));
    expect(unrelated.statusCode).toBe(201);

    const s = await suggest(operator, {
      subject: '道路破损',
      detail: '花家地西里三区门口路面塌了一个大坑，晚上行人容易摔倒。',
      address: '朝阳区望京街道花家地西里三区',
    });
    const ids = s.duplicates.map((d: { caseId: string }) => d.caseId);
    expect(ids).toEqual([same.json().id]);
    const d = s.duplicates[0];
    expect(d.caseNumber).toBe(same.json().caseNumber);
    expect(d.status).toBe('received');
    expect(d.similarity).toBeGreaterThan(0.15);
    expect(d.sharedWords).toEqual(expect.arrayContaining(['路面', '大坑']));
    expect(s.duplicatesExplanation).toContain('望京街道');
  });

  it('honours the administrator window', async () => {
    const put = await admin.put('/api/intake/duplicate-settings', { windowDays: 1, limit: 5, minSimilarity: 0.9 });
    expect(put.statusCode, put.body).toBe(200);
    const s = await suggest(operator, { subject: '道路破损', detail: '花家地西里三区门口路面塌了一个大坑。', address: '朝阳区望京街道花家地西里三区' });
    expect(s.duplicates).toEqual([]);
    await admin.put('/api/intake/duplicate-settings', { windowDays: 30, limit: 5, minSimilarity: 0.15 });
  });
});

describe('knowledge base', () => {
  it('finds the right demo article and leaves out expired and inactive ones', async () => {
    const res = await operator.get(`/api/knowledge/search?q=${encodeURIComponent('社保卡丢了怎么补办')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0].title).toBe('社保卡补办');
    expect(res.json().items[0].isDemo).toBe(true);

    const expired = await admin.post('/api/knowledge/articles', {
      title: '社保卡补办（旧办法）',
      answer: '社保卡丢失补办社保卡请到原发卡银行社保卡网点补办。',
      validFrom: '2020-01-01T00:00:00+08:00',
      validTo: '2021-01-01T00:00:00+08:00',
    });
    expect(expired.statusCode, expired.body).toBe(201);
    expect((await operator.post('/api/knowledge/articles', { title: 'x', answer: 'y' })).statusCode).toBe(403);
    const badDates = await admin.post('/api/knowledge/articles', { title: '测试', answer: '测试', validFrom: '2022-01-01T00:00:00Z', validTo: '2021-01-01T00:00:00Z' });
    expect(badDates.json().error.field).toBe('body.validTo');

    const after = (await operator.get(`/api/knowledge/search?q=${encodeURIComponent('社保卡丢失补办')}`)).json();
    expect(after.items.map((i: { title: string }) => i.title)).not.toContain('社保卡补办（旧办法）');
    expect(after.items[0].title).toBe('社保卡补办');

    // extending its validity brings it back; switching it off removes it again
    const id = expired.json().id as string;
    expect((await admin.patch(`/api/knowledge/articles/${id}`, { validTo: null })).statusCode).toBe(200);
    const back = (await operator.get(`/api/knowledge/search?q=${encodeURIComponent('社保卡丢失补办')}`)).json();
    expect(back.items.map((i: { title: string }) => i.title)).toContain('社保卡补办（旧办法）');
    await admin.patch(`/api/knowledge/articles/${id}`, { isActive: false });
    const off = (await operator.get(`/api/knowledge/search?q=${encodeURIComponent('社保卡丢失补办')}`)).json();
    expect(off.items.map((i: { title: string }) => i.title)).not.toContain('社保卡补办（旧办法）');
    expect((await admin.delete(`/api/knowledge/articles/${id}`)).statusCode).toBe(204);
  });

  it('a consultation gets the best matching articles with its suggestions', async () => {
    const s = await suggest(operator, { subject: '咨询居住证怎么办理', detail: '外地来京工作一年了，想办居住证，需要什么材料？', kind: 'consultation' });
    expect(s.knowledge[0].title).toBe('居住证办理');
    expect(s.knowledge[0].matchedWords).toContain('居住证');
    expect(s.knowledge.length).toBeLessThanOrEqual(3);
    expect(s.knowledgeExplanation).toContain('直接答复');
    expect(s.knowledgeExplanationZh).toContain('可直接答复');
  });
});
