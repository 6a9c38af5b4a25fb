import { describe, expect, it } from 'vitest';
import { type CaseState, chooseBackstopDistrict, liveLead, planCommunityDispatch, transitionTable } from '../src/index';
import { A, at, DAY, dispatchTo, expectRefused, HOUR, intake, MINUTE, open, photo, run, U, walk } from './cases-fixtures';

const clock = (s: CaseState, key: string) => s.clocks.find((c) => c.key === key);

describe('case lifecycle: the full walk', () => {
  it('intake → dispatch → return → accept → re-dispatch → sign → contact → whistle → extension → feedback → send back → feedback → close → visit → score', () => {
    const intakeDecision = open();
    let s = intakeDecision.state;
    expect(s.caseNumber).toBe('20261127-000123');
    expect(s.status).toBe('received');
    expect(s.version).toBe(1);
    expect(intakeDecision.events).toMatchObject([{ seq: 1, action: 'intake', fromStatus: null, toStatus: 'received' }]);
    expect(intakeDecision.clocks).toMatchObject([{ op: 'start', clock: { key: 'dispatch', ownerUnitCode: U.centre.code, dueAt: at(24 * HOUR) } }]);

    // 派单 to the wrong street
    let d = run(s, dispatchTo(U.chaowai), A.dispatcher, { now: at(HOUR) });
    s = d.state;
    expect(s.status).toBe('dispatched');
    expect(s.version).toBe(2);
    expect(d.events).toMatchObject([{ seq: 2, action: 'dispatch', fromStatus: 'received', toStatus: 'dispatched', data: { isRedispatch: false } }]);
    expect(clock(s, 'dispatch')?.status).toBe('met');
    expect(clock(s, 'sign:110105002')?.dueAt).toEqual(at(5 * HOUR));
    expect(clock(s, 'feedback')?.dueAt).toEqual(at(HOUR + 7 * DAY));
    expect(d.notifications).toContainEqual({ kind: 'assigned', caseId: 'case-1', unitCode: U.chaowai.code, role: 'lead' });

    // 退单 with reason and evidence
    d = run(s, { type: 'return', reason: '该地址属建外街道', attachments: [photo('map')], suggestedUnitCode: U.jianwai.code }, A.chaowai, { now: at(2 * HOUR) });
    s = d.state;
    expect(s.status).toBe('returned');
    expect(liveLead(s)).toBeNull();
    expect(d.events[0]).toMatchObject({ action: 'return', attachments: [{ id: 'map' }], data: { reason: '该地址属建外街道' } });

    // the centre accepts, then re-dispatches
    d = run(s, { type: 'accept_return' }, A.dispatcher, { now: at(3 * HOUR) });
    s = d.state;
    expect(s.status).toBe('received');
    expect(s.returns[0]?.decision).toBe('accepted');
    expect(clock(s, 'dispatch')).toMatchObject({ status: 'running', dueAt: at(27 * HOUR) });
    expect(clock(s, 'feedback')?.status).toBe('cancelled');
    d = run(s, dispatchTo(U.jianwai), A.dispatcher, { now: at(4 * HOUR) });
    s = d.state;
    expect(d.events[0]?.data).toMatchObject({ isRedispatch: true, leadUnitCode: U.jianwai.code, dispatchNo: 2 });
    expect(s.assignments.map((a) => [a.unit.code, a.state])).toEqual([
      [U.chaowai.code, 'returned'],
      [U.jianwai.code, 'pending'],
    ]);

    // 签收 by a section of the lead street (sections act for their street)
    d = run(s, { type: 'sign' }, A.jianwaiSection, { now: at(5 * HOUR) });
    s = d.state;
    expect(s.status).toBe('signed');
    expect(s.firstReceiverUnitCode).toBe(U.jianwai.code);
    expect(clock(s, 'first_contact')?.dueAt).toEqual(at(29 * HOUR));

    // 响应
    s = run(s, { type: 'contact', method: 'phone' }, A.jianwai, { now: at(6 * HOUR) }).state;
    expect(s.status).toBe('handling');
    expect(s.contactedAt).toEqual(at(6 * HOUR));
    expect(clock(s, 'first_contact')?.status).toBe('met');

    // 吹哨报到: two departments, one on time, one late
    d = run(s, { type: 'whistle', units: [U.districtDept, U.water], reason: '需执法局和自来水集团现场处置' }, A.jianwai, { now: at(7 * HOUR) });
    s = d.state;
    expect(s.whistles.map((w) => [w.unit.code, w.dueAt])).toEqual([
      [U.districtDept.code, at(7 * HOUR + 30 * MINUTE)],
      [U.water.code, at(7 * HOUR + 30 * MINUTE)],
    ]);
    expect(d.notifications.filter((n) => n.kind === 'summoned')).toHaveLength(2);
    s = run(s, { type: 'whistle_report', whistleId: 1 }, A.districtDept, { now: at(7 * HOUR + 20 * MINUTE) }).state;
    expect(s.whistles[0]).toMatchObject({ late: false });
    expectRefused(s, { type: 'whistle_report', whistleId: 2 }, A.districtDept, 'NOT_SUMMONED_UNIT');
    const waterHandler = { ...A.cityDept, unitCode: U.water.code, unitPath: U.water.path, unitClass: U.water.class };
    d = run(s, { type: 'whistle_report', whistleId: 2 }, waterHandler, { now: at(7 * HOUR + 45 * MINUTE) });
    s = d.state;
    expect(s.whistles[1]).toMatchObject({ late: true });
    expect(d.events[0]?.data).toMatchObject({ late: true, unitCode: U.water.code });
    expect(s.overdue).toContainEqual(expect.objectContaining({ clockName: 'whistle_arrival', unitCode: U.water.code }));
    expectRefused(s, { type: 'whistle_report', whistleId: 2 }, waterHandler, 'WHISTLE_ALREADY_REPORTED');
    // summoned departments join as co-handlers, so they can add notes
    s = run(s, { type: 'note', note: '已到场勘查' }, A.districtDept, { now: at(8 * HOUR) }).state;

    // 延期: requested, a second request refused while pending, approved
    const dueBefore = clock(s, 'feedback')?.dueAt as Date;
    s = run(s, { type: 'request_extension', requested: { amount: 3, unit: 'calendar_days' }, reason: '需协调拆除队伍' }, A.jianwai, { now: at(DAY) }).state;
    expectRefused(s, { type: 'request_extension', requested: { amount: 1, unit: 'calendar_days' }, reason: '再延' }, A.jianwai, 'EXTENSION_ALREADY_PENDING');
    expectRefused(s, { type: 'approve_extension' }, A.jianwai, 'FORBIDDEN');
    d = run(s, { type: 'approve_extension' }, A.dispatcher, { now: at(DAY + HOUR) });
    s = d.state;
    expect(clock(s, 'feedback')?.dueAt).toEqual(new Date(dueBefore.getTime() + 3 * DAY));
    expect(d.clocks).toMatchObject([{ op: 'replace', clock: { key: 'feedback' } }]);
    expect(s.extensions[0]).toMatchObject({ decision: 'approved', previousDueAt: dueBefore });

    // 办结反馈 → 退回重办 → 办结反馈 → close
    s = run(s, { type: 'submit_feedback', summary: '已约谈业主', isSolved: false, attachments: [photo('f1')] }, A.jianwai, { now: at(2 * DAY) }).state;
    expect(s.status).toBe('feedback');
    expect(clock(s, 'feedback')?.status).toBe('met');
    d = run(s, { type: 'send_back', reason: '违建尚未拆除' }, A.dispatcher, { now: at(2 * DAY + HOUR) });
    s = d.state;
    expect(s.status).toBe('handling');
    expect(clock(s, 'feedback')).toMatchObject({ status: 'running', dueAt: at(5 * DAY + HOUR) });
    expect(d.clocks).toMatchObject([{ op: 'start', clock: { key: 'feedback' } }]);
    s = run(s, { type: 'submit_feedback', summary: '违建已拆除', isSolved: true, attachments: [photo('f2')] }, A.jianwai, { now: at(3 * DAY) }).state;
    expect(s.feedbacks.map((f) => [f.round, f.review?.decision ?? null])).toEqual([
      [1, 'sent_back'],
      [2, null],
    ]);
    d = run(s, { type: 'close' }, A.dispatcher, { now: at(3 * DAY + HOUR) });
    s = d.state;
    expect(s.status).toBe('closed');
    expect(s.closedAt).toEqual(at(3 * DAY + HOUR));
    expect(s.assignments.filter((a) => a.state === 'done').map((a) => a.unit.code)).toEqual([U.jianwai.code, U.districtDept.code, U.water.code]);
    expect(s.clocks.filter((c) => c.status === 'running')).toEqual([]);
    expect(d.notifications).toEqual([{ kind: 'requester_feedback', caseId: 'case-1', sourceCaseId: 'case-1', summary: '违建已拆除', isSolved: true }]);

    // 回访 and scoring
    s = run(s, { type: 'record_visit', outcome: { status: 'valid', answers: { isContacted: true, isSolved: true, satisfaction: 'basically_satisfied' } } }, A.visitor, {
      now: at(4 * DAY),
    }).state;
    expect(s.status).toBe('visited');
    s = run(s, { type: 'score', periodKey: '2026-12' }, A.evaluator, { now: at(10 * DAY) }).state;
    expect(s.status).toBe('scored');
    // every decision on this path wrote exactly one history event
    expect(s.eventCount).toBe(s.version);
  });

  it('writes every event with actor, time, from, to', () => {
    const d = run(open().state, dispatchTo(U.jianwai), A.dispatcher, { now: at(HOUR) });
    expect(d.events[0]).toEqual({
      caseId: 'case-1',
      seq: 2,
      action: 'dispatch',
      fromStatus: 'received',
      toStatus: 'dispatched',
      actor: { userId: 'u-disp', username: 'disp', displayName: 'disp', unitCode: U.centre.code, unitPath: U.centre.path },
      at: at(HOUR),
      note: null,
      attachments: [],
      data: expect.objectContaining({ leadUnitCode: U.jianwai.code, mode: 'standard' }),
    });
  });
});

