// The work-item model: every (status × action) cell of the table, who may act, allowed actions
// agreeing with the decider, deadlines and the shared sweep rule, creation checks.
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  allowedWorkItemActions,
  decideWorkItem,
  DomainError,
  newWorkItem,
  type NewWorkItemInput,
  presentWorkItemForViewer,
  parseWorkItemPolicy,
  DEFAULT_WORK_ITEM_POLICY,
  type Role,
  sweepWorkItem,
  type UnitRef,
  WORK_ITEM_ACTIONS,
  WORK_ITEM_STATUSES,
  type WorkItem,
  type WorkItemAction,
  type WorkItemCommand,
  type WorkItemStatus,
  workItemTransitionTable,
} from '../src/index';
import { A, DAY, fakeCalendar, HOUR, T0, U } from './cases-fixtures';

const at = (ms: number) => new Date(T0.getTime() + ms);

function actor(username: string, u: UnitRef, ...roles: Role[]): Actor {
  return { userId: `u-${username}`, username, displayName: username, unitCode: u.code, unitPath: u.path, unitClass: u.class, roles };
}

// The street 建外街道 sets items for its community 永安里社区 and for its own section.
const streetLeader = actor('jw-lead', U.jianwai, 'unit_leader');
const streetSupervisor = actor('jw-sup', U.jianwai, 'supervisor');
const communityHandler = A.community;
const communityLeader = actor('ya-lead', U.community, 'unit_leader');
const otherStreet = A.chaowai;
const districtSupervisor = actor('cy-sup', U.chaoyang, 'supervisor');
const admin = actor('admin', U.centre, 'administrator');

function create(overrides: Partial<NewWorkItemInput> = {}, by: Actor = streetLeader, now = T0): WorkItem {
  return newWorkItem(
    {
      id: 'wi-1',
      kind: 'general',
      title: '清理3号楼楼道堆物',
      owner: { unit: U.community },
      creatorUnit: U.jianwai,
      due: { amount: 4, unit: 'calendar_days' },
      ...overrides,
    },
    { now, actor: by, calendar: fakeCalendar },
  ).item;
}

function act(item: WorkItem, command: WorkItemCommand, by: Actor, now = at(HOUR)) {
  return decideWorkItem(item, command, { now, actor: by, calendar: fakeCalendar });
}

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'NO_ERROR';
}

/** An item in each status, reached through the decider itself. */
function inStatus(status: WorkItemStatus): WorkItem {
  const open = create();
  switch (status) {
    case 'open':
      return open;
    case 'in_progress':
      return act(open, { type: 'start' }, communityHandler).item;
    case 'done':
      return act(open, { type: 'complete', text: '已清理' }, communityHandler).item;
    case 'cancelled':
      return act(open, { type: 'cancel', reason: '并入专项整治' }, streetLeader).item;
    default: {
      const unknown: never = status;
      throw new Error(String(unknown));
    }
  }
}

/** A well-formed command per action and an actor who may take it (escalate runs past the deadline). */
const SAMPLE: Record<WorkItemAction, { command: WorkItemCommand; by: Actor; now: Date }> = {
  start: { command: { type: 'start' }, by: communityHandler, now: at(HOUR) },
  progress: { command: { type: 'progress', text: '已通知住户' }, by: communityHandler, now: at(HOUR) },
  complete: { command: { type: 'complete', text: '已清理' }, by: communityHandler, now: at(HOUR) },
  acknowledge: { command: { type: 'acknowledge' }, by: communityLeader, now: at(HOUR) },
  reopen: { command: { type: 'reopen', reason: '仍有堆物' }, by: streetLeader, now: at(HOUR) },
  cancel: { command: { type: 'cancel', reason: '重复' }, by: streetLeader, now: at(HOUR) },
  extend: { command: { type: 'extend', reason: '等待物业', due: { amount: 2, unit: 'calendar_days' } }, by: streetLeader, now: at(HOUR) },
  remind: { command: { type: 'remind' }, by: streetSupervisor, now: at(HOUR) },
  escalate: { command: { type: 'escalate' }, by: A.supervisor, now: at(5 * DAY) },
};

