// `jiesu simulate` (未诉先办 part): a quarter of proactive work on one street through the real use
// cases — zones for its communities held by the street's leader; weekly patrols and home visits,
// a share of whose findings become proactive cases handled and closed (with return visits);
// residents' calls in the same communities and categories before (and fewer after) the work;
// policy notices to five communities each, most acknowledged, the rest reminded and escalated by
// the one clock sweep; a history with a late surge for the warning scan, turned into a task.
// The clock is simulated (ctx.now moves with each event), as in simulate-city.ts.
import { randomUUID } from 'node:crypto';
import { type Actor, addLocalDays, localDateOf, type Role, seededRandom, type Unit } from '@jiesu/core';
import type { AppContext } from '../context';
import { performCaseAction } from '../use-cases/cases/perform-case-action';
import { type CaseActionBody, caseActionRequest, type HttpCaseAction } from '@jiesu/contracts';
import { takeInCase } from '../use-cases/cases/take-in-case';
import { sweepAllClocks } from '../use-cases/clocks/sweep-all-clocks';
import { acknowledgeNotice } from '../use-cases/proactive/acknowledge-notice';
import { recordPatrol } from '../use-cases/proactive/record-patrol';
import { saveZone } from '../use-cases/proactive/save-zone';
import { scanWarnings } from '../use-cases/proactive/scan-warnings';
import { sendNotice } from '../use-cases/proactive/send-notice';
import { turnFindingIntoCase } from '../use-cases/proactive/turn-finding-into-case';
import { turnWarningIntoTask } from '../use-cases/proactive/turn-warning-into-task';
import { recordVisitAttempt } from '../use-cases/visits/record-visit-attempt';

export interface SimulateProactiveOptions {
  /** The street; default 望京 (110105026) when present, else the first street with communities. */
  streetCode?: string;
  /** Days of proactive work before `end` (a quarter: 91). */
  days: number;
  seed: number;
  end: Date;
}

export interface SimulateProactiveReport {
  streetCode: string;
  zones: number;
  patrols: number;
  proactiveCases: number;
  closed: number;
  residentCalls: number;
  notices: number;
  acknowledgements: number;
  reminded: number;
  escalated: number;
  warnings: number;
  tasks: number;
  failures: Array<{ step: string; code: string; message: string }>;
}

const DAY = 86_400_000;
const SEEN = [
  '楼道堆放杂物，存在消防隐患',
  '井盖松动，行人易绊倒',
  '路灯不亮，夜间出行不便',
  '垃圾桶满溢无人清运',
  '共享单车堵塞消防通道',
  '独居老人暖气不热',
  '墙皮脱落有坠落风险',
  '违规占道经营',
];

function actor(unit: Pick<Unit, 'code' | 'path' | 'class' | 'name'>, roles: Role[], name: string): Actor {
  return { userId: randomUUID(), username: `sim.${unit.code}`, displayName: name, unitCode: unit.code, unitPath: unit.path, unitClass: unit.class, roles };
}

