// Pure rules around the decider: clocks per urgency, the sweep, masking, case numbers, attachments.
import { describe, expect, it } from 'vitest';
import {
  type CaseClock,
  type CasePolicy,
  caseNumberDateKey,
  CASE_URGENCIES,
  DEFAULT_ATTACHMENT_POLICY,
  DEFAULT_CASE_POLICY,
  DEFAULT_CLOCK_POLICY,
  DomainError,
  formatCaseNumber,
  maskName,
  maskPhone,
  parseCaseNumber,
  presentCaseRequester,
  presentRequester,
  remindInstant,
  sweepClock,
  validateAttachments,
} from '../src/index';
import { A, at, DAY, dispatchTo, expectRefused, HOUR, intake, MINUTE, open, run, T0, U, walk } from './cases-fixtures';

const clockOf = (clocks: readonly CaseClock[], key: string) => {
  const c = clocks.find((x) => x.key === key);
  if (c === undefined) throw new Error(`no clock ${key}`);
  return c;
};

describe('clock deadlines per urgency (defaults, fake calendar)', () => {
  const expected = {
    emergency: { dispatch: HOUR, sign: 30 * MINUTE, firstContact: 30 * MINUTE, feedback: 2 * HOUR },
    utilities: { dispatch: 2 * HOUR, sign: HOUR, firstContact: 2 * HOUR, feedback: 24 * HOUR },
    general: { dispatch: 24 * HOUR, sign: 4 * HOUR, firstContact: 24 * HOUR, feedback: 7 * DAY },
    complex: { dispatch: 24 * HOUR, sign: 24 * HOUR, firstContact: 48 * HOUR, feedback: 15 * DAY },
  } as const;

  it.each(CASE_URGENCIES)('%s', (urgency) => {
    const e = expected[urgency];
    const s0 = open(intake({ urgency })).state;
    const dispatch = clockOf(s0.clocks, 'dispatch');
    expect(dispatch.dueAt).toEqual(at(e.dispatch));
    expect(dispatch.remindAt).toEqual(at(e.dispatch * 0.75));
    const s1 = run(s0, dispatchTo(U.jianwai), A.dispatcher, { now: at(10 * MINUTE) }).state;
    expect(clockOf(s1.clocks, `sign:${U.jianwai.code}`).dueAt).toEqual(at(10 * MINUTE + e.sign));
    expect(clockOf(s1.clocks, 'feedback')).toMatchObject({ dueAt: at(10 * MINUTE + e.feedback), ownerUnitCode: U.jianwai.code, name: 'feedback' });
    const s2 = run(s1, { type: 'sign' }, A.jianwai, { now: at(20 * MINUTE) }).state;
    expect(clockOf(s2.clocks, 'first_contact').dueAt).toEqual(at(20 * MINUTE + e.firstContact));
  });

  it('counts working days when the rule says so (weekend skipped)', () => {
    const policy: CasePolicy = {
      ...DEFAULT_CASE_POLICY,
      clocks: {
        ...DEFAULT_CLOCK_POLICY,
        byUrgency: { ...DEFAULT_CLOCK_POLICY.byUrgency, general: { ...DEFAULT_CLOCK_POLICY.byUrgency.general, feedback: { amount: 5, unit: 'working_days' } } },
      },
    };
    // T0 is Friday 10:00 Beijing; five working days later is the next Friday 10:00, seven calendar days.
    const s = run(open().state, dispatchTo(U.jianwai), A.dispatcher, { policy }).state;
    expect(clockOf(s.clocks, 'feedback').dueAt).toEqual(new Date('2026-12-04T02:00:00Z'));
    const one: CasePolicy = {
      ...policy,
      clocks: { ...policy.clocks, byUrgency: { ...policy.clocks.byUrgency, general: { ...policy.clocks.byUrgency.general, feedback: { amount: 1, unit: 'working_days' } } } },
    };
    // Friday + 1 working day → Monday
    expect(clockOf(run(open().state, dispatchTo(U.jianwai), A.dispatcher, { policy: one }).state.clocks, 'feedback').dueAt).toEqual(new Date('2026-11-30T02:00:00Z'));
  });

  it('remind instants: a share of the time, or a fixed lead never before the start', () => {
    expect(remindInstant(T0, at(4 * HOUR), { kind: 'fraction', fraction: 0.75 })).toEqual(at(3 * HOUR));
    expect(remindInstant(T0, at(4 * HOUR), { kind: 'before', minutes: 30 })).toEqual(at(3.5 * HOUR));
    expect(remindInstant(T0, at(10 * MINUTE), { kind: 'before', minutes: 30 })).toEqual(T0);
  });

  it('a whistle clock lasts 30 minutes by default', () => {
    expect(DEFAULT_CLOCK_POLICY.whistleArrival).toEqual({ amount: 30, unit: 'minutes' });
  });
});