// Written out by hand from the design (not derived from the code under test).
const EXPECTED: Record<WorkItemStatus, Record<WorkItemAction, string>> = {
  open: {
    start: 'in_progress',
    progress: 'in_progress',
    complete: 'done',
    acknowledge: 'open',
    reopen: 'WORK_ITEM_NOT_CLOSED',
    cancel: 'cancelled',
    extend: 'open',
    remind: 'open',
    escalate: 'open',
  },
  in_progress: {
    start: 'ILLEGAL_TRANSITION',
    progress: 'in_progress',
    complete: 'done',
    acknowledge: 'in_progress',
    reopen: 'WORK_ITEM_NOT_CLOSED',
    cancel: 'cancelled',
    extend: 'in_progress',
    remind: 'in_progress',
    escalate: 'in_progress',
  },
  done: {
    start: 'WORK_ITEM_CLOSED',
    progress: 'WORK_ITEM_CLOSED',
    complete: 'WORK_ITEM_CLOSED',
    acknowledge: 'WORK_ITEM_CLOSED',
    reopen: 'in_progress',
    cancel: 'WORK_ITEM_CLOSED',
    extend: 'WORK_ITEM_CLOSED',
    remind: 'WORK_ITEM_CLOSED',
    escalate: 'WORK_ITEM_CLOSED',
  },
  cancelled: {
    start: 'WORK_ITEM_CLOSED',
    progress: 'WORK_ITEM_CLOSED',
    complete: 'WORK_ITEM_CLOSED',
    acknowledge: 'WORK_ITEM_CLOSED',
    reopen: 'open',
    cancel: 'WORK_ITEM_CLOSED',
    extend: 'WORK_ITEM_CLOSED',
    remind: 'WORK_ITEM_CLOSED',
    escalate: 'WORK_ITEM_CLOSED',
  },
};

describe('the (status × action) table', () => {
  const cells = WORK_ITEM_STATUSES.flatMap((s) => WORK_ITEM_ACTIONS.map((a) => [s, a] as const));

  it('has 36 cells', () => expect(cells).toHaveLength(36));

  it.each(cells)('%s × %s', (status, action) => {
    const item = inStatus(status);
    const before = structuredClone(item);
    const { command, by, now } = SAMPLE[action];
    // Reopening a done item whose deadline has passed needs a new one; the sample runs before it.
    const expected = EXPECTED[status][action];
    if ((WORK_ITEM_STATUSES as readonly string[]).includes(expected)) {
      const d = act(item, command, by, now);
      expect(d.item.status).toBe(expected);
      expect(d.item.version).toBe(item.version + 1);
      expect(d.event).toMatchObject({ action, fromStatus: status, toStatus: expected, seq: item.eventCount + 1 });
    } else {
      expect(codeOf(() => act(item, command, by, now))).toBe(expected);
    }
    expect(item).toEqual(before);
  });

  it('agrees with the published table', () => {
    const table = workItemTransitionTable('general');
    for (const [status, action] of cells) {
      const cell = table[status][action];
      expect(cell.isAllowed ? cell.to : cell.code).toBe(EXPECTED[status][action]);
    }
  });

  it('closes a notice when it is acknowledged (kind notice_ack)', () => {
    const notice = create({ kind: 'notice_ack', title: '关于加强燃气安全检查的通知' });
    const d = act(notice, { type: 'acknowledge', note: '已传达至各网格' }, communityHandler);
    expect(d.item.status).toBe('done');
    expect(d.item.acknowledgedBy?.username).toBe(communityHandler.username);
    expect(d.item.evidence[0]).toMatchObject({ kind: 'acknowledgement', text: '已传达至各网格' });
    expect(d.notifications).toEqual([{ kind: 'work_item_completed', workItemId: 'wi-1', unitCode: U.jianwai.code, title: '关于加强燃气安全检查的通知' }]);
    expect(workItemTransitionTable('notice_ack').open.acknowledge).toEqual({ isAllowed: true, to: 'done' });
  });

  it('acknowledges other kinds once, without moving them', () => {
    const once = act(create(), { type: 'acknowledge' }, communityHandler).item;
    expect(once.status).toBe('open');
    expect(codeOf(() => act(once, { type: 'acknowledge' }, communityHandler))).toBe('WORK_ITEM_ALREADY_ACKNOWLEDGED');
  });
});

