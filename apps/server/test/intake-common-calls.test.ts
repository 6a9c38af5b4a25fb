// Twenty common calls through the real suggestion endpoint on a fresh demo database (no category
// model): the dispatch catalogue must name the right category leaf and lead unit. The texts are
// written here, not taken from the catalogue or its simulation samples; the expected category and
// lead are what a Beijing dispatcher would choose (enterprise for a utility fault, the street for a
// neighbourhood matter, the licensing department for its field). Prints the table; asserts ≥ 18/20.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, type TestEnv, startTestEnv } from './harness';

let env: TestEnv;
let operator: Client;
let admin: Client;

beforeAll(async () => {
  env = await startTestEnv();
  operator = await env.as('operator');
  admin = await env.as('admin');
});
afterAll(async () => env?.close());

const WJ = '朝阳区望京街道花家地西里三区';
const ZGC = '海淀区中关村街道中关村大街27号';

interface Call {
  subject: string;
  detail: string;
  address: string;
  category: string;
  lead: string;
}

const CALLS: Call[] = [
  { subject: '厨房有煤气味', detail: '一进门就闻到很重的煤气味，怀疑管道漏气，家里有老人。', address: WJ, category: '燃气泄漏', lead: '北京市燃气集团' },
  { subject: '家里没水了', detail: '今天早上起来就停水了，物业说不知道原因。', address: ZGC, category: '停水', lead: '北京市自来水集团' },
  { subject: '楼里停电', detail: '晚上八点整栋楼突然断电，到现在还没来电。', address: WJ, category: '停电', lead: '国网北京市电力公司' },
  { subject: '暖气一点都不热', detail: '供暖开始一周了，暖气片是凉的，屋里只有十四度。', address: ZGC, category: '供暖不热', lead: '北京市热力集团' },
  { subject: '井盖没了', detail: '小区门口的井盖丢了，晚上看不见，很危险。', address: WJ, category: '井盖缺失', lead: '望京街道' },
  { subject: '马路塌了个坑', detail: '路口路面塌陷了，坑有一米多深，车过不去。', address: ZGC, category: '路面塌陷', lead: '海淀区城市管理委员会' },
  { subject: '半夜工地还在干活', detail: '旁边的工地每天夜间施工到凌晨，机器声吵得睡不着。', address: WJ, category: '夜间施工噪声', lead: '朝阳区城市管理综合行政执法局' },
  { subject: '邻居盖违建', detail: '一楼住户在院子里私自扩建房子，是违建，挡了大家的路。', address: ZGC, category: '违法建设', lead: '中关村街道' },
  { subject: '路边违停严重', detail: '辅路上每天都有车违章停车，公交车都过不去。', address: WJ, category: '占道停车', lead: '朝阳区公安分局' },
  { subject: '老板欠薪不给', detail: '在餐馆打工三个月，老板拖欠工资一直不发。', address: ZGC, category: '拖欠工资', lead: '海淀区人力资源和社会保障局' },
  { subject: '学校乱收费', detail: '孩子学校开学要交资料费和补课费，家长很有意见。', address: WJ, category: '学校收费', lead: '朝阳区教育委员会' },
  { subject: '超市卖过期牛奶', detail: '在超市买的牛奶已经过期了，担心食品安全。', address: ZGC, category: '食品安全', lead: '海淀区市场监督管理局' },
  { subject: '下水道堵了', detail: '楼下下水道堵死了，污水往外返，臭得很。', address: WJ, category: '排水不畅', lead: '北京城市排水集团' },
  { subject: '饭馆油烟太大', detail: '楼下饭馆的油烟直接排到我家窗户上。', address: ZGC, category: '餐饮油烟', lead: '海淀区城市管理综合行政执法局' },
  { subject: '楼上太吵', detail: '楼上邻居天天晚上跳绳，噪音扰民，说了也不听。', address: WJ, category: '生活噪声', lead: '望京街道' },
  { subject: '电梯又坏了', detail: '我们楼的电梯故障三天了，八十岁的老人下不了楼。', address: ZGC, category: '电梯故障', lead: '中关村街道' },
  { subject: '健身房关门退不了钱', detail: '办的健身卡是预付卡，健身房突然关门，钱退不回来。', address: WJ, category: '预付卡退费', lead: '朝阳区市场监督管理局' },
  { subject: '单车堵路', detail: '地铁口的共享单车乱停放，盲道都被占了。', address: ZGC, category: '共享单车', lead: '中关村街道' },
  { subject: '想取公积金', detail: '想提取公积金交房租，需要什么手续？', address: WJ, category: '公积金提取', lead: '北京住房公积金管理中心' },
  { subject: '垃圾没人收', detail: '小区垃圾桶满了好几天，垃圾没人清运，招苍蝇。', address: ZGC, category: '垃圾清运', lead: '中关村街道' },
];