describe('direct answer (直接答复)', () => {
  it('closes a consultation at intake without dispatch', () => {
    const s0 = open(intake({ kind: 'consultation' })).state;
    const d = run(s0, { type: 'answer', text: '办理居住证请携带身份证到派出所' }, A.operator, { now: at(5 * MINUTE) });
    expect(d.state.status).toBe('answered');
    expect(d.state.closedAt).toEqual(at(5 * MINUTE));
    expect(d.state.assignments).toEqual([]);
    expect(d.clocks).toMatchObject([{ op: 'stop', clock: { key: 'dispatch', status: 'met' } }]);
  });

  it('refuses a direct answer for anything but a consultation', () => {
    expectRefused(open().state, { type: 'answer', text: '已知悉' }, A.operator, 'DIRECT_ANSWER_NOT_CONSULTATION');
  });
});

describe('returns, disputes and first-receiver responsibility', () => {
  const dispatched = () => run(open().state, dispatchTo(U.chaowai), A.dispatcher).state;
  const returnCmd = { type: 'return', reason: '不属本辖区', attachments: [photo()] } as const;

  it('accept and re-dispatch in one decision: two events, one version', () => {
    const returned = run(dispatched(), returnCmd, A.chaowai).state;
    const d = run(returned, { type: 'accept_return', redispatch: { lead: U.jianwai } }, A.dispatcher, { now: at(HOUR) });
    expect(d.state.status).toBe('dispatched');
    expect(d.state.version).toBe(returned.version + 1);
    expect(d.events.map((e) => [e.seq, e.action, e.fromStatus, e.toStatus])).toEqual([
      [4, 'accept_return', 'returned', 'received'],
      [5, 'dispatch', 'received', 'dispatched'],
    ]);
    // no dispatch clock is started and stopped within the same decision; the old unit's feedback
    // clock is replaced under the same key, so one 'start' (an upsert) carries the new one
    expect(d.clocks.map((c) => [c.op, c.clock.key, c.clock.ownerUnitCode])).toEqual([
      ['start', `sign:${U.jianwai.code}`, U.jianwai.code],
      ['start', 'feedback', U.jianwai.code],
    ]);
  });

  it('re-dispatching a case awaiting review closes that feedback as redispatched', () => {
    const s = walk(dispatched(), [
      [{ type: 'sign' }, A.chaowai],
      [{ type: 'submit_feedback', summary: '不属我街道', isSolved: false }, A.chaowai],
      [{ type: 'redispatch', plan: { lead: U.jianwai }, reason: '应由建外街道办理' }, A.dispatcher],
    ]);
    expect(s.feedbacks[0]?.review?.decision).toBe('redispatched');
    expect(
      walk(s, [
        [{ type: 'sign' }, A.jianwai],
        [{ type: 'submit_feedback', summary: '已处理', isSolved: true }, A.jianwai],
        [{ type: 'close' }, A.dispatcher],
      ]).status,
    ).toBe('closed');
  });

  it('refused return: back to the unit, which must sign', () => {
    const returned = run(dispatched(), returnCmd, A.chaowai).state;
    const d = run(returned, { type: 'refuse_return', reason: '经核实属朝外街道辖区' }, A.dispatcher, { now: at(HOUR) });
    const s = d.state;
    expect(s.status).toBe('dispatched');
    expect(liveLead(s)).toMatchObject({ unit: { code: U.chaowai.code }, state: 'pending', mustSign: true });
    expect(clock(s, `sign:${U.chaowai.code}`)).toMatchObject({ status: 'running', startedAt: at(HOUR) });
    expectRefused(s, returnCmd, A.chaowai, 'RETURN_REFUSED_MUST_SIGN');
    expect(run(s, { type: 'sign' }, A.chaowai).state.status).toBe('signed');
  });

  it('a return needs a reason and evidence, and only the lead may return', () => {
    const s = dispatched();
    expectRefused(s, { type: 'return', reason: ' ', attachments: [photo()] }, A.chaowai, 'VALIDATION_FAILED');
    expectRefused(s, { type: 'return', reason: '不属本辖区' }, A.chaowai, 'EVIDENCE_REQUIRED');
    expectRefused(s, returnCmd, A.jianwai, 'NOT_LEAD_UNIT');
  });

  it('dispute → ruling binds: the ruled unit cannot return again', () => {
    let s = run(dispatched(), returnCmd, A.chaowai).state;
    s = run(s, { type: 'open_dispute', parties: [U.chaowai, U.jianwai], note: '两街道均称不属本辖区' }, A.dispatcher).state;
    expect(s.status).toBe('disputed');
    expect(s.returns[0]?.decision).toBe('disputed');
    expectRefused(s, { type: 'rule_dispute', plan: { lead: U.chaowai }, basis: '以道路中心线为界' }, A.jianwai, 'FORBIDDEN');
    const d = run(s, { type: 'rule_dispute', plan: { lead: U.chaowai }, basis: '以道路中心线为界' }, A.centreLeader, { now: at(HOUR) });
    s = d.state;
    expect(s.status).toBe('dispatched');
    expect(s.disputes[0]?.ruling).toMatchObject({ unitCode: U.chaowai.code, basis: '以道路中心线为界' });
    expect(liveLead(s)).toMatchObject({ unit: { code: U.chaowai.code }, isBinding: true, source: 'ruling' });
    expectRefused(s, returnCmd, A.chaowai, 'RULING_BINDING');
  });

  it('a lead that signed cannot return; only the centre can re-dispatch', () => {
    const signed = run(dispatched(), { type: 'sign' }, A.chaowai).state;
    const err = expectRefused(signed, returnCmd, A.chaowai, 'LEAD_CANNOT_RETURN_AFTER_SIGN');
    expect(err.details).toEqual({ action: 'return', status: 'signed' });
    expectRefused(signed, { type: 'redispatch', plan: { lead: U.jianwai }, reason: '不归我管' }, A.chaowai, 'FORBIDDEN');
    const d = run(signed, { type: 'redispatch', plan: { lead: U.jianwai }, reason: '经核实属建外街道' }, A.dispatcher, { now: at(HOUR) });
    expect(d.state.status).toBe('dispatched');
    expect(d.state.firstReceiverUnitCode).toBe(U.chaowai.code);
    expect(liveLead(d.state)?.unit.code).toBe(U.jianwai.code);
    expect(d.state.assignments.filter((a) => a.role === 'lead' && (a.state === 'pending' || a.state === 'signed'))).toHaveLength(1);
    expect(d.notifications).toContainEqual({ kind: 'withdrawn', caseId: 'case-1', unitCode: U.chaowai.code });
    expect(clock(d.state, 'feedback')).toMatchObject({ ownerUnitCode: U.jianwai.code, startedAt: at(HOUR) });
  });

  it('only the lead unit signs, contacts and gives feedback; the lead coordinates co-handlers', () => {
    let s = run(open().state, { type: 'dispatch', plan: { lead: U.jianwai, coHandlers: [U.districtDept] } }, A.dispatcher).state;
    expectRefused(s, { type: 'sign' }, A.districtDept, 'NOT_LEAD_UNIT');
    expectRefused(s, { type: 'sign' }, A.community, 'NOT_LEAD_UNIT'); // a community under the street does not act for it
    expectRefused(s, { type: 'sign' }, A.dispatcher, 'FORBIDDEN');
    s = run(s, { type: 'acknowledge' }, A.districtDept).state;
    expectRefused(s, { type: 'acknowledge' }, A.districtDept, 'ALREADY_ACKNOWLEDGED');
    s = run(s, { type: 'sign' }, A.jianwai).state;
    expectRefused(s, { type: 'contact' }, A.districtDept, 'NOT_LEAD_UNIT');
    expectRefused(s, { type: 'submit_feedback', summary: '已处理', isSolved: true }, A.districtDept, 'NOT_LEAD_UNIT');
    s = run(s, { type: 'add_co_handler', units: [U.water] }, A.jianwai).state;
    expect(s.assignments.filter((a) => a.role === 'co').map((a) => a.unit.code)).toEqual([U.districtDept.code, U.water.code]);
    expectRefused(s, { type: 'add_co_handler', units: [U.water] }, A.jianwai, 'ALREADY_ASSIGNED');
    expectRefused(s, { type: 'add_co_handler', units: [U.cityDept] }, A.districtDept, 'NOT_LEAD_UNIT');
  });

  it('only a street blows the whistle, and only to departments and enterprises', () => {
    const deptLed = walk(open().state, [
      [dispatchTo(U.districtDept), A.dispatcher],
      [{ type: 'sign' }, A.districtDept],
    ]);
    expectRefused(deptLed, { type: 'whistle', units: [U.water], reason: '现场处置' }, A.districtDept, 'WHISTLE_ONLY_BY_STREET');
    const streetLed = walk(open().state, [
      [dispatchTo(U.jianwai), A.dispatcher],
      [{ type: 'sign' }, A.jianwai],
    ]);
    expectRefused(streetLed, { type: 'whistle', units: [U.community], reason: '现场处置' }, A.jianwai, 'INVALID_DISPATCH_TARGET');
  });
});