describe('who may act', () => {
  const ownerActions: WorkItemAction[] = ['start', 'progress', 'complete', 'acknowledge'];
  const steeringActions: WorkItemAction[] = ['cancel', 'extend', 'remind'];

  it.each(ownerActions)('only the owner unit may %s', (action) => {
    const item = create();
    const { command, now } = SAMPLE[action];
    for (const by of [streetLeader, otherStreet, A.supervisor, admin, A.analyst]) {
      expect(codeOf(() => act(item, command, by, now))).toBe('NOT_WORK_ITEM_OWNER');
    }
    expect(codeOf(() => act(item, command, communityHandler, now))).toBe('NO_ERROR');
    expect(codeOf(() => act(item, command, communityLeader, now))).toBe('NO_ERROR');
  });

  it.each(steeringActions)('the creating unit, supervisors above and admins may %s; the owner may not', (action) => {
    const item = create();
    const { command, now } = SAMPLE[action];
    for (const by of [streetLeader, streetSupervisor, districtSupervisor, A.supervisor, admin]) {
      expect(codeOf(() => act(item, command, by, now))).toBe('NO_ERROR');
    }
    for (const by of [communityHandler, communityLeader, otherStreet, A.jianwai /* a street handler steers nothing */]) {
      expect(codeOf(() => act(item, command, by, now))).toBe('NOT_WORK_ITEM_SUPERVISOR');
    }
  });

  it('reopening is the supervising side’s', () => {
    const done = inStatus('done');
    expect(codeOf(() => act(done, SAMPLE.reopen.command, communityHandler))).toBe('NOT_WORK_ITEM_SUPERVISOR');
    expect(codeOf(() => act(done, SAMPLE.reopen.command, streetLeader))).toBe('NO_ERROR');
  });

  it('escalation is a supervisor’s: the centre’s, the district’s or the creating street’s', () => {
    const item = create();
    const late = at(5 * DAY);
    for (const by of [A.supervisor, districtSupervisor, streetSupervisor]) expect(codeOf(() => act(item, { type: 'escalate' }, by, late))).toBe('NO_ERROR');
    for (const by of [streetLeader, admin, communityLeader]) expect(codeOf(() => act(item, { type: 'escalate' }, by, late))).toBe('NOT_WORK_ITEM_SUPERVISOR');
  });

  it("a person's item is worked by the supervising unit's staff", () => {
    const item = create({ owner: { unit: U.community, person: { name: '王楼长', contact: '13900001111' } } });
    expect(item.owner.person).toEqual({ name: '王楼长', contact: '13900001111' });
    expect(act(item, { type: 'start' }, communityHandler).item.status).toBe('in_progress');
    expect(codeOf(() => act(item, { type: 'start' }, A.jianwai))).toBe('NOT_WORK_ITEM_OWNER');
  });

  it("a street's section staff act for the street", () => {
    const item = create({ owner: { unit: U.jianwai } }, actor('cy-lead', U.chaoyang, 'unit_leader'));
    expect(act(item, { type: 'start' }, A.jianwaiSection).item.status).toBe('in_progress');
  });
});

describe('allowed actions', () => {
  it('lists, per viewer, exactly what the decider accepts', () => {
    const viewers = [communityHandler, communityLeader, streetLeader, streetSupervisor, A.supervisor, admin, otherStreet, A.analyst];
    for (const status of WORK_ITEM_STATUSES) {
      const item = inStatus(status);
      for (const viewer of viewers) {
        const now = at(5 * DAY);
        const allowed = allowedWorkItemActions(item, viewer, now);
        for (const action of WORK_ITEM_ACTIONS) {
          // Payloads that pass validation: reopen past the deadline needs a new one.
          const sample = SAMPLE[action].command;
          const command: WorkItemCommand = sample.type === 'reopen' ? { ...sample, due: { amount: 1, unit: 'calendar_days' } } : sample;
          const accepted = codeOf(() => decideWorkItem(item, command, { now, actor: viewer, calendar: fakeCalendar })) === 'NO_ERROR';
          expect([status, viewer.username, action, allowed.includes(action)]).toEqual([status, viewer.username, action, accepted]);
        }
      }
    }
  });

  it('gives the owner the work and the creator the steering', () => {
    const item = create();
    expect(allowedWorkItemActions(item, communityHandler, at(HOUR))).toEqual(['start', 'progress', 'complete', 'acknowledge']);
    expect(allowedWorkItemActions(item, streetLeader, at(HOUR))).toEqual(['cancel', 'extend', 'remind']);
    expect(allowedWorkItemActions(item, streetSupervisor, at(5 * DAY))).toEqual(['cancel', 'extend', 'remind', 'escalate']);
    expect(allowedWorkItemActions(item, A.analyst, at(HOUR))).toEqual([]);
    // Without an instant the escalation cannot be judged, so it is not offered.
    expect(allowedWorkItemActions(item, A.supervisor)).toEqual(['cancel', 'extend', 'remind']);
  });
});