describe('sweep decisions (催办 / 督办)', () => {
  const base = open().state; // dispatch clock: 24 h, remind at 18 h
  const dispatch = clockOf(base.clocks, 'dispatch');

  it('none → remind → none → escalate → none', () => {
    expect(sweepClock(dispatch, at(HOUR))).toBe('none');
    expect(sweepClock(dispatch, at(18 * HOUR))).toBe('remind');
    expect(sweepClock({ ...dispatch, remindedAt: at(18 * HOUR) }, at(20 * HOUR))).toBe('none');
    expect(sweepClock(dispatch, at(24 * HOUR))).toBe('escalate'); // deadlines are exclusive
    expect(sweepClock({ ...dispatch, escalatedAt: at(24 * HOUR) }, at(30 * HOUR))).toBe('none');
    expect(sweepClock({ ...dispatch, status: 'met' }, at(30 * HOUR))).toBe('none');
  });

  it('the remind and escalate commands record what the sweep decided', () => {
    const reminded = run(base, { type: 'remind', clockKey: 'dispatch' }, A.supervisor, { now: at(19 * HOUR) });
    expect(clockOf(reminded.state.clocks, 'dispatch').remindedAt).toEqual(at(19 * HOUR));
    expect(reminded.notifications).toEqual([{ kind: 'reminder', caseId: 'case-1', clockKey: 'dispatch', unitCode: U.centre.code, dueAt: at(24 * HOUR) }]);
    expect(reminded.clocks).toMatchObject([{ op: 'replace', clock: { key: 'dispatch' } }]);
    expect(sweepClock(clockOf(reminded.state.clocks, 'dispatch'), at(20 * HOUR))).toBe('none');

    expectRefused(base, { type: 'escalate', clockKey: 'dispatch' }, A.supervisor, 'CLOCK_NOT_DUE', { now: at(23 * HOUR) });
    expectRefused(base, { type: 'escalate', clockKey: 'dispatch' }, A.jianwai, 'FORBIDDEN', { now: at(25 * HOUR) });
    expectRefused(base, { type: 'escalate', clockKey: 'nope' }, A.supervisor, 'CLOCK_NOT_FOUND', { now: at(25 * HOUR) });
    const escalated = run(base, { type: 'escalate', clockKey: 'dispatch' }, A.supervisor, { now: at(25 * HOUR) });
    expect(escalated.state.status).toBe('received');
    expect(escalated.state.overdue).toEqual([{ clockKey: 'dispatch', clockName: 'dispatch', unitCode: U.centre.code, dueAt: at(24 * HOUR), markedAt: at(25 * HOUR) }]);
    expect(escalated.events[0]).toMatchObject({ action: 'escalate', fromStatus: 'received', toStatus: 'received' });
    expectRefused(escalated.state, { type: 'escalate', clockKey: 'dispatch' }, A.supervisor, 'CLOCK_ALREADY_ESCALATED', { now: at(26 * HOUR) });

    // dispatching late stops the clock as missed; the overdue mark is not doubled
    const late = run(escalated.state, dispatchTo(U.jianwai), A.dispatcher, { now: at(26 * HOUR) }).state;
    expect(clockOf(late.clocks, 'dispatch').status).toBe('missed');
    expect(late.overdue).toHaveLength(1);
    expectRefused(late, { type: 'remind', clockKey: 'dispatch' }, A.supervisor, 'CLOCK_NOT_RUNNING');
  });

  it('a deadline missed without any sweep still counts against the unit', () => {
    const s = walk(open().state, [
      [dispatchTo(U.jianwai), A.dispatcher],
      [{ type: 'sign' }, A.jianwai, { now: at(HOUR) }],
      [{ type: 'submit_feedback', summary: '已处理', isSolved: true }, A.jianwai, { now: at(8 * DAY) }],
    ]);
    expect(clockOf(s.clocks, 'feedback').status).toBe('missed');
    // never contacted and past the first-contact deadline: missed too
    expect(clockOf(s.clocks, 'first_contact').status).toBe('missed');
    expect(s.overdue.map((o) => [o.clockName, o.unitCode])).toEqual([
      ['feedback', U.jianwai.code],
      ['first_contact', U.jianwai.code],
    ]);
  });

  it('extensions: limit, deadline, and the new deadline gets a fresh reminder', () => {
    const policy: CasePolicy = { ...DEFAULT_CASE_POLICY, maxExtensions: 1 };
    let s = walk(open().state, [
      [dispatchTo(U.jianwai), A.dispatcher],
      [{ type: 'sign' }, A.jianwai],
    ]);
    s = run(s, { type: 'remind', clockKey: 'feedback' }, A.supervisor, { now: at(6 * DAY) }).state;
    expectRefused(s, { type: 'approve_extension' }, A.dispatcher, 'NO_PENDING_EXTENSION');
    s = run(s, { type: 'request_extension', requested: { amount: 2, unit: 'calendar_days' }, reason: '待材料' }, A.jianwai, { now: at(6 * DAY) }).state;
    s = run(s, { type: 'approve_extension', granted: { amount: 1, unit: 'calendar_days' } }, A.dispatcher, { now: at(6 * DAY), policy }).state;
    expect(clockOf(s.clocks, 'feedback')).toMatchObject({ dueAt: at(8 * DAY), remindAt: at(6 * DAY), remindedAt: null });
    expectRefused(s, { type: 'request_extension', requested: { amount: 1, unit: 'hours' }, reason: '再延' }, A.jianwai, 'EXTENSION_LIMIT_REACHED', {
      policy,
    });
    expectRefused(s, { type: 'request_extension', requested: { amount: 1, unit: 'hours' }, reason: '再延' }, A.jianwai, 'EXTENSION_AFTER_DEADLINE', {
      now: at(9 * DAY),
    });
    const refused = walk(s, [
      [{ type: 'request_extension', requested: { amount: 1, unit: 'hours' }, reason: '再延' }, A.jianwai, { now: at(7 * DAY) }],
      [{ type: 'refuse_extension', reason: '时间充足' }, A.dispatcher, { now: at(7 * DAY) }],
    ]);
    expect(refused.extensions.map((e) => e.decision)).toEqual(['approved', 'refused']);
    expectRefused(s, { type: 'request_extension', requested: { amount: 0, unit: 'hours' }, reason: 'x' }, A.jianwai, 'VALIDATION_FAILED');
  });
});

