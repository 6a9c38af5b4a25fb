// `jiesu simulate`: a realistic stream of cases through the real use cases, so a demo database
// looks like a working city. Cases arrive across Beijing's communities over the last days with a
// realistic mix of categories, urgencies and kinds; most are dispatched to the right street and
// handled in time, a share are returned and re-dispatched, disputed, extended, handled late (and
// escalated by the sweep), or answered directly. Handlers are synthetic actors of each unit (no
// user rows), recorded in history as sim.<unit code>. The clock is simulated: ctx.now moves with
// each event, so deadlines, reminders and escalations happen as they would.
import { randomUUID } from 'node:crypto';
import type { Actor, CaseUrgency, Role, Unit } from '@jiesu/core';
import { type CaseActionBody, caseActionRequest, type HttpCaseAction } from '@jiesu/contracts';
import type { AppContext } from '../context';
import { performCaseAction } from '../use-cases/cases/perform-case-action';
import { sweepClocks } from '../use-cases/cases/sweep-clocks';
import { takeInCase } from '../use-cases/cases/take-in-case';
import { recordVisitAttempt } from '../use-cases/visits/record-visit-attempt';

export interface SimulateOptions {
  cases: number;
  /** Cases arrive over this many days before `end`. */
  days: number;
  seed: number;
  end: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface SimulateReport {
  cases: number;
  answered: number;
  returned: number;
  disputed: number;
  extended: number;
  late: number;
  closed: number;
  visited: number;
  open: number;
  escalations: number;
  failures: Array<{ step: string; code: string; message: string }>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Mulberry32: a small seeded PRNG, so a seed gives the same city twice. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    between: (lo: number, hi: number) => lo + next() * (hi - lo),
    weighted: <T extends string>(w: Record<T, number>): T => {
      const total = Object.values<number>(w).reduce((s, x) => s + x, 0);
      let r = next() * total;
      for (const [k, v] of Object.entries<number>(w)) {
        r -= v;
        if (r <= 0) return k as T;
      }
      return Object.keys(w)[0] as T;
    },
  };
}

const SUBJECTS: Record<string, string[]> = {
  emergency: ['楼道内有燃气泄漏的味道', '电梯困人十分钟无人处理', '路面井盖丢失存在安全隐患', '小区配电箱冒烟'],
  utilities: ['小区停水一天没有通知', '暖气不热室温只有15度', '整栋楼停电', '自来水水压过低'],
  general: ['楼下餐馆油烟扰民', '小区门口道路破损', '夜间施工噪声扰民', '垃圾桶满溢无人清运', '共享单车乱停放堵塞人行道', '路灯不亮', '违规占道经营'],
  complex: ['小区违建多年未拆除', '物业与业主纠纷长期未解决', '老旧小区加装电梯协调困难'],
};

function actor(unit: Pick<Unit, 'code' | 'path' | 'class' | 'name'>, roles: Role[], name: string): Actor {
  return { userId: randomUUID(), username: `sim.${unit.code}`, displayName: name, unitCode: unit.code, unitPath: unit.path, unitClass: unit.class, roles };
}