export async function simulateProactive(ctx: AppContext, opts: SimulateProactiveOptions): Promise<SimulateProactiveReport> {
  const rand = seededRandom(opts.seed + 13);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const chance = (p: number) => rand() < p;
  const realNow = ctx.now;
  let simNow = new Date(opts.end.getTime() - opts.days * DAY);
  ctx.now = () => new Date(simNow.getTime());
  const report: SimulateProactiveReport = {
    streetCode: '',
    zones: 0,
    patrols: 0,
    proactiveCases: 0,
    closed: 0,
    residentCalls: 0,
    notices: 0,
    acknowledgements: 0,
    reminded: 0,
    escalated: 0,
    warnings: 0,
    tasks: 0,
    failures: [],
  };
  const fail = (step: string, e: unknown) => {
    const err = e as { code?: string; message?: string };
    if (report.failures.length < 20) report.failures.push({ step, code: err.code ?? 'ERROR', message: err.message ?? String(e) });
  };
  try {
    const street = opts.streetCode
      ? await ctx.repos.units.findByCode(opts.streetCode)
      : ((await ctx.repos.units.findByCode('110105026')) ?? (await ctx.repos.units.list({ scopePath: '/', class: 'street', limit: 1, offset: 0 })).items[0] ?? null);
    if (!street) throw new Error('no street: run `jiesu seed` first');
    report.streetCode = street.code;
    const communities = (await ctx.repos.units.list({ scopePath: street.path, class: 'community', parentCode: street.code, limit: 500, offset: 0 })).items;
    const district = street.parentCode ? await ctx.repos.units.findByCode(street.parentCode) : null;
    const centre = (await ctx.repos.units.list({ scopePath: '/', class: 'centre', limit: 1, offset: 0 })).items[0];
    if (communities.length === 0 || !district || !centre) throw new Error(`street ${street.code} has no communities or no district`);
    const categories = (await ctx.repos.categories.listAll()).filter((c) => c.level >= 2 && c.isActive);
    const leaves = categories.filter((c) => !categories.some((k) => k.parentCode === c.code));
    const leaderUser = (await ctx.repos.users.listInScope({ scopePath: street.path, unitCode: street.code, role: 'unit_leader', limit: 1, offset: 0 })).items[0];
    const streetLeader: Actor = leaderUser
      ? {
          userId: leaderUser.id,
          username: leaderUser.username,
          displayName: leaderUser.displayName,
          unitCode: street.code,
          unitPath: street.path,
          unitClass: 'street',
          roles: ['unit_leader'],
        }
      : actor(street, ['unit_leader'], `${street.name} 主任`);
    const operator = actor(centre, ['operator'], '模拟话务员');
    const dispatcher = actor(district, ['dispatcher'], `${district.name}分中心 派单员`);
    const centreDispatcher = actor(centre, ['dispatcher'], '模拟派单员');
    const visitor = actor(centre, ['visitor'], '模拟回访员');
    const handlerOf = (u: Unit) => actor(u, ['handler'], `${u.name} 网格员`);

    // Zones: four pieces of the street, held by its leader for the year.
    if (leaderUser) {
      const size = Math.ceil(communities.length / 4);
      for (let z = 0; z < 4; z++) {
        const codes = communities.slice(z * size, (z + 1) * size).map((c) => c.code);
        if (codes.length === 0) continue;
        const existing = await ctx.repos.proactiveZones.listByStreet(street.code);
        if (existing.some((e) => e.isActive && e.communityCodes.some((c) => codes.includes(c)))) continue;
        await saveZone(ctx, {
          actor: streetLeader,
          streetCode: street.code,
          zone: {
            name: `${['东', '南', '西', '北'][z]}片责任区`,
            communityCodes: codes,
            leaderUserId: leaderUser.id,
            team: [{ name: `${['城管科', '平安办', '社区办', '民生保障办'][z]} 工作组` }],
            termStart: `${localDateOf(simNow, ctx.config.timeZone).slice(0, 4)}-01-01`,
            termEnd: null,
          },
        }).then(
          () => report.zones++,
          (e: unknown) => fail('zone', e),
        );
      }
    }

    // A community × category with a year of quiet history, whose last week surges (for the scan).
    const hot = pick(communities);
    const hotCategory = pick(leaves);
    // A file belongs to the one record it is first used on, uploaded by whoever uses it: each
    // patrol and each feedback gets its own (simulated) photo.
    const photoBy = async (username: string): Promise<string> => {
      const photo = { id: randomUUID(), kind: 'photo' as const, mimeType: 'image/jpeg', sizeBytes: 120_000, name: '巡查照片.jpg', sha256: 'simulated', uploadedBy: username };
      await ctx.repos.attachments.insert(photo).catch((e: unknown) => fail('attachment', e));
      return photo.id;
    };
    const call = async (community: Unit, categoryCode: string, at: Date, subject: string) => {
      simNow = at;
      await takeInCase(ctx, {
        actor: operator,
        intake: {
          channel: 'phone',
          kind: 'complaint',
          categoryCode,
          urgency: 'general',
          requester: { name: pick(['王先生', '李女士', '张伟', '刘芳']), phone: `13${Math.floor(100000000 + rand() * 899999999)}`, isAnonymous: false },
          subject,
          detail: `${community.name}居民反映：${subject}`,
          location: { address: `${street.name}${community.name}`, coordinates: null, districtCode: district.code, streetCode: street.code, communityCode: community.code },
        },
      }).then(
        () => report.residentCalls++,
        (e: unknown) => fail('call', e),
      );
    };
    const start = simNow.getTime();
    for (let w = 60; w >= 1; w--) await call(hot, hotCategory.code, new Date(opts.end.getTime() - (7 * w + 3) * DAY), '楼道堆物');
    for (let d = 0; d < 10; d++) await call(hot, hotCategory.code, new Date(opts.end.getTime() - (1 + (d % 6)) * DAY - d * 3_600_000), '楼道堆物无人清理');
    simNow = new Date(start);

    // Weekly patrols; findings become proactive cases handled to the end; residents called before.
    const weeks = Math.floor(opts.days / 7);
    for (let w = 0; w < weeks; w++) {
      for (const community of communities) {
        if (!chance(0.3)) continue;
        const at = new Date(start + (w * 7 + rand() * 5) * DAY + 9 * 3_600_000);
        simNow = at;
        const worker = handlerOf(community);
        const seen = pick(SEEN);
        const patrol = await recordPatrol(ctx, {
          actor: worker,
          streetCode: street.code,
          communityCode: community.code,
          kind: chance(0.3) ? 'home_visit' : 'patrol',
          observations: seen,
          attachmentIds: [await photoBy(worker.username)],
          patrolledAt: at,
        }).then(
          (r) => r.patrol,
          (e: unknown) => {
            fail('patrol', e);
            return null;
          },
        );
        if (!patrol) continue;
        report.patrols++;
        if (!chance(0.25)) continue;
        const category = pick(leaves);
        // The same problem had already drawn a resident's call or two in the weeks before.
        const earlier = Math.floor(rand() * 3);
        for (let k = 0; k < earlier; k++) await call(community, category.code, new Date(at.getTime() - (2 + rand() * 20) * DAY), seen);
        simNow = at;
        const made = await turnFindingIntoCase(ctx, { actor: worker, patrolId: patrol.id, finding: { categoryCode: category.code, subject: seen } }).catch((e: unknown) => {
          fail('finding', e);
          return null;
        });
        if (!made) continue;
        report.proactiveCases++;
        const id = made.state.id;
        const step = async <A extends HttpCaseAction>(who: Actor, action: A, body: CaseActionBody<A>, minutes: number) => {
          simNow = new Date(simNow.getTime() + minutes * 60_000);
          return performCaseAction(ctx, { actor: who, caseId: id, request: caseActionRequest(action, body) }).then(
            () => true,
            (e: unknown) => {
              fail(action, e);
              return false;
            },
          );
        };
        simNow = new Date(simNow.getTime() + 30 * 60_000);
        await performCaseAction(ctx, { actor: dispatcher, caseId: id, request: caseActionRequest('dispatch', { lead: community.code }) }).catch(async () => {
          // Not on the community's duty list: the street leads it.
          await performCaseAction(ctx, { actor: dispatcher, caseId: id, request: caseActionRequest('dispatch', { lead: street.code }) }).catch((e: unknown) => fail('dispatch', e));
        });
        const lead = (await ctx.repos.cases.load(id))?.state.assignments.find((a) => a.role === 'lead')?.unit.code ?? community.code;
        const leadUnit = lead === street.code ? street : community;
        if (!(await step(handlerOf(leadUnit), 'sign', {}, 20))) continue;
        await step(handlerOf(leadUnit), 'contact', { method: 'visit' }, 60);
        if (!chance(0.85)) continue; // some are still being handled at the end of the quarter
        await step(
          handlerOf(leadUnit),
          'submit_feedback',
          { summary: '已现场处置完毕。', isSolved: true, attachmentIds: [await photoBy(handlerOf(leadUnit).username)] },
          60 * (4 + rand() * 48),
        );
        if (await step(centreDispatcher, 'close', {}, 60)) report.closed++;
        simNow = new Date(simNow.getTime() + 6 * 3_600_000);
        await recordVisitAttempt(ctx, {
          actor: visitor,
          caseId: id,
          attempt: { result: 'reached', isContacted: true, isSolved: true, satisfaction: chance(0.85) ? 'satisfied' : 'basically_satisfied' },
        }).catch((e: unknown) => fail('visit', e));
        // Solved first, the problem draws fewer calls afterwards — but not always none.
        const later = new Date(simNow.getTime() + (3 + rand() * 25) * DAY);
        if (chance(0.25) && later.getTime() < opts.end.getTime()) await call(community, category.code, later, seen);
      }
    }

    // Three notices, each to five communities; some acknowledge late or never (reminded, escalated).
    for (let n = 0; n < 3 && communities.length >= 5; n++) {
      simNow = new Date(start + (10 + n * 25) * DAY + 2 * 3_600_000);
      const to = [...communities].sort(() => rand() - 0.5).slice(0, 5);
      const due = new Date(simNow.getTime() + 2 * DAY);
      const sent = await sendNotice(ctx, {
        actor: streetLeader,
        title: ['关于做好冬季供暖保障的通知', '关于开展楼道堆物专项清理的通知', '关于做好雨季防汛准备的通知'][n] as string,
        body: '请各社区按要求组织排查，建立台账，按时反馈落实情况。',
        unitCodes: to.map((c) => c.code),
        ackDueAt: due,
      }).catch((e: unknown) => {
        fail('notice', e);
        return null;
      });
      if (!sent) continue;
      report.notices++;
      for (const c of to) {
        if (!chance(0.7)) continue;
        simNow = new Date(sent.notice.createdAt.getTime() + rand() * 1.5 * DAY);
        await acknowledgeNotice(ctx, { actor: handlerOf(c), id: sent.notice.id }).then(
          () => report.acknowledgements++,
          (e: unknown) => fail('acknowledge', e),
        );
      }
      for (const offset of [1.6, 2.1]) {
        simNow = new Date(sent.notice.createdAt.getTime() + offset * DAY);
        const s = await sweepAllClocks(ctx);
        report.reminded += s.workItems.reminded;
        report.escalated += s.workItems.escalated;
      }
    }

    // The day's warning scan, and the first warning turned into a task for its zone's leader.
    simNow = new Date(opts.end.getTime());
    const scan = await scanWarnings(ctx, { streetCodes: [street.code], asOf: addLocalDays(localDateOf(simNow, ctx.config.timeZone), -1) });
    report.warnings = scan.raised.length;
    const first = scan.raised[0];
    if (first)
      await turnWarningIntoTask(ctx, { actor: streetLeader, id: first.id }).then(
        () => report.tasks++,
        (e: unknown) => fail('task', e),
      );
  } finally {
    ctx.now = realNow;
  }
  return report;
}