describe('requester confidentiality', () => {
  const requester = { name: '张三丰', phone: '13812341234', isAnonymous: false };
  const lead = { code: U.jianwai.code, path: U.jianwai.path };

  it('masks name and phone', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳')).toBe('欧*');
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('010-6512 3456')).toBe('010****3456');
    expect(maskPhone('6512345')).toBe('65***45');
  });

  it('shows the requester to the centre and the lead handler only, and says so', () => {
    expect(presentRequester(requester, { actor: A.dispatcher, leadUnit: lead })).toEqual({ ...requester, isUnmasked: true });
    expect(presentRequester(requester, { actor: A.visitor, leadUnit: lead }).isUnmasked).toBe(true);
    expect(presentRequester(requester, { actor: A.jianwai, leadUnit: lead })).toEqual({ ...requester, isUnmasked: true });
    expect(presentRequester(requester, { actor: A.jianwaiSection, leadUnit: lead }).isUnmasked).toBe(true);
    for (const viewer of [A.community, A.chaowai, A.districtDept, A.chaoyang, A.analyst, A.evaluator, A.districtDispatcher]) {
      expect(presentRequester(requester, { actor: viewer, leadUnit: lead })).toEqual({
        name: '张**',
        phone: '138****1234',
        isAnonymous: false,
        isUnmasked: false,
      });
    }
    expect(presentRequester(requester, { actor: A.jianwai, leadUnit: null }).isUnmasked).toBe(false);
  });

  it('an anonymous requester is shown to the centre only', () => {
    const anon = { ...requester, isAnonymous: true };
    expect(presentRequester(anon, { actor: A.jianwai, leadUnit: lead }).isUnmasked).toBe(false);
    expect(presentRequester(anon, { actor: A.operator, leadUnit: lead }).isUnmasked).toBe(true);
  });

  it('reads the lead from the case', () => {
    const s = run(open().state, dispatchTo(U.jianwai), A.dispatcher).state;
    expect(presentCaseRequester(s, A.jianwai).isUnmasked).toBe(true);
    expect(presentCaseRequester(s, A.chaowai).phone).toBe('138****1234');
  });
});