export async function simulateCity(ctx: AppContext, opts: SimulateOptions): Promise<SimulateReport> {
  const r = rng(opts.seed);
  const realNow = ctx.now;
  let simNow = new Date(opts.end.getTime() - opts.days * 24 * HOUR);
  ctx.now = () => simNow;
  const report: SimulateReport = { cases: 0, answered: 0, returned: 0, disputed: 0, extended: 0, late: 0, closed: 0, visited: 0, open: 0, escalations: 0, failures: [] };
  try {
    const all = async (cls: Unit['class']) => (await ctx.repos.units.list({ scopePath: '/', class: cls, limit: 100_000, offset: 0 })).items;
    const centre = (await all('centre'))[0];
    if (!centre) throw new Error('the organisation is empty: run `jiesu seed` first');
    const streets = new Map((await all('street')).map((s) => [s.code, s]));
    const communities = (await all('community')).filter((c) => c.parentCode && streets.has(c.parentCode));
    const departments = (await all('department')).filter((d) => d.parentCode === centre.code);
    const categories = (await ctx.repos.categories.listAll()).filter((c) => c.level === 3).map((c) => c.code);
    if (categories.length === 0) throw new Error('no categories: run `jiesu seed` first');

    const operator = actor(centre, ['operator'], '模拟话务员');
    const dispatcher = actor(centre, ['dispatcher'], '模拟派单员');
    const visitor = actor(centre, ['visitor'], '模拟回访员');
    const supervisor = actor(centre, ['supervisor'], '模拟督办员');
    const handlerOf = (u: Unit) => actor(u, ['handler'], `${u.name} 承办人`);

    const step = async <A extends HttpCaseAction>(who: Actor, caseId: string, action: A, body: CaseActionBody<A>, advanceMinutes: number) => {
      simNow = new Date(simNow.getTime() + advanceMinutes * MINUTE);
      try {
        await performCaseAction(ctx, { actor: who, caseId, request: caseActionRequest(action, body) });
        return true;
      } catch (e) {
        const err = e as { code?: string; message: string };
        if (report.failures.length < 20) report.failures.push({ step: action, code: err.code ?? 'ERROR', message: err.message });
        return false;
      }
    };

    const spacing = (opts.days * 24 * HOUR) / Math.max(opts.cases, 1);
    for (let i = 0; i < opts.cases; i++) {
      const arrival = new Date(opts.end.getTime() - opts.days * 24 * HOUR + i * spacing);
      simNow = arrival;
      const community = r.pick(communities);
      const street = streets.get(community.parentCode as string) as Unit;
      const urgency = r.weighted<CaseUrgency>({ emergency: 3, utilities: 15, general: 74, complex: 8 });
      const kind = r.weighted({ complaint: 45, help: 25, consultation: 15, report: 8, suggestion: 5, praise: 2 });
      const { state } = await takeInCase(ctx, {
        actor: operator,
        idempotencyKey: `sim-${opts.seed}-${i}`,
        intake: {
          channel: r.weighted({ phone: 70, app: 12, wechat: 10, web: 8 }),
          kind,
          categoryCode: r.pick(categories),
          urgency,
          requester: { name: r.pick(['王', '李', '张', '刘', '陈', '杨', '赵', '黄']) + r.pick(['先生', '女士', '伟', '芳', '娜', '敏']), phone: `13${Math.floor(r.between(100000000, 999999999))}`, isAnonymous: r.chance(0.05) },
          subject: r.pick(SUBJECTS[urgency] as string[]),
          detail: `${street.name}${community.name}居民反映：${r.pick(SUBJECTS[urgency] as string[])}，希望尽快处理。`,
          location: { address: `${street.name}${community.name}${Math.floor(r.between(1, 30))}号楼`, coordinates: null, districtCode: street.parentCode, streetCode: street.code, communityCode: community.code },
        },
      });
      report.cases++;
      opts.onProgress?.(i + 1, opts.cases);
      const id = state.id;
      if (kind === 'consultation' && r.chance(0.6)) {
        if (await step(dispatcher, id, 'answer', { text: '已根据知识库政策直接答复诉求人。' }, r.between(3, 10))) report.answered++;
        continue;
      }
      const handler = handlerOf(street);
      const dispatchDelay = urgency === 'emergency' ? r.between(5, 30) : r.between(10, 180);
      if (r.chance(0.08)) {
        // Sent to a neighbouring street first; it returns the case with evidence; the centre re-dispatches.
        const wrong = r.pick([...streets.values()].filter((s) => s.parentCode === street.parentCode && s.code !== street.code)) ?? street;
        await step(dispatcher, id, 'dispatch', { lead: wrong.code }, dispatchDelay);
        // Evidence metadata only: a simulation stores no bytes.
        const photo = { id: randomUUID(), kind: 'photo' as const, mimeType: 'image/jpeg', sizeBytes: 120_000, name: '辖区图.jpg', sha256: 'simulated', uploadedBy: `sim.${wrong.code}` };
        await ctx.repos.attachments.insert(photo);
        await step(handlerOf(wrong), id, 'return', { reason: '该地址不属于本街道辖区', attachmentIds: [photo.id], suggestedUnitCode: street.code }, r.between(20, 90));
        report.returned++;
        if (r.chance(0.3)) {
          await step(dispatcher, id, 'open_dispute', { parties: [wrong.code, street.code] }, r.between(30, 120));
          await step(dispatcher, id, 'rule_dispute', { lead: street.code, basis: '依据行政区划，该地址属本街道' }, r.between(60, 600));
          report.disputed++;
        } else {
          await step(dispatcher, id, 'accept_return', { redispatch: { lead: street.code } }, r.between(20, 120));
        }
      } else {
        await step(dispatcher, id, 'dispatch', { lead: street.code }, dispatchDelay);
      }
      await step(handler, id, 'sign', {}, r.between(5, 90));
      await step(handler, id, 'contact', { method: 'phone' }, r.between(10, 300));
      if (r.chance(0.05) && departments.length > 0) {
        const dept = r.pick(departments);
        await step(handler, id, 'whistle', { units: [dept.code], reason: '需要职能部门到场协同处置' }, r.between(10, 60));
        const whistleId = 1;
        await step(handlerOf(dept), id, 'whistle_report', { whistleId }, r.between(10, 45));
      }
      if (urgency !== 'emergency' && r.chance(0.08)) {
        await step(handler, id, 'request_extension', { amount: 3, unit: 'calendar_days', reason: '需协调多部门' }, r.between(60, 600));
        await step(dispatcher, id, 'approve_extension', {}, r.between(30, 240));
        report.extended++;
      }
      const late = r.chance(0.12);
      if (late) {
        // Handled past the feedback deadline: the sweep escalates (督办) before the feedback arrives.
        const feedbackHours = { emergency: 2, utilities: 24, general: 7 * 24, complex: 15 * 24 }[urgency];
        simNow = new Date(simNow.getTime() + (feedbackHours + r.between(2, 48)) * HOUR);
        const swept = await sweepClocks(ctx, { actor: supervisor });
        report.escalations += swept.escalated;
        report.late++;
      }
      if (i >= opts.cases - Math.ceil(opts.cases * 0.1)) {
        report.open++;
        continue; // the most recent cases are still being handled
      }
      const solved = r.chance(0.88);
      const handled = urgency === 'emergency' ? r.between(20, 90) : r.between(120, 3 * 24 * 60);
      await step(handler, id, 'submit_feedback', { summary: solved ? '已现场处置完毕，问题已解决。' : '已协调相关方，问题暂未彻底解决。', isSolved: solved }, late ? 30 : handled);
      if (await step(dispatcher, id, 'close', {}, r.between(30, 240))) report.closed++;
      if (r.chance(0.85)) {
        const reached = r.chance(0.9);
        simNow = new Date(simNow.getTime() + r.between(60, 24 * 60) * MINUTE);
        const satisfaction = solved ? r.weighted({ satisfied: 75, basically_satisfied: 18, dissatisfied: 7 }) : r.weighted({ satisfied: 10, basically_satisfied: 30, dissatisfied: 60 });
        const ok = await recordVisitAttempt(ctx, {
          actor: visitor,
          caseId: id,
          attempt: reached ? { result: 'reached', isContacted: r.chance(0.95), isSolved: solved && r.chance(0.95), satisfaction } : { result: 'wrong_number' },
        }).then(
          () => true,
          (e: { code?: string; message: string }) => {
            report.failures.push({ step: 'visit', code: e.code ?? 'ERROR', message: e.message });
            return false;
          },
        );
        if (ok) report.visited++;
      }
    }
  } finally {
    ctx.now = realNow;
  }
  return report;
}
