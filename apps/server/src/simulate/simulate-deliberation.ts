// `jiesu simulate-deliberation`: a quarter of 居民议事会 in one community through the real use
// cases — hotline cases arrive from its residents, residents propose matters and neighbours
// support them, the community answers some proposals and takes the supported ones and the
// matters many calls point to to a monthly meeting; motions are moved, seconded, discussed and
// voted on (some pass, some fail), items are concluded (requesters told), passed motions get
// follow-up tasks that are done on time, late, or left to the shared sweep to escalate. The
// clock is simulated (ctx.now moves), so deadlines and escalations happen as they would.
import { type Actor, type Unit } from '@jiesu/core';
import type { AppContext } from '../context';
import { systemActor } from '../use-cases/cases/case-context';
import { takeInCase } from '../use-cases/cases/take-in-case';
import { sweepAllClocks } from '../use-cases/clocks/sweep-all-clocks';
import { actOnMeeting } from '../use-cases/deliberation/act-on-meeting';
import { actOnMotion } from '../use-cases/deliberation/act-on-motion';
import { actOnProposal } from '../use-cases/deliberation/act-on-proposal';
import { addAgendaItem } from '../use-cases/deliberation/add-agenda-item';
import { addFollowUp } from '../use-cases/deliberation/add-follow-up';
import { concludeAgendaItem } from '../use-cases/deliberation/conclude-agenda-item';
import { communityMeasures, periodOf } from '../use-cases/deliberation/get-deliberation-measures';
import { moveMotion } from '../use-cases/deliberation/move-motion';
import { registerBuildingLead } from '../use-cases/deliberation/register-building-lead';
import { scheduleMeeting } from '../use-cases/deliberation/schedule-meeting';
import { submitProposal } from '../use-cases/deliberation/submit-proposal';
import { supportProposal } from '../use-cases/deliberation/support-proposal';
import { actOnWorkItem } from '../use-cases/work-items/act-on-work-item';

export interface SimulateDeliberationOptions {
  /** Default: the first community of the organisation (花家地西里 in the demo data, if present). */
  communityCode?: string;
  quarterKey: string;
  seed: number;
  /** Hotline cases from the community over the quarter. */
  cases?: number;
}

const MATTERS = [
  { subject: '楼前树木遮挡路灯，夏季前需修剪', motion: '请物业在雨季前修剪楼前树木', task: '联系物业确定修剪方案并公示' },
  { subject: '单元门纱窗破损，多户反映蚊虫进屋', motion: '由社区协调统一更换纱窗', task: '统计需更换纱窗的住户' },
  { subject: '老旧小区楼道堆物，存在消防隐患', motion: '开展楼道清理月活动', task: '楼门长动员住户清理楼道' },
  { subject: '工地夜间施工噪声和灯光扰民', motion: '请施工方22点后停止高噪声作业', task: '与施工方签订夜间施工承诺' },
  { subject: '小区电动自行车充电难、飞线充电', motion: '在3号楼旁增设充电桩', task: '征询物业和供电方充电桩选址' },
  { subject: '老楼无障碍设施缺失，老人出行不便', motion: '在5号楼单元口加装坡道扶手', task: '报街道申请加装扶手经费' },
] as const;

const PROPOSALS = ['楼下加装休息座椅', '开放社区活动室作为儿童托管点', '设立共享工具角', '组织邻里互助买菜小组', '楼顶绿化改造'] as const;

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), chance: (p: number) => next() < p };
}

const DAY = 86_400_000;