it('routes at least 18 of 20 common calls to the right category and lead on a fresh demo, with no model', async () => {
  const rows: string[] = [];
  let right = 0;
  for (const c of CALLS) {
    const res = await operator.post('/api/intake/suggestions', { subject: c.subject, detail: c.detail, address: c.address });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    const category = (s.category.categoryName as string | null) ?? '—';
    const lead = (s.leadUnit.lead?.name as string | undefined) ?? '—';
    const ok = category === c.category && lead === c.lead;
    if (ok) right++;
    // every suggestion says why, naming the catalogue entry
    if (s.category.decidedBy === 'catalogue') expect(s.category.explanationZh).toContain('派单目录条目');
    const co = (s.leadUnit.coHandlers as Array<{ name: string }>).map((u) => u.name).join('、');
    rows.push(`${ok ? '✓' : '✗'} ${c.subject} → ${category} / ${lead}${co ? ` (协办 ${co})` : ''}${ok ? '' : `   (expected ${c.category} / ${c.lead})`}`);
  }
  console.log(`\n20 common calls, fresh demo database, no category model:\n${rows.join('\n')}\nright: ${right}/20\n`);
  expect(right).toBeGreaterThanOrEqual(18);
});

it('lets administrators edit the catalogue: validated with the field named, audited, effective at once', async () => {
  const current = await operator.get('/api/intake/dispatch-catalogue');
  expect(current.statusCode, current.body).toBe(200);
  const view = current.json();
  expect(view.source).toBe('default');
  expect(view.entries.length).toBeGreaterThanOrEqual(80);
  expect(view.entries.every((e: { categoryCode: string | null }) => e.categoryCode !== null)).toBe(true);
  const entries = view.entries.map(({ categoryCode: _, ...e }: { categoryCode: string | null }) => e);

  expect((await operator.put('/api/intake/dispatch-catalogue', { entries })).statusCode).toBe(403);
  const badPath = await admin.put('/api/intake/dispatch-catalogue', { entries: [{ ...entries[0], categoryPath: ['城乡建设', '没有这个'] }, ...entries.slice(1)] });
  expect(badPath.statusCode).toBe(400);
  expect(badPath.json().error.field).toBe('body.entries[0].categoryPath');
  const badLead = await admin.put('/api/intake/dispatch-catalogue', { entries: [{ ...entries[0], lead: { kind: 'unit_class', unitClass: 'department' } }] });
  expect(badLead.statusCode).toBe(400);
  expect(badLead.json().error.field).toBe('body.entries[0].lead.departmentKind');

  // A city that sends 共享单车 to the transport commission, with the street assisting.
  const draft = { subject: '单车堵路', detail: '地铁口的共享单车乱停放。', address: WJ };
  expect((await operator.post('/api/intake/suggestions', draft)).json().leadUnit.lead.name).toBe('望京街道');
  const edited = entries.map((e: { id: string }) =>
    e.id === 'shared-bikes'
      ? { ...e, lead: { kind: 'unit_class', unitClass: 'department', departmentKind: '交通' }, coHandlers: [{ kind: 'unit_class', unitClass: 'street' }] }
      : e,
  );
  const put = await admin.put('/api/intake/dispatch-catalogue', { entries: edited });
  expect(put.statusCode, put.body).toBe(200);
  expect(put.json().source).toBe('administrator');
  const after = (await operator.post('/api/intake/suggestions', draft)).json();
  expect(after.leadUnit.lead.name).toBe('北京市交通委员会');
  expect(after.leadUnit.coHandlers.map((u: { name: string }) => u.name)).toEqual(['望京街道']);
  const audit = await env.rt.ctx.db.selectFrom('audit_log').select(['action', 'data']).where('action', '=', 'intake.dispatch_catalogue.put').execute();
  expect(audit).toHaveLength(1);
  expect((audit[0]?.data as { changed: string[] }).changed).toEqual(['shared-bikes']);
});
