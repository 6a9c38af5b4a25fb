// A month for 每月一题: ordinary traffic — the recurring problems every city hears about, in many
// phrasings and places — over the preceding months and the month itself, with one problem planted
// in the month only, spread over many streets (a new, common, hard problem). Cases go through the
// real intake use case (so their words, and the live hotspot attach, are the product's own); a share
// of the planted cases are handled, closed and visited, mostly unsolved, through the real use cases.
import { randomUUID } from 'node:crypto';
import type { Actor, Role, Unit } from '@jiesu/core';
import type { AppContext } from '../context';
import { performCaseAction } from '../use-cases/cases/perform-case-action';
import { type CaseActionBody, caseActionRequest, type HttpCaseAction } from '@jiesu/contracts';
import { takeInCase } from '../use-cases/cases/take-in-case';
import { recordVisitAttempt } from '../use-cases/visits/record-visit-attempt';

export interface SimulateTopicsOptions {
  /** Ordinary cases per month. */
  casesPerMonth: number;
  /** Months of ordinary traffic before the month (growth is measured against them). */
  previousMonths: number;
  /** Planted cases in the month. */
  plantedCases: number;
  /** Streets the planted problem is spread over (at most the streets there are). */
  plantedStreets: number;
  /** First instant of the month (the planted problem's month); traffic runs from previousMonths before it. */
  monthStart: Date;
  /** Days in the month. */
  days: number;
  seed: number;
  /** Share of planted cases handled, closed and visited (the "hard" signal: mostly unsolved). */
  handledShare?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SimulateTopicsReport {
  ordinary: number;
  planted: number;
  plantedCaseIds: string[];
  plantedStreets: number;
  handled: number;
  failures: string[];
}

/** The planted problem: 电动自行车充电难 — residents charge e-bikes from flying leads (飞线充电). */
const PLANTED = {
  categoryHint: ['充电', '消防', '安全隐患', '电动自行车'],
  subjects: [
    '小区电动自行车充电难',
    '电动车没地方充电只能飞线',
    '楼道飞线给电动车充电有火灾隐患',
    '小区缺少电动自行车充电桩',
    '电动自行车充电桩太少排不上',
    '居民私拉电线给电瓶车充电',
  ],
  details: [
    '{place}没有电动自行车充电桩，居民只能从楼上拉电线飞线充电，晚上楼道里全是电动车，存在很大的火灾隐患，希望增设充电桩。',
    '{place}电动车充电桩数量太少，下班回来根本排不上，很多人把电瓶推进楼道或家里充电，非常危险，请协调安装充电设施。',
    '{place}居民私拉电线给电动自行车充电，电线从窗户垂下来，物业不管，担心起火，希望有关部门尽快建设集中充电棚。',
    '{place}原有充电桩坏了一半没人维修，电动自行车充电难，不少居民飞线充电，消防通道也被电动车占了。',
  ],
};

/** Ordinary recurring problems: each with phrasings and a category hint (categories are looked up by name). */
const ORDINARY: { hint: string[]; subjects: string[]; details: string[] }[] = [
  {
    hint: ['噪声', '噪音'],
    subjects: ['夜间施工噪音扰民', '工地晚上施工太吵'],
    details: ['{place}旁边工地夜里十一点以后还在施工，打桩机噪音很大，影响休息。', '{place}附近建筑工地凌晨施工，噪声扰民，孩子无法入睡。'],
  },
  {
    hint: ['噪声', '广场舞'],
    subjects: ['广场舞音响声音太大', '早晨公园音响扰民'],
    details: ['{place}楼下广场舞每天晚上音响开得很大，持续到十点，严重扰民。', '{place}公园里一早就有人放大音响唱歌，住户不堪其扰。'],
  },
  {
    hint: ['停车', '车辆'],
    subjects: ['车辆乱停堵塞消防通道', '小区门口违停严重'],
    details: ['{place}门口和消防通道常年被私家车占用，救护车进不来。', '{place}路边车辆双排停放，早晚高峰堵得水泄不通。'],
  },
  {
    hint: ['供水', '停水'],
    subjects: ['家中突然停水', '自来水水压太低'],
    details: ['{place}从早上开始停水，没有任何通知，生活受影响。', '{place}高层住户水压不足，洗澡都困难，请供水部门检查。'],
  },
  {
    hint: ['供暖', '暖气'],
    subjects: ['暖气不热', '供暖温度不达标'],
    details: ['{place}家里暖气片冰凉，室温只有十四度，老人孩子受不了。', '{place}供暖以来温度一直不达标，找物业也没有解决。'],
  },
  {
    hint: ['垃圾', '环境卫生'],
    subjects: ['垃圾清运不及时', '垃圾桶满了没人收'],
    details: ['{place}垃圾桶已经满溢好几天了，没人清运，气味难闻。', '{place}垃圾站周边堆满垃圾，夏天招苍蝇蚊子。'],
  },
  {
    hint: ['路灯', '照明'],
    subjects: ['路灯不亮', '小区路灯坏了很久'],
    details: ['{place}门前一段路灯坏了一个多月，晚上漆黑一片，行人不安全。', '{place}主路路灯不亮，老人晚上出行摔倒过。'],
  },
  {
    hint: ['道路', '路面'],
    subjects: ['路面坑洼破损', '人行道地砖松动'],
    details: ['{place}门口路面塌陷出一个大坑，下雨积水，车辆经过很危险。', '{place}人行道地砖松动翘起，多人被绊倒，请尽快修复。'],
  },
  { hint: ['物业'], subjects: ['物业服务差', '物业乱收费'], details: ['{place}物业公司服务不到位，楼道卫生无人打扫，报修也不来。', '{place}物业擅自上涨停车费，业主不认可。'] },
  {
    hint: ['油烟', '餐饮'],
    subjects: ['餐馆油烟扰民', '烧烤摊油烟直排'],
    details: ['{place}楼下餐馆没有安装油烟净化设备，油烟直排进住户家里。', '{place}路边烧烤摊每晚营业到深夜，油烟熏人。'],
  },
  {
    hint: ['园林', '绿化', '树木'],
    subjects: ['树木遮挡采光需要修剪', '绿地被毁'],
    details: ['{place}楼前大树枝叶遮挡低层住户采光，希望园林部门修剪。', '{place}小区绿地被人私自开垦种菜，请恢复绿化。'],
  },
  {
    hint: ['电梯', '特种设备'],
    subjects: ['电梯经常故障', '电梯困人'],
    details: ['{place}电梯一个月坏了三次，老人上下楼很困难。', '{place}电梯运行时异响，还发生过困人，担心安全。'],
  },
  {
    hint: ['排水', '下水'],
    subjects: ['下水道堵塞返味', '雨水井堵塞积水'],
    details: ['{place}楼下下水道堵塞，污水漫到路面，臭味很大。', '{place}一下雨就积水，雨水井被堵，车辆无法通行。'],
  },
  {
    hint: ['工资', '劳动'],
    subjects: ['公司拖欠工资', '工资被克扣'],
    details: ['{place}一家装修公司拖欠工人三个月工资，老板不接电话。', '{place}单位无故克扣加班费，希望劳动监察介入。'],
  },
  {
    hint: ['公交', '交通'],
    subjects: ['公交车间隔太长', '希望增设公交站'],
    details: ['{place}附近的公交线路间隔半小时以上，早高峰挤不上。', '{place}周边没有公交站，居民出行要走很远。'],
  },
  {
    hint: ['共享单车', '非机动车'],
    subjects: ['共享单车乱停乱放', '单车堆满人行道'],
    details: ['{place}地铁口共享单车堆成山，行人无法通过。', '{place}门口共享单车乱停，堵住盲道。'],
  },
  { hint: ['宠物', '犬'], subjects: ['遛狗不拴绳', '狗叫扰民'], details: ['{place}有人遛大型犬不拴绳，小孩被吓到。', '{place}邻居家的狗整夜叫，影响休息。'] },
  { hint: ['房屋', '漏水'], subjects: ['楼上漏水', '外墙渗水'], details: ['{place}楼上住户卫生间漏水，我家天花板发霉，协商无果。', '{place}外墙保温层渗水，墙面大面积发霉。'] },
  { hint: ['教育', '入学'], subjects: ['咨询小学入学政策', '孩子入园难'], details: ['{place}想咨询非京籍孩子小学入学需要哪些材料。', '{place}附近幼儿园学位不够，孩子报不上名。'] },
  { hint: ['医保', '社会保障'], subjects: ['咨询医保报销', '社保转移问题'], details: ['{place}居民咨询异地就医医保报销比例和手续。', '{place}想了解社保关系从外地转入的流程。'] },
];

const HOUR = 3_600_000;

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T, chance: (p: number) => next() < p };
}

