// Who may take each action on a case in its present state — the part of every decision that does
// not depend on the command's payload. The decider calls these first (after the status table), and
// `allowedActions` asks the same functions, so what the console offers and what the server accepts
// cannot drift apart. A guard throws the DomainError the decider would throw, or returns what the
// decision needs (the lead assignment, the pending return …).
import { DomainError } from '../errors';
import { type Actor, hasRole } from '../org/roles';
import type { CaseClock } from './case-clocks';
import { sweepClock } from './case-clocks';
import { CASE_ACTIONS, type CaseAction } from './case-commands';
import {
  actsForUnit,
  isCentreDispatcher,
  isDistrictDispatcher,
  liveLead,
  requireCentreDispatcher,
  requireCentreRole,
  requireCoHandlerWorker,
  requireDispatcherFor,
  requireIntakeStaff,
  requireLeadWorker,
  requireNoteWriter,
  requireSupervisorOver,
} from './case-permissions';
import { canTakeAction } from './case-transitions';
import type { CaseAssignment, CaseExtension, CaseFeedback, CaseReturn, CaseState, WhistleCall } from './case-types';

export function guardAnswer(s: CaseState, actor: Actor): void {
  requireIntakeStaff(actor, s, 'answer');
  if (s.kind !== 'consultation') {
    throw new DomainError('DIRECT_ANSWER_NOT_CONSULTATION', `Only a consultation (咨询) can be answered at intake; a ${s.kind} must be dispatched.`, { kind: s.kind });
  }
}

/** The units a dispatch names are checked against a district dispatcher's area by the decision. */
export function guardDispatch(_s: CaseState, actor: Actor): void {
  requireDispatcherFor(actor, 'dispatch', []);
}

export function guardRedispatch(s: CaseState, actor: Actor): CaseAssignment | null {
  const current = liveLead(s);
  requireDispatcherFor(actor, 'redispatch', current ? [current.unit] : []);
  return current;
}

export function guardSign(s: CaseState, actor: Actor): CaseAssignment {
  return requireLeadWorker(actor, s, 'sign');
}

export function guardReturn(s: CaseState, actor: Actor): CaseAssignment {
  const lead = requireLeadWorker(actor, s, 'return');
  if (lead.isBinding) {
    throw new DomainError('RULING_BINDING', `A jurisdiction ruling assigned this case to ${lead.unit.name}; it cannot be returned.`, { unitCode: lead.unit.code });
  }
  if (lead.mustSign) {
    throw new DomainError('RETURN_REFUSED_MUST_SIGN', 'The centre refused this unit’s return; the unit must sign the case and handle it.', { unitCode: lead.unit.code });
  }
  return lead;
}

function pendingReturn(s: CaseState): CaseReturn {
  const last = s.returns[s.returns.length - 1];
  if (last === undefined || last.decision !== 'pending') {
    throw new DomainError('ILLEGAL_TRANSITION', 'This case has no return awaiting review.', { status: s.status });
  }
  return last;
}

/** accept_return, refuse_return, open_dispute: the centre reviews a pending return. */
export function guardReturnReview(s: CaseState, actor: Actor, action: 'accept_return' | 'refuse_return' | 'open_dispute'): CaseReturn {
  requireCentreDispatcher(actor, action);
  return pendingReturn(s);
}

export function guardRuleDispute(_s: CaseState, actor: Actor): void {
  // The centre rules, or its leadership (a leadership group acts through the centre).
  requireCentreRole(actor, 'rule_dispute', 'dispatcher', 'unit_leader');
}

export function guardAcknowledge(s: CaseState, actor: Actor): CaseAssignment {
  const mine = requireCoHandlerWorker(actor, s, 'acknowledge');
  if (mine.state === 'signed') {
    throw new DomainError('ALREADY_ACKNOWLEDGED', `${mine.unit.name} has already signed for its part.`, { unitCode: mine.unit.code });
  }
  return mine;
}

/** The centre (or a district dispatcher) may add co-handlers; so may the lead, which coordinates them. */
export function guardAddCoHandler(s: CaseState, actor: Actor): 'dispatcher' | 'lead' {
  if (isCentreDispatcher(actor) || isDistrictDispatcher(actor)) return 'dispatcher';
  requireLeadWorker(actor, s, 'add_co_handler');
  return 'lead';
}

