// A working copy of a case while one command is decided: the command's handler changes the copy
// freely, records history and clock changes as it goes, and `finish` hands back a Decision. The
// caller's state is cloned first and never touched, so a refusal thrown half-way changes nothing.
import { DomainError } from '../errors';
import { type CaseClock, type ClockChange, type ClockName, type ClockRule, type ClockStatus, isPastDue, startClock } from './case-clocks';
import type { CaseAction } from './case-commands';
import { actorRef, type CaseHistoryEvent, type CaseNotification, type CasePolicy, type Decision, type DecisionContext, policyOf } from './case-decision';
import type { CaseStatus } from './case-status';
import type { ActorRef, CaseAttachment, CaseState } from './case-types';

export interface RecordOptions {
  note?: string | null;
  attachments?: CaseAttachment[];
  data?: Record<string, unknown>;
}

function sameInstant(a: Date | null, b: Date | null): boolean {
  return a === null || b === null ? a === b : a.getTime() === b.getTime();
}

function clockEquals(a: CaseClock, b: CaseClock): boolean {
  return (
    a.key === b.key &&
    a.name === b.name &&
    a.ownerUnitCode === b.ownerUnitCode &&
    a.ownerUnitPath === b.ownerUnitPath &&
    a.status === b.status &&
    sameInstant(a.startedAt, b.startedAt) &&
    sameInstant(a.dueAt, b.dueAt) &&
    sameInstant(a.remindAt, b.remindAt) &&
    sameInstant(a.stoppedAt, b.stoppedAt) &&
    sameInstant(a.remindedAt, b.remindedAt) &&
    sameInstant(a.escalatedAt, b.escalatedAt)
  );
}

export class DecisionDraft {
  readonly state: CaseState;
  readonly ctx: DecisionContext;
  readonly policy: CasePolicy;
  readonly now: Date;
  readonly by: ActorRef;
  readonly #original: CaseState;
  readonly #events: CaseHistoryEvent[] = [];
  readonly #notifications: CaseNotification[] = [];

  constructor(original: CaseState, ctx: DecisionContext) {
    this.#original = original;
    this.state = structuredClone(original);
    this.ctx = ctx;
    this.policy = policyOf(ctx);
    this.now = new Date(ctx.now.getTime());
    this.by = actorRef(ctx.actor);
  }

  /** Appends a history event and moves the case to `to` (which may equal the current status). */
  record(action: CaseAction, to: CaseStatus, options: RecordOptions = {}): void {
    const s = this.state;
    s.eventCount += 1;
    this.#events.push({
      caseId: s.id,
      seq: s.eventCount,
      action,
      fromStatus: s.status,
      toStatus: to,
      actor: { ...this.by },
      at: new Date(this.now.getTime()),
      note: options.note?.trim() || null,
      attachments: options.attachments ?? [],
      data: options.data ?? {},
    });
    s.status = to;
  }

  notify(notification: CaseNotification): void {
    this.#notifications.push(notification);
  }

  clock(key: string): CaseClock | undefined {
    return this.state.clocks.find((c) => c.key === key);
  }

  runningClock(key: string): CaseClock | undefined {
    const c = this.clock(key);
    return c?.status === 'running' ? c : undefined;
  }

  /** Starts (or restarts, under the same key) a clock at `now`. */
  startClock(key: string, name: ClockName, owner: { code: string; path: string }, rule: ClockRule): CaseClock {
    const clock = startClock({ key, name, owner, startedAt: this.now, rule }, this.ctx.calendar, this.policy.clocks);
    const others = this.state.clocks.filter((c) => c.key !== key);
    this.state.clocks = [...others, clock];
    return clock;
  }

  /**
   * Stops a running clock: met or missed by the deadline unless `status` says otherwise; a missed
   * clock is marked overdue against its owner even if no sweep escalated it in time.
   */
  stopClock(key: string, status?: Exclude<ClockStatus, 'running'>): void {
    const c = this.runningClock(key);
    if (c === undefined) return;
    const final = status ?? (isPastDue(c, this.now) ? 'missed' : 'met');
    c.status = final;
    c.stoppedAt = new Date(this.now.getTime());
    if (final === 'missed') this.markOverdue(c);
  }

  /** For deadlines no longer owed: past due counts as missed (the debt stays), otherwise cancelled. */
  dropClock(key: string): void {
    const c = this.runningClock(key);
    if (c === undefined) return;
    this.stopClock(key, isPastDue(c, this.now) ? 'missed' : 'cancelled');
  }

  dropClocksWhere(test: (c: CaseClock) => boolean): void {
    for (const c of this.state.clocks.filter((x) => x.status === 'running' && test(x))) this.dropClock(c.key);
  }

  /**
   * 超期 against the owner; a missed feedback deadline also counts against supervised co-handlers
   * (双派双督: both units answer for the result). One mark per clock key and deadline.
   */
  markOverdue(clock: CaseClock): void {
    const units = new Set([clock.ownerUnitCode]);
    if (clock.name === 'feedback') {
      for (const a of this.state.assignments) {
        if (a.isSupervised && a.role === 'co' && (a.state === 'pending' || a.state === 'signed')) units.add(a.unit.code);
      }
    }
    for (const unitCode of units) {
      const exists = this.state.overdue.some((o) => o.clockKey === clock.key && o.unitCode === unitCode && o.dueAt.getTime() === clock.dueAt.getTime());
      if (!exists) {
        this.state.overdue.push({
          clockKey: clock.key,
          clockName: clock.name,
          unitCode,
          dueAt: new Date(clock.dueAt.getTime()),
          markedAt: new Date(this.now.getTime()),
        });
      }
    }
  }

  finish(): Decision {
    this.state.version = this.#original.version + 1;
    return { state: this.state, events: this.#events, clocks: this.#clockChanges(), notifications: this.#notifications };
  }

  #clockChanges(): ClockChange[] {
    const changes: ClockChange[] = [];
    for (const next of this.state.clocks) {
      const prev = this.#original.clocks.find((c) => c.key === next.key);
      if (prev === undefined || !sameInstant(prev.startedAt, next.startedAt)) {
        changes.push({ op: 'start', clock: next });
      } else if (prev.status === 'running' && next.status !== 'running') {
        changes.push({ op: 'stop', clock: next });
      } else if (!clockEquals(prev, next)) {
        changes.push({ op: 'replace', clock: next });
      }
    }
    return changes;
  }
}

export function requireText(value: string | null | undefined, field: string, what: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0) throw new DomainError('VALIDATION_FAILED', `${what} is required.`, { field });
  return text;
}