describe('deadlines, reminders and escalation', () => {
  it('counts a span on the calendar and reminds at 75% of it', () => {
    // Friday 10:00 + 2 working days (fake calendar skips the weekend) = Tuesday 10:00.
    const item = create({ due: { amount: 2, unit: 'working_days' } });
    expect(item.clock.dueAt).toEqual(at(4 * DAY));
    expect(item.clock.remindAt).toEqual(at(3 * DAY));
  });

  it('takes an instant as the deadline and refuses one in the past', () => {
    expect(create({ due: { dueAt: at(10 * HOUR) } }).clock.dueAt).toEqual(at(10 * HOUR));
    expect(codeOf(() => create({ due: { dueAt: at(-HOUR) } }))).toBe('WORK_ITEM_DUE_INVALID');
    expect(codeOf(() => create({ due: { dueAt: T0 } }))).toBe('WORK_ITEM_DUE_INVALID');
    expect(codeOf(() => create({ due: { amount: 400, unit: 'calendar_days' } }))).toBe('WORK_ITEM_DUE_INVALID');
  });

  it('sweeps by the case-clock rule: nothing, remind once, escalate once', () => {
    let item = create(); // due T0 + 4 d, remind at T0 + 3 d
    expect(sweepWorkItem(item, at(3 * DAY - 1))).toBe('none');
    expect(sweepWorkItem(item, at(3 * DAY))).toBe('remind');
    const reminded = act(item, { type: 'remind' }, A.supervisor, at(3 * DAY));
    expect(reminded.notifications).toEqual([{ kind: 'work_item_reminder', workItemId: 'wi-1', unitCode: U.community.code, title: item.title, dueAt: at(4 * DAY) }]);
    item = reminded.item;
    expect(sweepWorkItem(item, at(3 * DAY + HOUR))).toBe('none');
    expect(codeOf(() => act(item, { type: 'escalate' }, A.supervisor, at(4 * DAY - 1)))).toBe('WORK_ITEM_NOT_DUE');
    // Deadlines are exclusive: at the due instant it is late.
    expect(sweepWorkItem(item, at(4 * DAY))).toBe('escalate');
    const escalated = act(item, { type: 'escalate' }, A.supervisor, at(4 * DAY));
    expect(escalated.item.overdue).toEqual([{ unitCode: U.community.code, dueAt: at(4 * DAY), markedAt: at(4 * DAY) }]);
    expect(escalated.notifications.map((n) => [n.kind, n.unitCode, 'role' in n ? n.role : null])).toEqual([
      ['work_item_escalation', U.community.code, 'owner'],
      ['work_item_escalation', U.jianwai.code, 'supervisor'],
    ]);
    item = escalated.item;
    expect(sweepWorkItem(item, at(9 * DAY))).toBe('none');
    expect(codeOf(() => act(item, { type: 'escalate' }, A.supervisor, at(9 * DAY)))).toBe('WORK_ITEM_ALREADY_ESCALATED');
    // Finished items are never swept.
    expect(sweepWorkItem(act(item, { type: 'complete', text: '已清理' }, communityHandler, at(5 * DAY)).item, at(9 * DAY))).toBe('none');
  });

  it('marks an item finished late overdue even when no sweep escalated it', () => {
    const d = act(create(), { type: 'complete', text: '已清理' }, communityHandler, at(5 * DAY));
    expect(d.item.overdue).toHaveLength(1);
    expect(act(create(), { type: 'complete', text: '已清理' }, communityHandler, at(DAY)).item.overdue).toHaveLength(0);
  });

  it('extends from the current deadline with a fresh reminder and escalation; marks made stay', () => {
    const late = act(create(), { type: 'escalate' }, A.supervisor, at(5 * DAY)).item;
    const d = act(late, { type: 'extend', reason: '等待物业', due: { amount: 3, unit: 'calendar_days' } }, streetLeader, at(5 * DAY));
    expect(d.item.clock.dueAt).toEqual(at(7 * DAY));
    expect(d.item.clock.escalatedAt).toBeNull();
    expect(d.item.clock.remindedAt).toBeNull();
    expect(d.item.overdue).toHaveLength(1);
    expect(d.notifications[0]).toMatchObject({ kind: 'work_item_extended', unitCode: U.community.code, dueAt: at(7 * DAY) });
    // A span still ending before now (4 d + 1 d < 5 d + 1 h) is refused, as is an earlier instant.
    expect(codeOf(() => act(late, { type: 'extend', reason: 'x', due: { amount: 1, unit: 'calendar_days' } }, streetLeader, at(5 * DAY + HOUR)))).toBe('WORK_ITEM_DUE_INVALID');
    expect(codeOf(() => act(create(), { type: 'extend', reason: 'x', due: { dueAt: at(2 * DAY) } }, streetLeader))).toBe('WORK_ITEM_DUE_INVALID');
  });

  it('reopens with a new deadline when the old one has passed', () => {
    const done = inStatus('done');
    expect(codeOf(() => act(done, { type: 'reopen', reason: '仍有堆物' }, streetLeader, at(5 * DAY)))).toBe('VALIDATION_FAILED');
    const d = act(done, { type: 'reopen', reason: '仍有堆物', due: { amount: 2, unit: 'calendar_days' } }, streetLeader, at(5 * DAY));
    expect(d.item.status).toBe('in_progress');
    expect(d.item.clock).toMatchObject({ startedAt: at(5 * DAY), dueAt: at(7 * DAY), remindedAt: null, escalatedAt: null });
    expect(d.item.closedAt).toBeNull();
  });
});