export function guardLeadWork(s: CaseState, actor: Actor, action: 'contact' | 'submit_feedback'): CaseAssignment {
  return requireLeadWorker(actor, s, action);
}

export function guardNote(s: CaseState, actor: Actor): void {
  requireNoteWriter(actor, s);
}

export function guardWhistle(s: CaseState, actor: Actor): CaseAssignment {
  const lead = requireLeadWorker(actor, s, 'whistle');
  if (lead.unit.class !== 'street') {
    throw new DomainError('WHISTLE_ONLY_BY_STREET', 'Only a street or township leading the case can blow the whistle (吹哨).', {
      unitCode: lead.unit.code,
      unitClass: lead.unit.class,
    });
  }
  return lead;
}

function worksFor(actor: Actor, unit: WhistleCall['unit']): boolean {
  return hasRole(actor, 'handler', 'unit_leader') && actsForUnit(actor, unit);
}

/** Without a call id: some summoned unit the actor works for has not reported yet. */
export function guardWhistleReport(s: CaseState, actor: Actor, whistleId?: number): WhistleCall {
  if (whistleId === undefined) {
    const open = s.whistles.find((w) => w.reportedAt === null && worksFor(actor, w.unit));
    if (open === undefined) throw new DomainError('NOT_SUMMONED_UNIT', 'Your unit has no whistle call on this case to report for.', { unitCode: actor.unitCode });
    return open;
  }
  const call = s.whistles.find((w) => w.id === whistleId);
  if (call === undefined) {
    throw new DomainError('VALIDATION_FAILED', `This case has no whistle call ${whistleId}.`, { field: 'whistleId', value: whistleId });
  }
  if (!worksFor(actor, call.unit)) {
    throw new DomainError('NOT_SUMMONED_UNIT', `Only ${call.unit.name} can report for this whistle call.`, { whistleId: call.id, unitCode: call.unit.code });
  }
  if (call.reportedAt !== null) {
    throw new DomainError('WHISTLE_ALREADY_REPORTED', `${call.unit.name} already reported for this call.`, { whistleId: call.id });
  }
  return call;
}

export function pendingExtension(s: CaseState): CaseExtension | undefined {
  return s.extensions.find((e) => e.decision === 'pending');
}

/** The limit on extensions (policy) and the deadline (time) are checked by the decision. */
export function guardRequestExtension(s: CaseState, actor: Actor): CaseAssignment {
  const lead = requireLeadWorker(actor, s, 'request_extension');
  if (pendingExtension(s) !== undefined) {
    throw new DomainError('EXTENSION_ALREADY_PENDING', 'An extension request is already waiting for the centre; wait for its answer.', {});
  }
  return lead;
}

export function guardExtensionReview(s: CaseState, actor: Actor, action: 'approve_extension' | 'refuse_extension'): CaseExtension {
  requireCentreDispatcher(actor, action);
  const ext = pendingExtension(s);
  if (ext === undefined) throw new DomainError('NO_PENDING_EXTENSION', 'There is no extension request to decide.', {});
  return ext;
}

export function guardFeedbackReview(s: CaseState, actor: Actor, action: 'close' | 'send_back'): CaseFeedback {
  requireCentreDispatcher(actor, action);
  const f = s.feedbacks[s.feedbacks.length - 1];
  if (f === undefined || f.review !== null) {
    throw new DomainError('ILLEGAL_TRANSITION', 'This case has no feedback awaiting review.', { status: s.status });
  }
  return f;
}

export function guardIntakeStaff(s: CaseState, actor: Actor, action: 'merge' | 'link_child'): void {
  requireIntakeStaff(actor, s, action);
}

export function guardParentClosed(_s: CaseState, actor: Actor): void {
  requireCentreDispatcher(actor, 'parent_closed');
}

export function guardRecordVisit(_s: CaseState, actor: Actor): void {
  requireCentreRole(actor, 'record_visit', 'visitor');
}

export function guardScore(_s: CaseState, actor: Actor): void {
  requireCentreRole(actor, 'score', 'evaluator', 'administrator');
}

