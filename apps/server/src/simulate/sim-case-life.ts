// One simulated case from intake to return visit, decided in memory by the real pure decider
// (decide / initialState from @jiesu/core, the same rules every use case applies) on a simulated
// clock, and handed back as ONE combined decision — state, all history events, clock changes and
// notifications — for the repository to insert in a single statement. That is what makes tens of
// thousands of cases a matter of seconds rather than the hours that a transaction per step takes.
import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type CaseCommand,
  type CaseHistoryEvent,
  type CaseNotification,
  type CasePolicy,
  type CaseState,
  type ClockChange,
  type DeadlineCalendar,
  type Decision,
  decide,
  initialState,
  resolveReturnVisit,
  sweepClock,
  type UnitRef,
} from '@jiesu/core';
import type { StoredAttachment } from '../repositories/attachment.repository';
import type { VisitAttemptRow } from '../repositories/return-visit.repository';
import type { SimulatedCall } from './sim-calls';
import type { Rng } from './sim-random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface LifeContext {
  calendar: DeadlineCalendar;
  policy: CasePolicy;
  operator: Actor;
  dispatcher: Actor;
  visitor: Actor;
  supervisor: Actor;
  handlerOf(u: UnitRef): Actor;
  /** Other streets of the same district, for a case first sent to the wrong street. */
  neighbours(streetCode: string): readonly UnitRef[];
  /** City departments a street may summon (吹哨). */
  departments: readonly UnitRef[];
  maxVisitAttempts: number;
}

export interface CaseLife {
  decision: Decision;
  attachments: StoredAttachment[];
  visit: VisitAttemptRow | null;
  tally: { answered: boolean; returned: boolean; disputed: boolean; extended: boolean; late: boolean; closed: boolean; visited: boolean; open: boolean; escalations: number };
  failures: Array<{ step: string; code: string; message: string }>;
}