describe('dispatch rules', () => {
  it('dual dispatch (双派双督): street and community at once, both supervised', () => {
    const s0 = open().state;
    const d = run(s0, { type: 'dispatch', plan: { lead: U.jianwai, coHandlers: [U.community], mode: 'dual' } }, A.dispatcher);
    const s = d.state;
    expect(s.assignments.map((a) => [a.unit.code, a.role, a.isSupervised, a.source])).toEqual([
      [U.jianwai.code, 'lead', true, 'dual'],
      [U.community.code, 'co', true, 'dual'],
    ]);
    expect(d.clocks.map((c) => [c.op, c.clock.key])).toEqual([
      ['stop', 'dispatch'],
      ['start', `sign:${U.jianwai.code}`],
      ['start', `sign:${U.community.code}`],
      ['start', 'feedback'],
    ]);
    const acked = run(s, { type: 'acknowledge' }, A.community, { now: at(HOUR) }).state;
    expect(clock(acked, `sign:${U.community.code}`)?.status).toBe('met');
    // a missed feedback deadline counts against both supervised units
    const late = at(8 * DAY);
    const escalated = run(acked, { type: 'escalate', clockKey: 'feedback' }, A.supervisor, { now: late });
    expect(escalated.state.overdue.map((o) => o.unitCode)).toEqual([U.jianwai.code, U.community.code]);
    expect(escalated.notifications.map((n) => n.kind)).toEqual(['escalation', 'escalation']);
    // the pair must match: a community of another street is not a dual dispatch
    expectRefused(s0, { type: 'dispatch', plan: { lead: U.chaowai, coHandlers: [U.community], mode: 'dual' } }, A.dispatcher, 'DUAL_DISPATCH_INVALID');
  });

  it('duty list (准入): a community cannot lead a category outside its list', () => {
    const s0 = open().state; // category 010203, the list has 0105 and 0302*
    const err = expectRefused(s0, dispatchTo(U.community), A.dispatcher, 'NOT_IN_DUTY_LIST');
    expect(err.details).toMatchObject({ categoryCode: '010203', suggestedLeadCode: U.jianwai.code, suggestedCoHandlerCode: U.community.code });
    // no list on record: the community leads nothing
    expectRefused(s0, dispatchTo(U.community), A.dispatcher, 'NOT_IN_DUTY_LIST', { dutyLists: {} });
    // the street leads, the community assists
    const plan = planCommunityDispatch('010203', U.community, U.jianwai, ['0105']);
    expect(plan).toEqual({ lead: U.jianwai, coHandlers: [U.community], mode: 'dual' });
    expect(run(s0, { type: 'dispatch', plan }, A.dispatcher).state.status).toBe('dispatched');
    // in the list (by prefix): the community may lead
    const inList = open(intake({ categoryCode: '030201' })).state;
    expect(liveLead(run(inList, dispatchTo(U.community), A.dispatcher).state)?.unit.code).toBe(U.community.code);
    expect(planCommunityDispatch('010501', U.community, U.jianwai, ['0105']).lead).toBe(U.community);
  });

  it('backstop (兜底): the district of the location takes a case no unit can be found for', () => {
    const loc = { address: '朝阳区某处', districtCode: null, streetCode: '110105002', communityCode: null };
    const s0 = open(intake({ location: loc })).state;
    expect(chooseBackstopDistrict(loc, [U.haidian, U.chaoyang])).toBe(U.chaoyang);
    const d = run(s0, dispatchTo(U.chaoyang, { mode: 'backstop' }), A.dispatcher);
    expect(liveLead(d.state)).toMatchObject({ unit: { code: U.chaoyang.code }, source: 'backstop' });
    expectRefused(s0, dispatchTo(U.haidian, { mode: 'backstop' }), A.dispatcher, 'BACKSTOP_DISTRICT_MISMATCH');
    const nowhere = { address: '不详', districtCode: null, streetCode: null, communityCode: null };
    expect(() => chooseBackstopDistrict(nowhere, [U.chaoyang])).toThrow(expect.objectContaining({ code: 'BACKSTOP_LOCATION_UNKNOWN' }));
    expectRefused(open(intake({ location: nowhere })).state, dispatchTo(U.chaoyang, { mode: 'backstop' }), A.dispatcher, 'BACKSTOP_LOCATION_UNKNOWN');
  });

  it('district sub-centre dispatchers dispatch within their district only; handlers never', () => {
    const s0 = open().state;
    expect(run(s0, dispatchTo(U.districtDept), A.districtDispatcher).state.status).toBe('dispatched');
    expectRefused(s0, dispatchTo(U.cityDept), A.districtDispatcher, 'OUT_OF_SCOPE');
    expectRefused(s0, dispatchTo(U.jianwai), A.jianwai, 'FORBIDDEN');
    expectRefused(s0, dispatchTo(U.centre), A.dispatcher, 'INVALID_DISPATCH_TARGET');
    expectRefused(s0, { type: 'dispatch', plan: { lead: U.jianwai, coHandlers: [U.jianwai] } }, A.dispatcher, 'VALIDATION_FAILED');
  });
});