describe('payloads and evidence', () => {
  it('requires a text for progress and completion, and files when the item says so', () => {
    expect(codeOf(() => act(create(), { type: 'complete', text: '  ' }, communityHandler))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => act(create(), { type: 'progress', text: '' }, communityHandler))).toBe('VALIDATION_FAILED');
    const strict = create({ isEvidenceRequired: true });
    expect(codeOf(() => act(strict, { type: 'complete', text: '已清理' }, communityHandler))).toBe('EVIDENCE_REQUIRED');
    const photo = { id: 'f-1', kind: 'photo' as const, mimeType: 'image/png', sizeBytes: 100 };
    const d = act(strict, { type: 'complete', text: '已清理', attachments: [photo], linkedCaseIds: ['c-1', 'c-1'] }, communityHandler);
    expect(d.item.evidence).toEqual([{ kind: 'completion', text: '已清理', attachments: [photo], at: at(HOUR), by: expect.objectContaining({ username: 'ya' }) }]);
    expect(d.event.attachments).toEqual([photo]);
    expect(d.item.linkedCaseIds).toEqual(['c-1']);
    expect(d.notifications).toEqual([{ kind: 'work_item_completed', workItemId: 'wi-1', unitCode: U.jianwai.code, title: strict.title }]);
  });

  it('requires reasons to cancel, extend and reopen', () => {
    expect(codeOf(() => act(create(), { type: 'cancel', reason: '' }, streetLeader))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => act(create(), { type: 'extend', reason: ' ', due: { amount: 1, unit: 'hours' } }, streetLeader))).toBe('VALIDATION_FAILED');
  });
});