export function liveCase(call: SimulatedCall, c: { arrival: Date; dailySequence: number; keepOpen: boolean }, r: Rng, lc: LifeContext): CaseLife {
  let now = new Date(c.arrival.getTime());
  const events: CaseHistoryEvent[] = [];
  const clocks: ClockChange[] = [];
  const notifications: CaseNotification[] = [];
  const attachments: StoredAttachment[] = [];
  const failures: CaseLife['failures'] = [];
  const tally: CaseLife['tally'] = { answered: false, returned: false, disputed: false, extended: false, late: false, closed: false, visited: false, open: false, escalations: 0 };
  const base = { calendar: lc.calendar, policy: lc.policy };
  const keep = (d: Decision) => {
    events.push(...d.events);
    clocks.push(...d.clocks);
    notifications.push(...d.notifications);
    return d.state;
  };

  let state: CaseState = keep(
    initialState(
      {
        channel: r.weighted({ phone: 70, app: 12, wechat: 10, web: 8 }),
        kind: call.kind,
        categoryCode: call.categoryCode,
        urgency: call.urgency,
        requester: {
          name: r.pick(['王', '李', '张', '刘', '陈', '杨', '赵', '黄']) + r.pick(['先生', '女士', '伟', '芳', '娜', '敏']),
          phone: `13${Math.floor(r.between(100000000, 999999999))}`,
          isAnonymous: r.chance(0.05),
        },
        subject: call.subject,
        detail: call.detail,
        location: { address: call.address, coordinates: null, districtCode: call.street.parentCode, streetCode: call.street.code, communityCode: call.community.code },
      },
      { ...base, now, actor: lc.operator, caseId: randomUUID(), dailySequence: c.dailySequence },
    ),
  );

  const step = (who: Actor, command: CaseCommand, advanceMinutes: number): boolean => {
    now = new Date(now.getTime() + advanceMinutes * MINUTE);
    try {
      state = keep(decide(state, command, { ...base, now, actor: who }));
      return true;
    } catch (e) {
      const err = e as { code?: string; message: string };
      failures.push({ step: command.type, code: err.code ?? 'ERROR', message: err.message });
      return false;
    }
  };
  /** What the clock sweep would do by now: remind, then escalate (督办) what is past due. */
  const sweep = () => {
    for (let pass = 0; pass < 2; pass++) {
      for (const clock of state.clocks) {
        const action = sweepClock(clock, now);
        if (action === 'none') continue;
        if (step(lc.supervisor, { type: action, clockKey: clock.key }, 0) && action === 'escalate') tally.escalations++;
      }
    }
  };
  const done = (): CaseLife => ({ decision: { state, events, clocks, notifications }, attachments, visit: null, tally, failures });

  if (call.kind === 'consultation' && r.chance(0.6)) {
    tally.answered = step(lc.dispatcher, { type: 'answer', text: '已根据知识库政策直接答复诉求人。' }, r.between(3, 10));
    return done();
  }
  // The most recent calls: a share still waits to be dispatched.
  if (c.keepOpen && r.chance(0.25)) {
    tally.open = true;
    return done();
  }

  const lead = call.lead;
  const plan = { lead, coHandlers: call.coHandlers };
  const dispatchDelay = call.urgency === 'emergency' ? r.between(5, 30) : r.between(10, 180);
  const wrong = lead.class === 'street' && r.chance(0.08) ? lc.neighbours(lead.code).find((u) => u.code !== lead.code) : undefined;
  if (wrong) {
    // Sent to a neighbouring street first; it returns the case with evidence; the centre re-dispatches.
    step(lc.dispatcher, { type: 'dispatch', plan: { lead: wrong, coHandlers: [] } }, dispatchDelay);
    const photo: StoredAttachment = {
      id: randomUUID(),
      kind: 'photo',
      mimeType: 'image/jpeg',
      sizeBytes: 120_000,
      name: '辖区图.jpg',
      sha256: 'simulated',
      uploadedBy: `sim.${wrong.code}`,
    };
    attachments.push(photo);
    const evidence = [{ id: photo.id, kind: photo.kind, mimeType: photo.mimeType, sizeBytes: photo.sizeBytes, name: photo.name ?? null }];
    step(lc.handlerOf(wrong), { type: 'return', reason: '该地址不属于本街道辖区', attachments: evidence, suggestedUnitCode: lead.code }, r.between(20, 90));
    tally.returned = true;
    if (r.chance(0.3)) {
      step(lc.dispatcher, { type: 'open_dispute', parties: [wrong, lead] }, r.between(30, 120));
      step(lc.dispatcher, { type: 'rule_dispute', plan, basis: '依据行政区划，该地址属本街道' }, r.between(60, 600));
      tally.disputed = true;
    } else {
      step(lc.dispatcher, { type: 'accept_return', redispatch: plan }, r.between(20, 120));
    }
  } else {
    step(lc.dispatcher, { type: 'dispatch', plan }, dispatchDelay);
  }
  const handler = lc.handlerOf(lead);
  step(handler, { type: 'sign' }, r.between(5, 90));
  for (const co of call.coHandlers) step(lc.handlerOf(co), { type: 'acknowledge' }, r.between(5, 60));
  step(handler, { type: 'contact', method: 'phone' }, r.between(10, 300));
  if (lead.class === 'street' && call.coHandlers.length === 0 && r.chance(0.05) && lc.departments.length > 0) {
    const dept = r.pick(lc.departments);
    if (step(handler, { type: 'whistle', units: [dept], reason: '需要职能部门到场协同处置' }, r.between(10, 60))) {
      step(lc.handlerOf(dept), { type: 'whistle_report', whistleId: state.whistles.length }, r.between(10, 45));
    }
  }
  if (call.urgency !== 'emergency' && r.chance(0.08)) {
    step(handler, { type: 'request_extension', requested: { amount: 3, unit: 'calendar_days' }, reason: '需协调多部门' }, r.between(60, 600));
    tally.extended = step(lc.dispatcher, { type: 'approve_extension' }, r.between(30, 240));
  }
  const late = r.chance(0.12);
  if (late) {
    // Handled past the feedback deadline: the sweep reminds and escalates (督办) before the feedback arrives.
    const feedbackHours = { emergency: 2, utilities: 24, general: 7 * 24, complex: 15 * 24 }[call.urgency];
    now = new Date(now.getTime() + (feedbackHours + r.between(2, 48)) * HOUR);
    sweep();
    tally.late = true;
  }
  if (c.keepOpen) {
    tally.open = true;
    return done(); // the most recent cases are still being handled
  }
  const solved = r.chance(0.88);
  const handled = call.urgency === 'emergency' ? r.between(20, 90) : r.between(120, 3 * 24 * 60);
  step(
    handler,
    { type: 'submit_feedback', summary: solved ? '已现场处置完毕，问题已解决。' : '已协调相关方，问题暂未彻底解决。', isSolved: solved, attachments: [] },
    late ? 30 : handled,
  );
  tally.closed = step(lc.dispatcher, { type: 'close' }, r.between(30, 240));
  if (!tally.closed || !r.chance(0.85)) return done();

  // 回访: one call attempt; reached (with answers) or a wrong number.
  now = new Date(now.getTime() + r.between(60, 24 * 60) * MINUTE);
  const reached = r.chance(0.9);
  const satisfaction = solved ? r.weighted({ satisfied: 75, basically_satisfied: 18, dissatisfied: 7 }) : r.weighted({ satisfied: 10, basically_satisfied: 30, dissatisfied: 60 });
  const answers = { isContacted: r.chance(0.95), isSolved: solved && r.chance(0.95), satisfaction };
  const attempt: VisitAttemptRow = {
    caseId: state.id,
    attemptNo: 1,
    at: new Date(now.getTime()),
    result: reached ? 'reached' : 'wrong_number',
    isContacted: reached ? answers.isContacted : null,
    isSolved: reached ? answers.isSolved : null,
    satisfaction: reached ? answers.satisfaction : null,
    comment: null,
    visitor: { userId: lc.visitor.userId, username: lc.visitor.username },
  };
  const outcome = resolveReturnVisit([reached ? { at: attempt.at, result: 'reached', answers } : { at: attempt.at, result: 'wrong_number' }], { maxAttempts: lc.maxVisitAttempts });
  if (outcome.status === 'pending') return done();
  tally.visited = step(
    lc.visitor,
    { type: 'record_visit', outcome: outcome.status === 'valid' ? { status: 'valid', answers: outcome.answers } : { status: 'invalid', reason: outcome.reason } },
    0,
  );
  return { ...done(), visit: tally.visited ? attempt : null };
}
