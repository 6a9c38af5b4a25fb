// Shared fixtures for the case-lifecycle tests: a small organisation, actors, a fake calendar and
// helpers that drive a case through the decider.
import { expect } from 'vitest';
import {
  type Actor,
  type CaseCommand,
  type CaseIntake,
  type CasePolicy,
  type CaseState,
  type DeadlineCalendar,
  type DeadlineSpan,
  type Decision,
  type DutyLists,
  DomainError,
  decide,
  initialState,
  type Role,
  type UnitClass,
  type UnitRef,
} from '../src/index';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const DAY = 24 * HOUR;

function unit(code: string, name: string, path: string, cls: UnitClass): UnitRef {
  return { code, name, path, class: cls };
}

export const U = {
  centre: unit('110000', '市热线服务中心', '/110000/', 'centre'),
  chaoyang: unit('110105', '朝阳区', '/110000/110105/', 'district'),
  haidian: unit('110108', '海淀区', '/110000/110108/', 'district'),
  jianwai: unit('110105001', '建外街道', '/110000/110105/110105001/', 'street'),
  chaowai: unit('110105002', '朝外街道', '/110000/110105/110105002/', 'street'),
  jianwaiSection: unit('S-110105001-01', '建外街道城管科', '/110000/110105/110105001/S-110105001-01/', 'section'),
  community: unit('110105001001', '永安里社区', '/110000/110105/110105001/110105001001/', 'community'),
  cityDept: unit('D-CGW', '市城管委', '/110000/D-CGW/', 'department'),
  districtDept: unit('D-105-CG', '朝阳区城管执法局', '/110000/110105/D-105-CG/', 'department'),
  water: unit('E-WATER', '自来水集团', '/110000/E-WATER/', 'enterprise'),
} as const;

function actor(username: string, u: UnitRef, ...roles: Role[]): Actor {
  return { userId: `u-${username}`, username, displayName: username, unitCode: u.code, unitPath: u.path, unitClass: u.class, roles };
}

export const A = {
  operator: actor('op', U.centre, 'operator'),
  dispatcher: actor('disp', U.centre, 'dispatcher'),
  centreLeader: actor('lead', U.centre, 'unit_leader'),
  supervisor: actor('sup', U.centre, 'supervisor'),
  visitor: actor('visit', U.centre, 'visitor'),
  evaluator: actor('eval', U.centre, 'evaluator'),
  analyst: actor('ana', U.centre, 'analyst'),
  districtDispatcher: actor('cy-disp', U.chaoyang, 'dispatcher'),
  jianwai: actor('jw', U.jianwai, 'handler'),
  jianwaiSection: actor('jw-sec', U.jianwaiSection, 'handler'),
  chaowai: actor('cw', U.chaowai, 'handler'),
  community: actor('ya', U.community, 'handler'),
  chaoyang: actor('cy', U.chaoyang, 'handler'),
  cityDept: actor('cgw', U.cityDept, 'handler'),
  districtDept: actor('cy-cg', U.districtDept, 'handler'),
} as const;

/** Minutes and hours as elapsed time, calendar days as 24 h, working days skipping Saturday and Sunday in UTC+8. */
export const fakeCalendar: DeadlineCalendar = {
  addDuration(start: Date, { amount, unit }: DeadlineSpan): Date {
    switch (unit) {
      case 'minutes':
        return new Date(start.getTime() + amount * MINUTE);
      case 'hours':
        return new Date(start.getTime() + amount * HOUR);
      case 'calendar_days':
        return new Date(start.getTime() + amount * DAY);
      case 'working_days': {
        let t = start.getTime();
        let left = amount;
        while (left > 0) {
          t += DAY;
          const dow = new Date(t + 8 * HOUR).getUTCDay();
          if (dow !== 0 && dow !== 6) left -= 1;
        }
        return new Date(t);
      }
    }
  },
};

/** Friday 2026-11-27 10:00 Beijing time. */
export const T0 = new Date('2026-11-27T02:00:00Z');
export const at = (ms: number): Date => new Date(T0.getTime() + ms);

export const DUTY_LISTS: DutyLists = { [U.community.code]: ['0105', '0302*'] };

