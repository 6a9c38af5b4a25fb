// Decisions while a unit works the case: contact (响应), notes, whistle (吹哨报到), extension
// (延期), feedback (办结反馈) and the centre's review (close, or 退回重办).
import { DomainError } from '../errors';
import { validateAttachments } from './case-attachments';
import { isPastDue, remindInstant } from './case-clocks';
import type { CommandOf } from './case-commands';
import { guardExtensionReview, guardFeedbackReview, guardLeadWork, guardNote, guardRequestExtension, guardWhistle, guardWhistleReport, pendingExtension } from './case-guards';
import { liveAssignments } from './case-permissions';
import type { CaseExtension, CaseFeedback, DeadlineSpan, UnitRef } from './case-types';
import { ensureCoHandler } from './decide-dispatch';
import { type DecisionDraft, requireText } from './decision-draft';

const DEADLINE_UNITS: readonly DeadlineSpan['unit'][] = ['minutes', 'hours', 'calendar_days', 'working_days'];

function checkSpan(span: DeadlineSpan, field: string): DeadlineSpan {
  if (!Number.isSafeInteger(span.amount) || span.amount <= 0 || !DEADLINE_UNITS.includes(span.unit)) {
    throw new DomainError('VALIDATION_FAILED', `${field} must be a positive whole amount of minutes, hours, calendar days or working days.`, {
      field,
      value: span,
    });
  }
  return { amount: span.amount, unit: span.unit };
}

export function decideContact(d: DecisionDraft, cmd: CommandOf<'contact'>): void {
  const lead = guardLeadWork(d.state, d.ctx.actor, 'contact');
  const isFirst = d.state.contactedAt === null;
  if (isFirst) d.state.contactedAt = new Date(d.now.getTime());
  d.stopClock('first_contact');
  d.record('contact', 'handling', { note: cmd.note, data: { unitCode: lead.unit.code, method: cmd.method ?? 'phone', isFirst } });
}

export function decideNote(d: DecisionDraft, cmd: CommandOf<'note'>): void {
  guardNote(d.state, d.ctx.actor);
  const note = requireText(cmd.note, 'note', 'The note');
  const attachments = validateAttachments(cmd.attachments, d.policy.attachments);
  d.record('note', d.state.status, { note, attachments });
}

const SUMMONABLE: readonly UnitRef['class'][] = ['department', 'enterprise'];

export function decideWhistle(d: DecisionDraft, cmd: CommandOf<'whistle'>): void {
  guardWhistle(d.state, d.ctx.actor);
  const reason = requireText(cmd.reason, 'reason', 'The reason for the whistle');
  if (cmd.units.length === 0) throw new DomainError('VALIDATION_FAILED', 'Name at least one department to summon.', { field: 'units' });
  const seen = new Set<string>();
  for (const u of cmd.units) {
    if (!SUMMONABLE.includes(u.class)) {
      throw new DomainError('INVALID_DISPATCH_TARGET', `${u.name} (a ${u.class}) cannot be summoned; a whistle calls departments and enterprises.`, {
        unitCode: u.code,
      });
    }
    const waiting = d.state.whistles.some((w) => w.unit.code === u.code && w.reportedAt === null);
    if (seen.has(u.code) || waiting) {
      throw new DomainError('VALIDATION_FAILED', `${u.name} is already summoned and has not reported yet.`, { field: 'units', unitCode: u.code });
    }
    seen.add(u.code);
  }
  const calls: Record<string, unknown>[] = [];
  for (const u of cmd.units) {
    const id = d.state.whistles.length + 1;
    const clockKey = `whistle:${id}`;
    const clock = d.startClock(clockKey, 'whistle_arrival', u, d.policy.clocks.whistleArrival);
    d.state.whistles.push({
      id,
      unit: { code: u.code, name: u.name, path: u.path, class: u.class },
      calledAt: new Date(d.now.getTime()),
      calledBy: { ...d.by },
      dueAt: new Date(clock.dueAt.getTime()),
      clockKey,
      reason,
      reportedAt: null,
      late: null,
    });
    ensureCoHandler(d, u);
    d.notify({ kind: 'summoned', caseId: d.state.id, unitCode: u.code, dueAt: clock.dueAt });
    calls.push({ whistleId: id, unitCode: u.code, dueAt: clock.dueAt });
  }
  d.record('whistle', d.state.status, { note: cmd.note, data: { reason, calls } });
}