function simActor(unit: Pick<Unit, 'code' | 'path' | 'class'>, roles: Role[], name: string): Actor {
  return { userId: randomUUID(), username: `sim.${unit.code}`, displayName: name, unitCode: unit.code, unitPath: unit.path, unitClass: unit.class, roles };
}

export async function simulateTopics(ctx: AppContext, opts: SimulateTopicsOptions): Promise<SimulateTopicsReport> {
  const r = rng(opts.seed);
  const realNow = ctx.now;
  const report: SimulateTopicsReport = { ordinary: 0, planted: 0, plantedCaseIds: [], plantedStreets: 0, handled: 0, failures: [] };
  const all = async (cls: Unit['class']) => (await ctx.repos.units.list({ scopePath: '/', class: cls, limit: 100_000, offset: 0 })).items;
  const centre = (await all('centre'))[0];
  if (!centre) throw new Error('the organisation is empty: run `jiesu seed` first');
  const streets = new Map((await all('street')).map((s) => [s.code, s]));
  const communities = (await all('community')).filter((c) => c.parentCode !== null && streets.has(c.parentCode));
  if (communities.length === 0) throw new Error('no communities: run `jiesu seed` first');
  const leaves = (await ctx.repos.categories.listAll()).filter((c) => c.level === 3);
  if (leaves.length === 0) throw new Error('no categories: run `jiesu seed` first');
  // The same problem is classified the same way: a category found by name, else one fixed per problem.
  const categoryFor = (hint: readonly string[]): string => (leaves.find((c) => hint.some((h) => c.name.includes(h))) ?? r.pick(leaves)).code;
  const ordinary = ORDINARY.map((o) => ({ ...o, categoryCode: categoryFor(o.hint) }));
  const plantedCategory = categoryFor(PLANTED.categoryHint);

  const operator = simActor(centre, ['operator'], '模拟话务员');
  const dispatcher = simActor(centre, ['dispatcher'], '模拟派单员');
  const visitor = simActor(centre, ['visitor'], '模拟回访员');
  const monthMs = opts.days * 24 * HOUR;
  const start = opts.monthStart.getTime() - opts.previousMonths * monthMs;
  // The planted problem's streets: many, across districts.
  const streetList = [...new Set(communities.map((c) => c.parentCode as string))];
  const plantedStreetCodes = new Set<string>();
  while (plantedStreetCodes.size < Math.min(opts.plantedStreets, streetList.length)) plantedStreetCodes.add(r.pick(streetList));
  const plantedCommunities = communities.filter((c) => plantedStreetCodes.has(c.parentCode as string));
  report.plantedStreets = plantedStreetCodes.size;

  type Arrival = { at: number; planted: boolean };
  const arrivals: Arrival[] = [];
  for (let m = 0; m <= opts.previousMonths; m++) for (let i = 0; i < opts.casesPerMonth; i++) arrivals.push({ at: start + m * monthMs + r.next() * monthMs, planted: false });
  // Planted cases rise through the month (a problem spreading), each street a few times.
  for (let i = 0; i < opts.plantedCases; i++) arrivals.push({ at: opts.monthStart.getTime() + Math.sqrt(r.next()) * monthMs, planted: true });
  arrivals.sort((a, b) => a.at - b.at);
  const phones: string[] = [];
  try {
    for (const [i, a] of arrivals.entries()) {
      ctx.now = () => new Date(a.at);
      const community = a.planted ? r.pick(plantedCommunities) : r.pick(communities);
      const street = streets.get(community.parentCode as string) as Unit;
      const place = `${street.name}${community.name}${1 + Math.floor(r.next() * 20)}号楼`;
      const o = a.planted ? { ...PLANTED, categoryCode: plantedCategory } : r.pick(ordinary);
      // Some residents call again about the same thing (repeat calls).
      const phone = a.planted && phones.length > 0 && r.chance(0.15) ? r.pick(phones) : `13${String(Math.floor(r.next() * 1e9)).padStart(9, '0')}`;
      if (a.planted) phones.push(phone);
      const { state } = await takeInCase(ctx, {
        actor: operator,
        idempotencyKey: `simtopics-${opts.seed}-${i}`,
        intake: {
          channel: 'phone',
          kind: 'complaint',
          categoryCode: o.categoryCode,
          urgency: 'general',
          requester: { name: r.pick(['王先生', '李女士', '张先生', '刘女士', '陈先生']), phone, isAnonymous: false },
          subject: r.pick(o.subjects),
          detail: r.pick(o.details).replace('{place}', place),
          location: { address: place, coordinates: null, districtCode: street.parentCode, streetCode: street.code, communityCode: community.code },
        },
      });
      if (a.planted) {
        report.planted++;
        report.plantedCaseIds.push(state.id);
        if (r.chance(opts.handledShare ?? 0.4)) {
          if (await handle(ctx, state.id, street, dispatcher, visitor, a.at, r.chance(0.3), report)) report.handled++;
        }
      } else report.ordinary++;
      opts.onProgress?.(i + 1, arrivals.length);
    }
  } finally {
    ctx.now = realNow;
  }
  return report;
}

