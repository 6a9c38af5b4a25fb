// Decisions about who holds the case: dispatch (派单), re-dispatch (改派), sign (签收), return
// (退单) and the centre's answer to it, jurisdiction disputes (管辖争议) and co-handlers (协办).
import { DomainError } from '../errors';
import type { CommandOf, DispatchPlan } from './case-commands';
import { validateAttachments } from './case-attachments';
import { guardAcknowledge, guardAddCoHandler, guardDispatch, guardRedispatch, guardReturn, guardReturnReview, guardRuleDispute, guardSign } from './case-guards';
import { liveAssignments, requireDispatcherFor } from './case-permissions';
import type { AssignmentSource, CaseAssignment, CaseReturn, UnitRef } from './case-types';
import { type DecisionDraft, requireText } from './decision-draft';
import { checkDispatchPlan, DISPATCHABLE_UNIT_CLASSES } from './dispatch-rules';

/** Clocks that belong to a dispatch and end with it: the next holder starts its own. */
const UNIT_CLOCK_NAMES = new Set(['sign', 'first_contact', 'feedback', 'whistle_arrival']);

function planUnits(plan: DispatchPlan): UnitRef[] {
  return [plan.lead, ...(plan.coHandlers ?? [])];
}

function copyUnit(u: UnitRef): UnitRef {
  return { code: u.code, name: u.name, path: u.path, class: u.class };
}

function newAssignment(d: DecisionDraft, unit: UnitRef, role: 'lead' | 'co', source: AssignmentSource, isSupervised: boolean): CaseAssignment {
  const s = d.state;
  const isBinding = role === 'lead' && s.disputes.some((x) => x.ruling?.unitCode === unit.code);
  return {
    id: `${s.dispatchCount}:${unit.code}`,
    dispatchNo: s.dispatchCount,
    unit: copyUnit(unit),
    role,
    source,
    isSupervised,
    isBinding,
    mustSign: false,
    state: 'pending',
    assignedAt: new Date(d.now.getTime()),
    signedAt: null,
    endedAt: null,
  };
}

/** Ends every live assignment (改派, accepted return, ruling, merge) and the clocks that came with them. */
export function withdrawLive(d: DecisionDraft): void {
  for (const a of liveAssignments(d.state)) {
    a.state = 'withdrawn';
    a.endedAt = new Date(d.now.getTime());
    d.notify({ kind: 'withdrawn', caseId: d.state.id, unitCode: a.unit.code });
  }
  d.dropClocksWhere((c) => UNIT_CLOCK_NAMES.has(c.name));
}

/** Creates the assignments and clocks of a new dispatch. Returns event data. */
function applyDispatch(d: DecisionDraft, plan: DispatchPlan, source: AssignmentSource): Record<string, unknown> {
  const s = d.state;
  const co = checkDispatchPlan(plan, s.categoryCode, s.location, d.ctx.dutyLists);
  const mode = plan.mode ?? 'standard';
  const rules = d.policy.clocks.byUrgency[s.urgency];
  const effectiveSource: AssignmentSource = source === 'dispatch' && mode !== 'standard' ? mode : source;

  s.dispatchCount += 1;
  const lead = newAssignment(d, plan.lead, 'lead', effectiveSource, true);
  const coAssignments = co.map((u) => newAssignment(d, u, 'co', effectiveSource, mode === 'dual'));
  s.assignments.push(lead, ...coAssignments);

  d.stopClock('dispatch');
  for (const a of [lead, ...coAssignments]) {
    if (a.isSupervised) d.startClock(`sign:${a.unit.code}`, 'sign', a.unit, rules.sign);
    d.notify({ kind: 'assigned', caseId: s.id, unitCode: a.unit.code, role: a.role });
  }
  const feedback = d.startClock('feedback', 'feedback', lead.unit, rules.feedback);
  return {
    dispatchNo: s.dispatchCount,
    mode,
    leadUnitCode: lead.unit.code,
    coHandlerUnitCodes: coAssignments.map((a) => a.unit.code),
    isBinding: lead.isBinding,
    feedbackDueAt: feedback.dueAt,
  };
}

export function decideDispatch(d: DecisionDraft, cmd: CommandOf<'dispatch'>): void {
  guardDispatch(d.state, d.ctx.actor);
  requireDispatcherFor(d.ctx.actor, 'dispatch', planUnits(cmd.plan));
  const isRedispatch = d.state.dispatchCount > 0;
  const data = applyDispatch(d, cmd.plan, 'dispatch');
  d.record('dispatch', 'dispatched', { note: cmd.note, data: { ...data, isRedispatch } });
}