export function runningClock(s: CaseState, key: string): CaseClock {
  const clock = s.clocks.find((c) => c.key === key);
  if (clock === undefined) throw new DomainError('CLOCK_NOT_FOUND', `This case has no clock "${key}".`, { clockKey: key });
  if (clock.status !== 'running') {
    throw new DomainError('CLOCK_NOT_RUNNING', `The clock "${key}" has stopped (${clock.status}).`, { clockKey: key, clockStatus: clock.status });
  }
  return clock;
}

/** 催办 / 督办 on one clock; an escalation only once, and only past the deadline (when `now` is known). */
export function guardSupervision(s: CaseState, actor: Actor, action: 'remind' | 'escalate', clockKey: string, now?: Date): CaseClock {
  const clock = runningClock(s, clockKey);
  requireSupervisorOver(actor, clock.ownerUnitPath, action);
  if (action === 'escalate') {
    if (clock.escalatedAt !== null) throw new DomainError('CLOCK_ALREADY_ESCALATED', `The clock "${clock.key}" was already escalated.`, { clockKey: clock.key });
    if (now !== undefined && sweepClock(clock, now) !== 'escalate') {
      throw new DomainError('CLOCK_NOT_DUE', `The clock "${clock.key}" is not past its deadline yet.`, { clockKey: clock.key, dueAt: clock.dueAt });
    }
  }
  return clock;
}

/** The clocks an actor may remind or escalate now: what the console offers in its clock picker. */
export function supervisableClocks(s: CaseState, actor: Actor, action: 'remind' | 'escalate', now?: Date): CaseClock[] {
  return s.clocks.filter((c) => c.status === 'running' && passes(() => guardSupervision(s, actor, action, c.key, now)));
}

function passes(guard: () => unknown): boolean {
  try {
    guard();
    return true;
  } catch (e) {
    if (e instanceof DomainError) return false;
    throw e;
  }
}

/** Every action's guard, asked without a payload (see allowedActions). */
export const CASE_ACTION_GUARDS: Readonly<Record<CaseAction, (s: CaseState, actor: Actor, now?: Date) => unknown>> = {
  answer: guardAnswer,
  dispatch: guardDispatch,
  redispatch: guardRedispatch,
  sign: guardSign,
  return: guardReturn,
  accept_return: (s, a) => guardReturnReview(s, a, 'accept_return'),
  refuse_return: (s, a) => guardReturnReview(s, a, 'refuse_return'),
  open_dispute: (s, a) => guardReturnReview(s, a, 'open_dispute'),
  rule_dispute: guardRuleDispute,
  acknowledge: guardAcknowledge,
  add_co_handler: guardAddCoHandler,
  contact: (s, a) => guardLeadWork(s, a, 'contact'),
  note: guardNote,
  whistle: guardWhistle,
  whistle_report: (s, a) => guardWhistleReport(s, a),
  request_extension: guardRequestExtension,
  approve_extension: (s, a) => guardExtensionReview(s, a, 'approve_extension'),
  refuse_extension: (s, a) => guardExtensionReview(s, a, 'refuse_extension'),
  submit_feedback: (s, a) => guardLeadWork(s, a, 'submit_feedback'),
  close: (s, a) => guardFeedbackReview(s, a, 'close'),
  send_back: (s, a) => guardFeedbackReview(s, a, 'send_back'),
  merge: (s, a) => guardIntakeStaff(s, a, 'merge'),
  link_child: (s, a) => guardIntakeStaff(s, a, 'link_child'),
  parent_closed: guardParentClosed,
  record_visit: guardRecordVisit,
  score: guardScore,
  remind: (s, a, now) => requireSupervisableClock(s, a, 'remind', now),
  escalate: (s, a, now) => requireSupervisableClock(s, a, 'escalate', now),
};

function requireSupervisableClock(s: CaseState, actor: Actor, action: 'remind' | 'escalate', now?: Date): void {
  if (supervisableClocks(s, actor, action, now).length > 0) return;
  throw new DomainError('FORBIDDEN', `No running clock on this case that you may ${action === 'remind' ? 'remind' : 'escalate'}.`, { action });
}

/** The actions `actor` may take on the case now: the status table, then the same guards the decider runs. */
export function allowedActions(state: CaseState, actor: Actor, opts: { now?: Date } = {}): CaseAction[] {
  return CASE_ACTIONS.filter((a) => canTakeAction(state.status, a) && passes(() => CASE_ACTION_GUARDS[a](state, actor, opts.now)));
}