export function intake(overrides: Partial<CaseIntake> = {}): CaseIntake {
  return {
    channel: 'phone',
    kind: 'complaint',
    categoryCode: '010203', // 城乡建设 › 违法建设 › 违建房屋
    urgency: 'general',
    requester: { name: '张三丰', phone: '13812341234', isAnonymous: false },
    subject: '小区内违建',
    detail: '永安里小区3号楼楼顶搭建违建房屋',
    location: {
      address: '朝阳区建外街道永安里3号楼',
      coordinates: { lng: 116.45, lat: 39.91 },
      districtCode: '110105',
      streetCode: '110105001',
      communityCode: '110105001001',
    },
    attachments: [{ id: 'f1', kind: 'photo', mimeType: 'image/jpeg', sizeBytes: 200_000 }],
    ...overrides,
  };
}

export const photo = (id = 'p1', sizeBytes = 300_000) => ({ id, kind: 'photo' as const, mimeType: 'image/jpeg', sizeBytes });

export interface Ctx {
  now?: Date;
  policy?: CasePolicy;
  dutyLists?: DutyLists;
}

export function open(i: CaseIntake = intake(), actorIn: Actor = A.operator, c: Ctx = {}, id = 'case-1'): Decision {
  return initialState(i, {
    now: c.now ?? T0,
    actor: actorIn,
    calendar: fakeCalendar,
    caseId: id,
    dailySequence: 123,
    ...(c.policy ? { policy: c.policy } : {}),
    ...(c.dutyLists ? { dutyLists: c.dutyLists } : {}),
  });
}

export function run(state: CaseState, command: CaseCommand, actorIn: Actor, c: Ctx = {}): Decision {
  return decide(state, command, {
    now: c.now ?? T0,
    actor: actorIn,
    calendar: fakeCalendar,
    dutyLists: c.dutyLists ?? DUTY_LISTS,
    ...(c.policy ? { policy: c.policy } : {}),
  });
}

/** Runs a sequence of steps and returns the final state. */
export function walk(state: CaseState, steps: readonly [CaseCommand, Actor, Ctx?][]): CaseState {
  let s = state;
  for (const [cmd, who, c] of steps) s = run(s, cmd, who, c).state;
  return s;
}

/** Asserts the command is refused with `code` and leaves the state exactly as it was. */
export function expectRefused(state: CaseState, command: CaseCommand, actorIn: Actor, code: string, c: Ctx = {}): DomainError {
  const before = structuredClone(state);
  let caught: unknown;
  try {
    run(state, command, actorIn, c);
  } catch (e) {
    caught = e;
  }
  expect(caught, `${command.type} should be refused with ${code}`).toBeInstanceOf(DomainError);
  const err = caught as DomainError;
  expect(err.code).toBe(code);
  expect(state).toEqual(before);
  return err;
}

export const dispatchTo = (lead: UnitRef, extra: Partial<Extract<CaseCommand, { type: 'dispatch' }>['plan']> = {}): CaseCommand => ({
  type: 'dispatch',
  plan: { lead, ...extra },
});

/** States in every status, reached through real transitions. */
export function statesByStatus(): Record<CaseState['status'], CaseState> {
  const received = open().state;
  const answered = run(open(intake({ kind: 'consultation' })).state, { type: 'answer', text: '可拨打物业电话' }, A.operator).state;
  const dispatched = run(received, dispatchTo(U.jianwai), A.dispatcher).state;
  const returned = run(dispatched, { type: 'return', reason: '非本街道辖区', attachments: [photo()] }, A.jianwai).state;
  const disputed = run(returned, { type: 'open_dispute', parties: [U.jianwai, U.chaowai] }, A.dispatcher).state;
  const signed = run(dispatched, { type: 'sign' }, A.jianwai).state;
  const handling = run(signed, { type: 'contact' }, A.jianwai).state;
  const feedback = run(handling, { type: 'submit_feedback', summary: '已拆除', isSolved: true }, A.jianwai).state;
  const closed = run(feedback, { type: 'close' }, A.dispatcher).state;
  const visited = run(closed, { type: 'record_visit', outcome: { status: 'valid', answers: { isContacted: true, isSolved: true, satisfaction: 'satisfied' } } }, A.visitor).state;
  const scored = run(visited, { type: 'score', periodKey: '2026-12' }, A.evaluator).state;
  const merged = run(
    open(intake(), A.operator, {}, 'case-2').state,
    { type: 'merge', parent: { caseId: 'case-1', caseNumber: '20261127-000123', status: 'dispatched' } },
    A.operator,
  ).state;
  return { received, answered, dispatched, returned, disputed, signed, handling, feedback, closed, visited, scored, merged };
}