describe('case numbers', () => {
  it('reckons the date in Asia/Shanghai across midnight', () => {
    const beforeMidnight = new Date('2026-11-27T15:59:59.999Z'); // 23:59:59.999 Beijing
    const afterMidnight = new Date('2026-11-27T16:00:00.000Z'); // 00:00 on the 28th Beijing
    expect(formatCaseNumber(beforeMidnight, 123)).toBe('20261127-000123');
    expect(formatCaseNumber(afterMidnight, 1)).toBe('20261128-000001');
    expect(caseNumberDateKey(afterMidnight)).toBe('20261128');
    expect(caseNumberDateKey(afterMidnight, 'UTC')).toBe('20261127');
  });

  it('widens past six digits and refuses a bad sequence', () => {
    expect(formatCaseNumber(T0, 1_234_567)).toBe('20261127-1234567');
    expect(parseCaseNumber('20261127-000123')).toEqual({ dateKey: '20261127', sequence: 123 });
    expect(parseCaseNumber('2026-11-27')).toBeNull();
    expect(() => formatCaseNumber(T0, 0)).toThrow(DomainError);
    expect(() => formatCaseNumber(T0, 1, 'Mars/Olympus')).toThrow(DomainError);
  });

  it('numbers a case at intake from the daily sequence', () => {
    expect(open(intake(), A.operator, { now: new Date('2026-11-27T16:30:00Z') }).state.caseNumber).toBe('20261128-000123');
  });
});

describe('attachments', () => {
  const p = DEFAULT_ATTACHMENT_POLICY;
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as DomainError).code;
    }
    return null;
  };

  it('accepts allowed kinds within the limits', () => {
    expect(validateAttachments([{ id: 'v', kind: 'video', mimeType: 'VIDEO/MP4', sizeBytes: 100 * 1024 * 1024 }], p)).toEqual([
      { id: 'v', kind: 'video', mimeType: 'video/mp4', sizeBytes: 100 * 1024 * 1024, name: null },
    ]);
  });

  it('refuses wrong types, oversized files, too many files and bad sizes', () => {
    expect(code(() => validateAttachments([{ id: 'a', kind: 'photo', mimeType: 'application/pdf', sizeBytes: 10 }], p))).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(code(() => validateAttachments([{ id: 'a', kind: 'photo', mimeType: 'image/png', sizeBytes: 21 * 1024 * 1024 }], p))).toBe('ATTACHMENT_TOO_LARGE');
    expect(
      code(() =>
        validateAttachments(
          Array.from({ length: 21 }, (_, i) => ({ id: `a${i}`, kind: 'photo' as const, mimeType: 'image/png', sizeBytes: 1 })),
          p,
        ),
      ),
    ).toBe('TOO_MANY_ATTACHMENTS');
    expect(code(() => validateAttachments([{ id: 'a', kind: 'audio', mimeType: 'audio/mpeg', sizeBytes: -1 }], p))).toBe('VALIDATION_FAILED');
  });

  it('a feedback with a bad attachment changes nothing', () => {
    const s = walk(open().state, [
      [dispatchTo(U.jianwai), A.dispatcher],
      [{ type: 'sign' }, A.jianwai],
    ]);
    expectRefused(
      s,
      { type: 'submit_feedback', summary: '已处理', isSolved: true, attachments: [{ id: 'x', kind: 'video', mimeType: 'video/avi', sizeBytes: 1 }] },
      A.jianwai,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    );
    expectRefused(s, { type: 'submit_feedback', summary: '已处理', isSolved: true }, A.jianwai, 'EVIDENCE_REQUIRED', {
      policy: { ...DEFAULT_CASE_POLICY, requireFeedbackEvidence: true },
    });
  });
});

describe('intake', () => {
  it('validates what the operator recorded', () => {
    const bad = (i: Parameters<typeof intake>[0], actor = A.operator) => {
      try {
        open(intake(i), actor);
      } catch (e) {
        return (e as DomainError).code;
      }
      return null;
    };
    expect(bad({ subject: '  ' })).toBe('VALIDATION_FAILED');
    expect(bad({ requester: { name: null, phone: null, isAnonymous: true } })).toBe('VALIDATION_FAILED'); // a caller has a number
    expect(bad({ channel: 'web', requester: { name: null, phone: null, isAnonymous: true } })).toBeNull();
    expect(bad({ location: { address: 'x', coordinates: { lng: 200, lat: 0 }, districtCode: null, streetCode: null, communityCode: null } })).toBe('VALIDATION_FAILED');
    expect(bad({}, A.jianwai)).toBe('FORBIDDEN');
    expect(bad({ channel: 'proactive' }, A.jianwai)).toBeNull();
  });

  it('anonymous requester without a phone: no first-contact clock after signing', () => {
    const s = walk(open(intake({ channel: 'app', requester: { name: null, phone: null, isAnonymous: true } })).state, [
      [dispatchTo(U.jianwai), A.dispatcher],
      [{ type: 'sign' }, A.jianwai],
    ]);
    expect(s.clocks.find((c) => c.key === 'first_contact')).toBeUndefined();
    // it may go straight to feedback
    expect(run(s, { type: 'submit_feedback', summary: '已处理', isSolved: true }, A.jianwai).state.status).toBe('feedback');
  });
});