export function decideWhistleReport(d: DecisionDraft, cmd: CommandOf<'whistle_report'>): void {
  const call = guardWhistleReport(d.state, d.ctx.actor, cmd.whistleId);
  // Deadlines are exclusive, as for every clock: reporting at the due instant is late.
  const late = d.now.getTime() >= call.dueAt.getTime();
  call.reportedAt = new Date(d.now.getTime());
  call.late = late;
  d.stopClock(call.clockKey);
  d.record('whistle_report', d.state.status, { note: cmd.note, data: { whistleId: call.id, unitCode: call.unit.code, late } });
}

export function decideRequestExtension(d: DecisionDraft, cmd: CommandOf<'request_extension'>): void {
  const lead = guardRequestExtension(d.state, d.ctx.actor);
  const approved = d.state.extensions.filter((e) => e.decision === 'approved').length;
  if (approved >= d.policy.maxExtensions) {
    throw new DomainError('EXTENSION_LIMIT_REACHED', `This case has had the most extensions allowed (${d.policy.maxExtensions}).`, {
      maxExtensions: d.policy.maxExtensions,
    });
  }
  const requested = checkSpan(cmd.requested, 'requested');
  const reason = requireText(cmd.reason, 'reason', 'A reason for the extension');
  const clock = d.runningClock('feedback');
  if (clock === undefined) throw new DomainError('CLOCK_NOT_FOUND', 'This case has no running feedback deadline to extend.', { clockKey: 'feedback' });
  if (isPastDue(clock, d.now)) {
    throw new DomainError('EXTENSION_AFTER_DEADLINE', 'An extension must be asked for before the feedback deadline.', { dueAt: clock.dueAt });
  }
  d.state.extensions.push({
    id: d.state.extensions.length + 1,
    requestedAt: new Date(d.now.getTime()),
    requestedBy: { ...d.by },
    unitCode: lead.unit.code,
    requested,
    reason,
    decision: 'pending',
    decidedAt: null,
    decidedBy: null,
    granted: null,
    previousDueAt: null,
    newDueAt: null,
    decisionNote: null,
  });
  d.record('request_extension', d.state.status, { note: cmd.note, data: { requested, reason, currentDueAt: clock.dueAt } });
}

export function decideApproveExtension(d: DecisionDraft, cmd: CommandOf<'approve_extension'>): void {
  const ext = guardExtensionReview(d.state, d.ctx.actor, 'approve_extension');
  const granted = checkSpan(cmd.granted ?? ext.requested, 'granted');
  const clock = d.runningClock('feedback');
  if (clock === undefined) throw new DomainError('CLOCK_NOT_FOUND', 'This case has no running feedback deadline to extend.', { clockKey: 'feedback' });
  const previousDueAt = new Date(clock.dueAt.getTime());
  // The extension adds to the current deadline, not to today: an early request is not penalised.
  clock.dueAt = d.ctx.calendar.addDuration(previousDueAt, granted);
  const rules = d.policy.clocks.byUrgency[d.state.urgency];
  const isRework = d.state.feedbacks.some((f) => f.review?.decision === 'sent_back');
  const rule = (isRework ? rules.rework : rules.feedback).remind ?? d.policy.clocks.defaultRemind;
  clock.remindAt = remindInstant(clock.startedAt, clock.dueAt, rule);
  // A new deadline deserves its own reminder and escalation; marks already made stay in `overdue`.
  clock.remindedAt = null;
  clock.escalatedAt = null;
  Object.assign(ext, {
    decision: 'approved',
    decidedAt: new Date(d.now.getTime()),
    decidedBy: { ...d.by },
    granted,
    previousDueAt,
    newDueAt: new Date(clock.dueAt.getTime()),
    decisionNote: cmd.note?.trim() || null,
  } satisfies Partial<CaseExtension>);
  d.record('approve_extension', d.state.status, { note: cmd.note, data: { extensionId: ext.id, granted, previousDueAt, newDueAt: clock.dueAt } });
}