export async function simulateDeliberation(ctx: AppContext, opts: SimulateDeliberationOptions) {
  const r = rng(opts.seed);
  const community = await pickCommunity(ctx, opts.communityCode);
  const street = community.parentCode ? await ctx.repos.units.findByCode(community.parentCode) : null;
  if (!street) throw new Error(`community ${community.code} has no street`);
  const { from, to } = await periodOf(ctx, opts.quarterKey);
  const realNow = ctx.now;
  let clock = new Date(from.getTime() + 2 * DAY);
  ctx.now = () => clock;
  const at = (t: Date) => {
    clock = t;
  };
  const staff: Actor = {
    userId: '00000000-0000-0000-0000-00000000d012',
    username: `sim.${community.code}`,
    displayName: `${community.name} 社区工作者`,
    unitCode: community.code,
    unitPath: community.path,
    unitClass: 'community',
    roles: ['handler'],
  };
  const report = {
    community: community.name,
    communityCode: community.code,
    quarterKey: opts.quarterKey,
    cases: 0,
    proposals: 0,
    supports: 0,
    meetings: 0,
    motionsPassed: 0,
    motionsFailed: 0,
    followUps: 0,
    followUpsDone: 0,
  };
  try {
    const operator = await systemActor(ctx, ['operator']);
    const categories = (await ctx.repos.categories.listAll()).filter((c) => c.level === 3).map((c) => c.code);
    if (categories.length === 0) throw new Error('no categories: run `jiesu seed` first');
    // residents call the hotline through the quarter; some calls are about the matters below
    const caseIds: string[][] = MATTERS.map(() => []);
    const total = opts.cases ?? 24;
    for (let i = 0; i < total; i++) {
      at(new Date(from.getTime() + ((i + 0.5) / total) * (to.getTime() - from.getTime() - 10 * DAY)));
      const m = i % (MATTERS.length + 2);
      const matter = MATTERS[m % MATTERS.length] ?? MATTERS[0];
      const { state } = await takeInCase(ctx, {
        actor: operator,
        idempotencyKey: `sim-delib-${opts.seed}-${opts.quarterKey}-${i}`,
        intake: {
          channel: 'phone',
          kind: 'complaint',
          categoryCode: categories[r.int(0, categories.length - 1)] ?? categories[0] ?? '',
          urgency: 'general',
          requester: { name: `${['王', '李', '张', '刘'][i % 4]}女士`, phone: `139${String(10_000_000 + i * 7919).slice(0, 8)}`, isAnonymous: false },
          subject: m < MATTERS.length ? matter.subject : '咨询社区养老驿站开放时间',
          detail: `${community.name}居民反映：${m < MATTERS.length ? matter.subject : '咨询养老驿站'}。`,
          location: {
            address: `${street.name}${community.name}${r.int(1, 12)}号楼`,
            coordinates: null,
            districtCode: street.parentCode,
            streetCode: street.code,
            communityCode: community.code,
          },
        },
      });
      report.cases++;
      if (m < MATTERS.length) caseIds[m]?.push(state.id);
    }
    for (const [i, b] of ['1号楼', '3号楼', '5号楼'].entries()) {
      await registerBuildingLead(ctx, {
        actor: staff,
        communityCode: community.code,
        lead: { building: b, door: `${i + 1}单元`, name: `楼门长${i + 1}`, phone: `1350000${String(1000 + i)}` },
      });
    }

    for (let month = 0; month < 3; month++) {
      const monthStart = from.getTime() + month * 30 * DAY;
      // proposals: submitted, opened, supported by neighbours; one a month answered instead
      at(new Date(monthStart + 3 * DAY));
      const proposalIds: string[] = [];
      for (let k = 0; k < 2; k++) {
        const title = PROPOSALS[(month * 2 + k) % PROPOSALS.length] ?? PROPOSALS[0];
        const p = await submitProposal(ctx, {
          submission: {
            communityCode: community.code,
            title: `${title}（${month + 1}月）`,
            detail: `${title}，方便居民。`,
            phone: `1360000${String(month * 10 + k).padStart(4, '0')}`,
          },
        });
        report.proposals++;
        await actOnProposal(ctx, { actor: staff, proposalId: p.proposalId, command: { type: 'open' } });
        const n = r.int(2, 9);
        for (let s = 0; s < n; s++) {
          at(new Date(clock.getTime() + 3_600_000));
          await supportProposal(ctx, { proposalId: p.proposalId, phone: `1370${String(month * 1000 + k * 100 + s).padStart(7, '0')}` });
          report.supports++;
        }
        proposalIds.push(p.proposalId);
      }
      const [toAgenda, toAnswer] = proposalIds;
      if (toAnswer) await actOnProposal(ctx, { actor: staff, proposalId: toAnswer, command: { type: 'answer', answer: '属物业服务范围，已转物业公司办理，不再上会。' } });

      // the monthly meeting
      at(new Date(monthStart + 10 * DAY));
      const meeting = await scheduleMeeting(ctx, {
        actor: staff,
        communityCode: community.code,
        title: `${month + 1}月居民议事会`,
        scheduledAt: new Date(monthStart + 14 * DAY),
        place: `${community.name}活动室`,
        chairName: '居民代表',
        isChairResident: true,
        eligibleVoters: 15,
      });
      const matters = [month * 2, month * 2 + 1].map((x) => x % MATTERS.length);
      const items = [];
      const completions: Array<{ id: string; at: number }> = [];
      for (const m of matters) {
        const ids = caseIds[m] ?? [];
        const first = ids[0];
        if (first)
          items.push({
            ...(
              await addAgendaItem(ctx, {
                actor: staff,
                meetingId: meeting.id,
                source: { type: 'other', sourceId: `matter-${m}`, title: MATTERS[m]?.subject ?? '', linkedCaseIds: ids },
              })
            ).item,
            matter: m,
          });
      }
      if (toAgenda) items.push({ ...(await addAgendaItem(ctx, { actor: staff, meetingId: meeting.id, source: { type: 'proposal', proposalId: toAgenda } })).item, matter: -1 });
      at(new Date(monthStart + 14 * DAY));
      await actOnMeeting(ctx, { actor: staff, meetingId: meeting.id, command: { type: 'start' } });
      for (const item of items) {
        at(new Date(clock.getTime() + 20 * 60_000));
        const text = item.matter >= 0 ? (MATTERS[item.matter]?.motion ?? '') : `同意实施：${item.titleSnapshot}`;
        const motion = await moveMotion(ctx, { actor: staff, meetingId: meeting.id, itemId: item.id, text, movedBy: '居民甲' });
        await actOnMotion(ctx, { actor: staff, meetingId: meeting.id, motionId: motion.id, step: { type: 'second', secondedBy: '居民乙' } });
        await actOnMotion(ctx, { actor: staff, meetingId: meeting.id, motionId: motion.id, step: { type: 'open_discussion' } });
        const present = r.int(10, 15);
        const yes = r.chance(0.7) ? r.int(Math.ceil(present * 0.6), present) : r.int(1, Math.floor(present * 0.4));
        const no = r.int(0, present - yes);
        const voted = await actOnMotion(ctx, {
          actor: staff,
          meetingId: meeting.id,
          motionId: motion.id,
          step: { type: 'vote', for: yes, against: no, abstain: present - yes - no, present },
        });
        if (voted.status === 'passed') {
          report.motionsPassed++;
          await concludeAgendaItem(ctx, { actor: staff, meetingId: meeting.id, itemId: item.id, outcome: 'decided', summary: `议定：${text}。` });
          const tasks = item.matter >= 0 ? [MATTERS[item.matter]?.task ?? '落实议定事项', '向居民公示落实情况'] : ['落实提案事项'];
          for (const [k, title] of tasks.entries()) {
            const due = new Date(clock.getTime() + (7 + 7 * k) * DAY);
            const owner = k === 1 ? { personName: '楼门长1' } : { unitCode: community.code };
            const fu = await addFollowUp(ctx, { actor: staff, meetingId: meeting.id, motionId: motion.id, title, owner, due: { dueAt: due } });
            report.followUps++;
            // most are done on time, some late (after the sweep escalated them), some left open
            const fate = r.next();
            if (fate < 0.6) completions.push({ id: fu.item.id, at: due.getTime() - DAY });
            else if (fate < 0.8) completions.push({ id: fu.item.id, at: due.getTime() + 2 * DAY });
          }
        } else {
          report.motionsFailed++;
          await concludeAgendaItem(ctx, {
            actor: staff,
            meetingId: meeting.id,
            itemId: item.id,
            outcome: r.chance(0.5) ? 'not_decided' : 'deferred',
            summary: '未形成决议，下次议事会再议。',
          });
        }
      }
      at(new Date(monthStart + 14 * DAY + 3 * 3_600_000));
      await actOnMeeting(ctx, { actor: staff, meetingId: meeting.id, command: { type: 'close' } });
      report.meetings++;
      // the month after the meeting, day by day: owners finish tasks; the shared sweep reminds
      // and escalates the others (and the cases) as their deadlines pass
      completions.sort((a, b) => a.at - b.at);
      for (let d = 15; d <= 30; d++) {
        const dayEnd = monthStart + d * DAY;
        while (completions[0] && completions[0].at <= dayEnd) {
          const c = completions.shift();
          if (!c) break;
          at(new Date(c.at));
          await actOnWorkItem(ctx, { actor: staff, id: c.id, command: { type: 'complete', text: '已落实，照片见公示栏。' } });
          report.followUpsDone++;
        }
        at(new Date(dayEnd));
        await sweepAllClocks(ctx);
      }
    }
    at(new Date(to.getTime() - 1));
    await sweepAllClocks(ctx);
    const measures = await communityMeasures(ctx, community.code, from, to);
    return { ...report, measures };
  } finally {
    ctx.now = realNow;
  }
}

async function pickCommunity(ctx: AppContext, code?: string): Promise<Unit> {
  const wanted = code ?? '110105026034';
  const u = await ctx.repos.units.findByCode(wanted);
  if (u && u.class === 'community') return u;
  if (code) throw new Error(`no community has the code ${code}`);
  const first = (await ctx.repos.units.list({ scopePath: '/', class: 'community', limit: 1, offset: 0 })).items[0];
  if (!first) throw new Error('no community: run `jiesu seed` first');
  return first;
}