/** Dispatch → sign → contact → feedback → close → visit, through the real use cases. */
async function handle(
  ctx: AppContext,
  caseId: string,
  street: Unit,
  dispatcher: Actor,
  visitor: Actor,
  at: number,
  solved: boolean,
  report: SimulateTopicsReport,
): Promise<boolean> {
  const handler = simActor(street, ['handler'], `${street.name} 承办人`);
  let t = at;
  const step = async <A extends HttpCaseAction>(who: Actor, action: A, body: CaseActionBody<A>, hours: number) => {
    t += hours * HOUR;
    ctx.now = () => new Date(t);
    await performCaseAction(ctx, { actor: who, caseId, request: caseActionRequest(action, body) });
  };
  try {
    await step(dispatcher, 'dispatch', { lead: street.code }, 1);
    await step(handler, 'sign', {}, 1);
    await step(handler, 'contact', { method: 'phone' }, 2);
    await step(handler, 'submit_feedback', { summary: solved ? '已增设临时充电点。' : '小区无建设条件，已向上级反映。', isSolved: solved }, 48);
    await step(dispatcher, 'close', {}, 2);
    t += 24 * HOUR;
    ctx.now = () => new Date(t);
    await recordVisitAttempt(ctx, {
      actor: visitor,
      caseId,
      attempt: { result: 'reached', isContacted: true, isSolved: solved, satisfaction: solved ? 'satisfied' : 'dissatisfied' },
    });
    return true;
  } catch (e) {
    if (report.failures.length < 20) report.failures.push(e instanceof Error ? e.message : String(e));
    return false;
  }
}
