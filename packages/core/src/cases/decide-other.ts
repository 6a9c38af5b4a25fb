// Decisions at the edges of the lifecycle: direct answer at intake (直接答复), merging repeated
// requests (并案), return visit (回访), scoring, and the supervision clocks (催办 / 督办).
import { DomainError } from '../errors';
import type { CommandOf } from './case-commands';
import { guardAnswer, guardIntakeStaff, guardParentClosed, guardRecordVisit, guardScore, guardSupervision } from './case-guards';
import { isOpenStatus } from './case-status';
import type { CaseClock } from './case-clocks';
import { withdrawLive } from './decide-dispatch';
import { type DecisionDraft, requireText } from './decision-draft';

export function decideAnswer(d: DecisionDraft, cmd: CommandOf<'answer'>): void {
  guardAnswer(d.state, d.ctx.actor);
  const text = requireText(cmd.text, 'text', 'The answer');
  d.state.answer = { text, at: new Date(d.now.getTime()), by: { ...d.by } };
  d.state.closedAt = new Date(d.now.getTime());
  d.stopClock('dispatch');
  d.record('answer', 'answered', { note: cmd.note, data: { text } });
}

export function decideMerge(d: DecisionDraft, cmd: CommandOf<'merge'>): void {
  guardIntakeStaff(d.state, d.ctx.actor, 'merge');
  const parent = cmd.parent;
  if (parent.caseId === d.state.id) {
    throw new DomainError('CANNOT_MERGE_INTO_SELF', 'A case cannot be merged into itself.', { caseId: parent.caseId });
  }
  if (d.state.children.length > 0) {
    // One level only: a parent follows nobody, or its children would follow a case that follows another.
    throw new DomainError('CANNOT_MERGE_A_PARENT', 'Other requests are merged into this case; merge the other case into this one instead.', {
      childCount: d.state.children.length,
    });
  }
  if (!isOpenStatus(parent.status)) {
    throw new DomainError('MERGE_PARENT_NOT_OPEN', `Case ${parent.caseNumber} is ${parent.status}; merge only into an open case.`, {
      parentCaseId: parent.caseId,
      parentStatus: parent.status,
    });
  }
  d.state.parent = { caseId: parent.caseId, caseNumber: parent.caseNumber };
  withdrawLive(d);
  d.dropClocksWhere(() => true);
  d.record('merge', 'merged', { note: cmd.note, data: { parentCaseId: parent.caseId, parentCaseNumber: parent.caseNumber } });
}

export function decideLinkChild(d: DecisionDraft, cmd: CommandOf<'link_child'>): void {
  guardIntakeStaff(d.state, d.ctx.actor, 'link_child');
  const child = cmd.child;
  if (child.caseId === d.state.id) {
    throw new DomainError('CANNOT_MERGE_INTO_SELF', 'A case cannot be merged into itself.', { caseId: child.caseId });
  }
  if (d.state.children.some((c) => c.caseId === child.caseId)) {
    throw new DomainError('ALREADY_LINKED', `Case ${child.caseNumber} is already merged into this one.`, { childCaseId: child.caseId });
  }
  d.state.children.push({ caseId: child.caseId, caseNumber: child.caseNumber });
  d.record('link_child', d.state.status, { note: cmd.note, data: { childCaseId: child.caseId, childCaseNumber: child.caseNumber } });
}

export function decideParentClosed(d: DecisionDraft, cmd: CommandOf<'parent_closed'>): void {
  guardParentClosed(d.state, d.ctx.actor);
  if (d.state.parent?.caseId !== cmd.parentCaseId) {
    throw new DomainError('VALIDATION_FAILED', 'This case is not merged into that case.', { field: 'parentCaseId', value: cmd.parentCaseId });
  }
  d.state.closedAt = new Date(d.now.getTime());
  d.record('parent_closed', 'closed', {
    note: cmd.note,
    data: { parentCaseId: cmd.parentCaseId, summary: cmd.summary, isSolved: cmd.isSolved },
  });
}

export function decideRecordVisit(d: DecisionDraft, cmd: CommandOf<'record_visit'>): void {
  guardRecordVisit(d.state, d.ctx.actor);
  const at = new Date(d.now.getTime());
  const note = cmd.note?.trim() || null;
  const o = cmd.outcome;
  d.state.visit =
    o.status === 'valid' ? { status: 'valid', answers: { ...o.answers }, at, by: { ...d.by }, note } : { status: 'invalid', reason: o.reason, at, by: { ...d.by }, note };
  d.record('record_visit', 'visited', { note: cmd.note, data: { outcome: o } });
}

export function decideScore(d: DecisionDraft, cmd: CommandOf<'score'>): void {
  guardScore(d.state, d.ctx.actor);
  const periodKey = requireText(cmd.periodKey, 'periodKey', 'The evaluation period');
  d.state.scoredPeriodKey = periodKey;
  d.record('score', 'scored', { note: cmd.note, data: { periodKey } });
}

function clockData(clock: CaseClock): Record<string, unknown> {
  return { clockKey: clock.key, clockName: clock.name, unitCode: clock.ownerUnitCode, dueAt: clock.dueAt };
}

/** 催办: the sweep's reminder, or a supervisor's by hand (which may be repeated). */
export function decideRemind(d: DecisionDraft, cmd: CommandOf<'remind'>): void {
  const clock = guardSupervision(d.state, d.ctx.actor, 'remind', cmd.clockKey);
  clock.remindedAt = new Date(d.now.getTime());
  d.notify({ kind: 'reminder', caseId: d.state.id, clockKey: clock.key, unitCode: clock.ownerUnitCode, dueAt: clock.dueAt });
  d.record('remind', d.state.status, { note: cmd.note, data: clockData(clock) });
}

/** 督办: once per deadline, only past it; marks the case overdue (超期) against the owner. */
export function decideEscalate(d: DecisionDraft, cmd: CommandOf<'escalate'>): void {
  const clock = guardSupervision(d.state, d.ctx.actor, 'escalate', cmd.clockKey, d.now);
  clock.escalatedAt = new Date(d.now.getTime());
  d.markOverdue(clock);
  const marked = d.state.overdue.filter((o) => o.clockKey === clock.key && o.dueAt.getTime() === clock.dueAt.getTime()).map((o) => o.unitCode);
  for (const unitCode of marked) {
    d.notify({ kind: 'escalation', caseId: d.state.id, clockKey: clock.key, unitCode, dueAt: clock.dueAt });
  }
  d.record('escalate', d.state.status, { note: cmd.note, data: { ...clockData(clock), overdueUnitCodes: marked } });
}