export function decideRefuseExtension(d: DecisionDraft, cmd: CommandOf<'refuse_extension'>): void {
  const ext = guardExtensionReview(d.state, d.ctx.actor, 'refuse_extension');
  const reason = requireText(cmd.reason, 'reason', 'A reason for refusing the extension');
  Object.assign(ext, {
    decision: 'refused',
    decidedAt: new Date(d.now.getTime()),
    decidedBy: { ...d.by },
    decisionNote: reason,
  } satisfies Partial<CaseExtension>);
  d.record('refuse_extension', d.state.status, { note: cmd.note, data: { extensionId: ext.id, reason } });
}

export function decideSubmitFeedback(d: DecisionDraft, cmd: CommandOf<'submit_feedback'>): void {
  const lead = guardLeadWork(d.state, d.ctx.actor, 'submit_feedback');
  const summary = requireText(cmd.summary, 'summary', 'What was done');
  if (typeof cmd.isSolved !== 'boolean') {
    throw new DomainError('VALIDATION_FAILED', 'Say whether the problem was solved.', { field: 'isSolved' });
  }
  const attachments = validateAttachments(cmd.attachments, d.policy.attachments);
  if (d.policy.requireFeedbackEvidence && attachments.length === 0) {
    throw new DomainError('EVIDENCE_REQUIRED', 'Feedback must carry evidence (photos, video or documents).', { field: 'attachments' });
  }
  const ext = pendingExtension(d.state);
  if (ext !== undefined) {
    // Finishing makes the request moot; say so rather than leave it pending forever.
    Object.assign(ext, { decision: 'withdrawn', decidedAt: new Date(d.now.getTime()), decidedBy: { ...d.by } } satisfies Partial<CaseExtension>);
  }
  d.stopClock('feedback');
  d.dropClock('first_contact');
  d.dropClocksWhere((c) => c.name === 'sign');
  const feedback: CaseFeedback = {
    round: d.state.feedbacks.length + 1,
    unitCode: lead.unit.code,
    submittedAt: new Date(d.now.getTime()),
    submittedBy: { ...d.by },
    summary,
    isSolved: cmd.isSolved,
    attachments,
    review: null,
  };
  d.state.feedbacks.push(feedback);
  d.record('submit_feedback', 'feedback', {
    note: cmd.note,
    attachments,
    data: { round: feedback.round, isSolved: feedback.isSolved, summary, withdrawnExtensionId: ext?.id ?? null },
  });
}

export function decideClose(d: DecisionDraft, cmd: CommandOf<'close'>): void {
  const f = guardFeedbackReview(d.state, d.ctx.actor, 'close');
  const s = d.state;
  f.review = { decision: 'accepted', at: new Date(d.now.getTime()), by: { ...d.by }, note: cmd.note?.trim() || null };
  for (const a of liveAssignments(s)) {
    a.state = 'done';
    a.endedAt = new Date(d.now.getTime());
  }
  d.dropClocksWhere(() => true);
  s.closedAt = new Date(d.now.getTime());
  // 并案: one handling, every requester told — this case's own and each merged child's.
  for (const caseId of [s.id, ...s.children.map((c) => c.caseId)]) {
    d.notify({ kind: 'requester_feedback', caseId, sourceCaseId: s.id, summary: f.summary, isSolved: f.isSolved });
  }
  d.record('close', 'closed', { note: cmd.note, data: { round: f.round, isSolved: f.isSolved, childCaseIds: s.children.map((c) => c.caseId) } });
}

export function decideSendBack(d: DecisionDraft, cmd: CommandOf<'send_back'>): void {
  const f = guardFeedbackReview(d.state, d.ctx.actor, 'send_back');
  const reason = requireText(cmd.reason, 'reason', 'A reason for sending the case back');
  f.review = { decision: 'sent_back', at: new Date(d.now.getTime()), by: { ...d.by }, note: reason };
  const lead = liveAssignments(d.state).find((a) => a.role === 'lead');
  if (lead === undefined) throw new DomainError('ILLEGAL_TRANSITION', 'This case has no lead unit to send it back to.', { status: d.state.status });
  const clock = d.startClock('feedback', 'feedback', lead.unit, d.policy.clocks.byUrgency[d.state.urgency].rework);
  d.record('send_back', 'handling', { note: cmd.note, data: { round: f.round, reason, unitCode: lead.unit.code, feedbackDueAt: clock.dueAt } });
}