describe('repeated requests (并案)', () => {
  it('the child follows the parent; every requester gets feedback when the parent closes', () => {
    let parent = run(open().state, dispatchTo(U.jianwai), A.dispatcher).state;
    let child = open(intake({ requester: { name: '李四', phone: '13900001111', isAnonymous: false } }), A.operator, {}, 'case-2').state;
    const merge = run(child, { type: 'merge', parent: { caseId: parent.id, caseNumber: parent.caseNumber, status: parent.status } }, A.operator);
    child = merge.state;
    expect(child.status).toBe('merged');
    expect(child.parent).toEqual({ caseId: 'case-1', caseNumber: '20261127-000123' });
    expect(merge.clocks).toMatchObject([{ op: 'stop', clock: { key: 'dispatch', status: 'cancelled' } }]);
    parent = run(parent, { type: 'link_child', child: { caseId: child.id, caseNumber: child.caseNumber } }, A.operator).state;
    expectRefused(parent, { type: 'link_child', child: { caseId: child.id, caseNumber: child.caseNumber } }, A.operator, 'ALREADY_LINKED');
    expectRefused(parent, { type: 'merge', parent: { caseId: 'case-9', caseNumber: 'x', status: 'received' } }, A.operator, 'CANNOT_MERGE_A_PARENT');

    parent = walk(parent, [
      [{ type: 'sign' }, A.jianwai],
      [{ type: 'submit_feedback', summary: '已处理', isSolved: true }, A.jianwai],
    ]);
    const closed = run(parent, { type: 'close' }, A.dispatcher);
    expect(closed.notifications).toEqual([
      { kind: 'requester_feedback', caseId: 'case-1', sourceCaseId: 'case-1', summary: '已处理', isSolved: true },
      { kind: 'requester_feedback', caseId: 'case-2', sourceCaseId: 'case-1', summary: '已处理', isSolved: true },
    ]);
    expectRefused(child, { type: 'parent_closed', parentCaseId: 'case-7', summary: '已处理', isSolved: true }, A.dispatcher, 'VALIDATION_FAILED');
    child = run(child, { type: 'parent_closed', parentCaseId: 'case-1', summary: '已处理', isSolved: true }, A.dispatcher).state;
    expect(child.status).toBe('closed');
  });

  it('refuses merging into itself or into a finished case', () => {
    const s = open().state;
    expectRefused(s, { type: 'merge', parent: { caseId: s.id, caseNumber: s.caseNumber, status: 'received' } }, A.operator, 'CANNOT_MERGE_INTO_SELF');
    expectRefused(s, { type: 'merge', parent: { caseId: 'case-0', caseNumber: 'x', status: 'closed' } }, A.operator, 'MERGE_PARENT_NOT_OPEN');
  });
});

describe('transition table', () => {
  it('allows exactly one route out of received for a dispatch and marks the rest', () => {
    const table = transitionTable();
    expect(table.received.dispatch).toEqual({ isAllowed: true, to: 'dispatched' });
    expect(table.signed.return).toEqual({ isAllowed: false, code: 'LEAD_CANNOT_RETURN_AFTER_SIGN' });
    expect(table.closed.dispatch).toEqual({ isAllowed: false, code: 'ILLEGAL_TRANSITION' });
    expect(table.handling.note).toEqual({ isAllowed: true, to: 'handling' });
  });
});