export function decideRedispatch(d: DecisionDraft, cmd: CommandOf<'redispatch'>): void {
  const current = guardRedispatch(d.state, d.ctx.actor);
  requireDispatcherFor(d.ctx.actor, 'redispatch', [...planUnits(cmd.plan), ...(current ? [current.unit] : [])]);
  const reason = requireText(cmd.reason, 'reason', 'A reason for the re-dispatch');
  const fromUnitCode = current?.unit.code ?? null;
  const pendingFeedback = d.state.feedbacks[d.state.feedbacks.length - 1];
  if (pendingFeedback !== undefined && pendingFeedback.review === null) {
    pendingFeedback.review = { decision: 'redispatched', at: new Date(d.now.getTime()), by: { ...d.by }, note: reason };
  }
  withdrawLive(d);
  const data = applyDispatch(d, cmd.plan, 'dispatch');
  d.record('redispatch', 'dispatched', { note: cmd.note, data: { ...data, reason, fromUnitCode } });
}

export function decideSign(d: DecisionDraft, cmd: CommandOf<'sign'>): void {
  const lead = guardSign(d.state, d.ctx.actor);
  const s = d.state;
  lead.state = 'signed';
  lead.signedAt = new Date(d.now.getTime());
  s.firstReceiverUnitCode ??= lead.unit.code;
  d.stopClock(`sign:${lead.unit.code}`);
  // No phone, no callback to time: an unreachable requester does not make the unit overdue.
  if (s.contactedAt === null && s.requester.phone !== null) {
    d.startClock('first_contact', 'first_contact', lead.unit, d.policy.clocks.byUrgency[s.urgency].firstContact);
  }
  d.record('sign', 'signed', { note: cmd.note, data: { unitCode: lead.unit.code } });
}

export function decideReturn(d: DecisionDraft, cmd: CommandOf<'return'>): void {
  const lead = guardReturn(d.state, d.ctx.actor);
  const reason = requireText(cmd.reason, 'reason', 'A reason for the return');
  const attachments = validateAttachments(cmd.attachments, d.policy.attachments);
  if (d.policy.requireReturnEvidence && attachments.length === 0) {
    throw new DomainError('EVIDENCE_REQUIRED', 'A return must carry evidence (a document or photo showing the matter is not this unit’s).', {
      field: 'attachments',
    });
  }
  lead.state = 'returned';
  lead.endedAt = new Date(d.now.getTime());
  d.stopClock(`sign:${lead.unit.code}`);
  // The feedback clock keeps running while the centre reviews: a refused return costs the unit its own time.
  const record: CaseReturn = {
    unitCode: lead.unit.code,
    at: new Date(d.now.getTime()),
    by: { ...d.by },
    reason,
    attachments,
    suggestedUnitCode: cmd.suggestedUnitCode ?? null,
    decision: 'pending',
    decidedAt: null,
    decidedBy: null,
    decisionNote: null,
  };
  d.state.returns.push(record);
  d.record('return', 'returned', {
    note: cmd.note,
    attachments,
    data: { unitCode: lead.unit.code, reason, suggestedUnitCode: record.suggestedUnitCode },
  });
}

function decideReturnAs(d: DecisionDraft, ret: CaseReturn, decision: CaseReturn['decision'], note: string | null): void {
  ret.decision = decision;
  ret.decidedAt = new Date(d.now.getTime());
  ret.decidedBy = { ...d.by };
  ret.decisionNote = note;
}

export function decideAcceptReturn(d: DecisionDraft, cmd: CommandOf<'accept_return'>): void {
  const ret = guardReturnReview(d.state, d.ctx.actor, 'accept_return');
  decideReturnAs(d, ret, 'accepted', cmd.note?.trim() || null);
  withdrawLive(d);
  d.record('accept_return', 'received', { note: cmd.note, data: { unitCode: ret.unitCode } });
  if (cmd.redispatch !== undefined) {
    const data = applyDispatch(d, cmd.redispatch, 'dispatch');
    d.record('dispatch', 'dispatched', { data: { ...data, isRedispatch: true } });
  } else {
    // Back with the centre: it owes a new dispatch on the same clock as an intake.
    const s = d.state;
    d.startClock('dispatch', 'dispatch', s.intakeUnit, d.policy.clocks.byUrgency[s.urgency].dispatch);
  }
}

export function decideRefuseReturn(d: DecisionDraft, cmd: CommandOf<'refuse_return'>): void {
  const ret = guardReturnReview(d.state, d.ctx.actor, 'refuse_return');
  const reason = requireText(cmd.reason, 'reason', 'A reason for refusing the return');
  const lead = [...d.state.assignments].reverse().find((a) => a.role === 'lead' && a.unit.code === ret.unitCode && a.state === 'returned');
  if (lead === undefined) {
    throw new DomainError('ILLEGAL_TRANSITION', 'The returning unit’s dispatch is no longer on this case.', { unitCode: ret.unitCode });
  }
  decideReturnAs(d, ret, 'refused', reason);
  lead.state = 'pending';
  lead.endedAt = null;
  lead.mustSign = true;
  d.startClock(`sign:${lead.unit.code}`, 'sign', lead.unit, d.policy.clocks.byUrgency[d.state.urgency].sign);
  d.notify({ kind: 'assigned', caseId: d.state.id, unitCode: lead.unit.code, role: 'lead' });
  d.record('refuse_return', 'dispatched', { note: cmd.note, data: { unitCode: lead.unit.code, reason } });
}