describe('creating', () => {
  it('opens the item with its first history row and tells the owner', () => {
    const d = newWorkItem(
      {
        id: 'wi-9',
        kind: 'topic_task',
        title: ' 老旧小区加装电梯 ',
        owner: { unit: U.community },
        creatorUnit: U.jianwai,
        due: { amount: 1, unit: 'calendar_days' },
        source: { type: 'topic', id: 't-1' },
      },
      { now: T0, actor: streetLeader, calendar: fakeCalendar },
    );
    expect(d.item).toMatchObject({ status: 'open', version: 1, title: '老旧小区加装电梯', source: { type: 'topic', id: 't-1' }, eventCount: 1 });
    expect(d.event).toMatchObject({ seq: 1, action: 'create', fromStatus: null, toStatus: 'open' });
    expect(d.notifications).toEqual([{ kind: 'work_item_assigned', workItemId: 'wi-9', unitCode: U.community.code, title: '老旧小区加装电梯', dueAt: at(DAY) }]);
  });

  it('refuses bad input naming the field', () => {
    const fieldOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (e instanceof DomainError) return e.details?.field;
      }
      return null;
    };
    expect(fieldOf(() => create({ title: ' ' }))).toBe('title');
    expect(fieldOf(() => create({ owner: { unit: U.community, person: { name: '' } } }))).toBe('owner.personName');
    expect(fieldOf(() => create({ due: { amount: 0, unit: 'hours' } }))).toBe('due.amount');
    expect(fieldOf(() => create({ kind: 'party' as never }))).toBe('kind');
  });

  it('is for supervisors, leaders and admins, within their area', () => {
    expect(codeOf(() => create({}, A.jianwai))).toBe('FORBIDDEN');
    expect(codeOf(() => create({}, actor('cw-lead', U.chaowai, 'unit_leader')))).toBe('OUT_OF_SCOPE');
    // A feature that authorised its actor (a meeting's recorder) may let a handler set an item in its area.
    expect(codeOf(() => create({ isAuthorisedByFeature: true }, A.jianwai))).toBe('NO_ERROR');
    expect(codeOf(() => create({ isAuthorisedByFeature: true }, otherStreet))).toBe('OUT_OF_SCOPE');
  });
});

describe('presenting to a viewer', () => {
  it("shows a person owner's contact to the units working with them and masks it for the rest", () => {
    const item = create({ owner: { unit: U.community, person: { name: '王楼长', contact: '13900001111' } } });
    expect(presentWorkItemForViewer(item, communityHandler).owner.person?.contact).toBe('13900001111');
    expect(presentWorkItemForViewer(item, streetLeader).owner.person?.contact).toBe('13900001111');
    expect(presentWorkItemForViewer(item, districtSupervisor).owner.person).toEqual({ name: '王楼长', contact: '139****1111' });
    expect(item.owner.person?.contact).toBe('13900001111');
  });
});

describe('the work-item policy', () => {
  it('parses what the settings store may hold and names the bad field', () => {
    expect(parseWorkItemPolicy(DEFAULT_WORK_ITEM_POLICY)).toEqual({ remind: { kind: 'fraction', fraction: 0.75 }, maxDays: 366 });
    expect(parseWorkItemPolicy({ remind: { kind: 'before', minutes: 120 }, maxDays: 30 })).toEqual({ remind: { kind: 'before', minutes: 120 }, maxDays: 30 });
    const fieldOf = (v: unknown) => {
      try {
        parseWorkItemPolicy(v);
      } catch (e) {
        if (e instanceof DomainError) return e.details?.field;
      }
      return null;
    };
    expect(fieldOf(null)).toBe('workItemPolicy');
    expect(fieldOf({ remind: { kind: 'fraction', fraction: 1.5 }, maxDays: 30 })).toBe('workItemPolicy.remind');
    expect(fieldOf({ remind: { kind: 'before', minutes: 0 }, maxDays: 30 })).toBe('workItemPolicy.remind');
    expect(fieldOf({ remind: { kind: 'fraction', fraction: 0.5 }, maxDays: 0 })).toBe('workItemPolicy.maxDays');
  });

  it('reminds by the policy it is given', () => {
    const d = newWorkItem(
      { id: 'wi-p', kind: 'general', title: '按政策提醒', owner: { unit: U.community }, creatorUnit: U.jianwai, due: { amount: 2, unit: 'calendar_days' } },
      { now: T0, actor: streetLeader, calendar: fakeCalendar, policy: { remind: { kind: 'before', minutes: 120 }, maxDays: 30 } },
    );
    expect(d.item.clock.remindAt).toEqual(at(2 * DAY - 2 * HOUR));
  });
});