export function decideOpenDispute(d: DecisionDraft, cmd: CommandOf<'open_dispute'>): void {
  const ret = guardReturnReview(d.state, d.ctx.actor, 'open_dispute');
  if (cmd.parties.length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'Name the units in dispute.', { field: 'parties' });
  }
  decideReturnAs(d, ret, 'disputed', cmd.note?.trim() || null);
  const parties = cmd.parties.map(copyUnit);
  d.state.disputes.push({ openedAt: new Date(d.now.getTime()), openedBy: { ...d.by }, parties, note: cmd.note?.trim() || null, ruling: null });
  d.record('open_dispute', 'disputed', { note: cmd.note, data: { partyUnitCodes: parties.map((p) => p.code), returnedBy: ret.unitCode } });
}

export function decideRuleDispute(d: DecisionDraft, cmd: CommandOf<'rule_dispute'>): void {
  guardRuleDispute(d.state, d.ctx.actor);
  const basis = requireText(cmd.basis, 'basis', 'The basis of the ruling');
  const dispute = d.state.disputes[d.state.disputes.length - 1];
  if (dispute === undefined || dispute.ruling !== null) {
    throw new DomainError('ILLEGAL_TRANSITION', 'This case has no open dispute to rule on.', { status: d.state.status });
  }
  dispute.ruling = { unitCode: cmd.plan.lead.code, at: new Date(d.now.getTime()), by: { ...d.by }, basis };
  withdrawLive(d);
  const data = applyDispatch(d, cmd.plan, 'ruling');
  d.record('rule_dispute', 'dispatched', { note: cmd.note, data: { ...data, basis } });
}

export function decideAcknowledge(d: DecisionDraft, cmd: CommandOf<'acknowledge'>): void {
  const mine = guardAcknowledge(d.state, d.ctx.actor);
  mine.state = 'signed';
  mine.signedAt = new Date(d.now.getTime());
  d.stopClock(`sign:${mine.unit.code}`);
  d.record('acknowledge', d.state.status, { note: cmd.note, data: { unitCode: mine.unit.code } });
}

export function decideAddCoHandler(d: DecisionDraft, cmd: CommandOf<'add_co_handler'>): void {
  const actor = d.ctx.actor;
  // The centre may add co-handlers; so may the lead, which coordinates them (首接负责).
  if (guardAddCoHandler(d.state, actor) === 'dispatcher') requireDispatcherFor(actor, 'add_co_handler', cmd.units);
  if (cmd.units.length === 0) throw new DomainError('VALIDATION_FAILED', 'Name at least one co-handling unit.', { field: 'units' });
  const live = liveAssignments(d.state);
  const seen = new Set<string>();
  for (const u of cmd.units) {
    if (!(DISPATCHABLE_UNIT_CLASSES as readonly string[]).includes(u.class)) {
      throw new DomainError('INVALID_DISPATCH_TARGET', `${u.name} (a ${u.class}) cannot co-handle a case.`, { unitCode: u.code });
    }
    if (seen.has(u.code) || live.some((a) => a.unit.code === u.code)) {
      throw new DomainError('ALREADY_ASSIGNED', `${u.name} is already on this case.`, { unitCode: u.code });
    }
    seen.add(u.code);
  }
  const isSupervised = cmd.isSupervised ?? false;
  const rules = d.policy.clocks.byUrgency[d.state.urgency];
  for (const u of cmd.units) {
    d.state.assignments.push(newAssignment(d, u, 'co', 'co_invite', isSupervised));
    if (isSupervised) d.startClock(`sign:${u.code}`, 'sign', u, rules.sign);
    d.notify({ kind: 'assigned', caseId: d.state.id, unitCode: u.code, role: 'co' });
  }
  d.record('add_co_handler', d.state.status, { note: cmd.note, data: { unitCodes: cmd.units.map((u) => u.code), isSupervised } });
}

/** Exposed for the whistle: a summoned department joins as a co-handler unless already on the case. */
export function ensureCoHandler(d: DecisionDraft, unit: UnitRef): void {
  if (liveAssignments(d.state).some((a) => a.unit.code === unit.code)) return;
  d.state.assignments.push(newAssignment(d, unit, 'co', 'whistle', false));
}
