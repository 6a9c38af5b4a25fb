// Clocks of a case (docs/cases.md, Clocks): what each deadline is per urgency, how a due instant and a
// reminder instant are computed, and what a periodic sweep should do with a clock at `now`.
// Deadline arithmetic is delegated to a calendar passed in by the caller (the WorkingCalendar in
// ../calendar satisfies it); this module never reads the wall clock.
import type { CaseUrgency, DeadlineSpan } from './case-vocabulary';

/** Anything that can add minutes, hours, calendar days or working days to an instant. */
export interface DeadlineCalendar {
  addDuration(start: Date, duration: DeadlineSpan): Date;
}

/** When to remind (催办): after a share of the allowed time has passed, or a fixed time before the deadline. */
export type RemindRule = { kind: 'fraction'; fraction: number } | { kind: 'before'; minutes: number };

export interface ClockRule extends DeadlineSpan {
  /** Overrides `ClockPolicy.defaultRemind` for this clock. */
  remind?: RemindRule;
}

export interface UrgencyClockRules {
  /** 派单: from intake (or an accepted return) to dispatch; owned by the intake unit. */
  dispatch: ClockRule;
  /** 签收: from dispatch to sign; owned by each lead or supervised co-handler. */
  sign: ClockRule;
  /** 响应: from sign to the first contact with the requester; owned by the lead. */
  firstContact: ClockRule;
  /** 办结反馈: from dispatch to feedback; owned by the lead; moved by an approved extension. */
  feedback: ClockRule;
  /** 退回重办: from a send-back to the next feedback. */
  rework: ClockRule;
}

export interface ClockPolicy {
  byUrgency: Readonly<Record<CaseUrgency, UrgencyClockRules>>;
  /** 吹哨报到: a summoned department must report within this. */
  whistleArrival: ClockRule;
  defaultRemind: RemindRule;
}

const h = (amount: number): ClockRule => ({ amount, unit: 'hours' });
const days = (amount: number): ClockRule => ({ amount, unit: 'calendar_days' });

/**
 * Defaults (docs/cases.md has the table): dispatch and feedback as a 12345 centre sets them; sign and first-contact limits chosen so each
 * fits inside the feedback limit. General and complex cases count calendar days; a city that counts
 * working days sets `unit: 'working_days'` in configuration.
 */
export const DEFAULT_CLOCK_POLICY: ClockPolicy = {
  byUrgency: {
    emergency: {
      dispatch: h(1),
      sign: { amount: 30, unit: 'minutes' },
      firstContact: { amount: 30, unit: 'minutes' },
      feedback: h(2),
      rework: h(2),
    },
    utilities: { dispatch: h(2), sign: h(1), firstContact: h(2), feedback: h(24), rework: h(24) },
    general: { dispatch: h(24), sign: h(4), firstContact: h(24), feedback: days(7), rework: days(3) },
    complex: { dispatch: h(24), sign: h(24), firstContact: h(48), feedback: days(15), rework: days(7) },
  },
  whistleArrival: { amount: 30, unit: 'minutes' },
  defaultRemind: { kind: 'fraction', fraction: 0.75 },
};

export const CLOCK_NAMES = ['dispatch', 'sign', 'first_contact', 'feedback', 'whistle_arrival'] as const;
export type ClockName = (typeof CLOCK_NAMES)[number];

/** running, or how it stopped: met (before the deadline), missed (at or after it), cancelled (no longer owed). */
export type ClockStatus = 'running' | 'met' | 'missed' | 'cancelled';

/**
 * One deadline on a case. `key` is unique within the case ('dispatch', 'feedback', 'first_contact',
 * 'sign:<unit>', 'whistle:<n>'); restarting a clock reuses its key, so store one row per
 * (case, key) and upsert.
 */
export interface CaseClock {
  key: string;
  name: ClockName;
  ownerUnitCode: string;
  ownerUnitPath: string;
  startedAt: Date;
  dueAt: Date;
  remindAt: Date;
  status: ClockStatus;
  stoppedAt: Date | null;
  remindedAt: Date | null;
  escalatedAt: Date | null;
}

/**
 * What the persistence layer writes for one clock, at most one per key per decision, always the
 * whole clock: upsert the row by (case, key). 'start' is a new clock or a restart under an existing
 * key (re-dispatch, rework: the previous run's outcome lives in history, not in the row); 'stop'
 * is a running clock that ended (met / missed / cancelled); 'replace' is a running clock whose
 * deadline or reminder marks changed (extension, 催办, 督办).
 */
export type ClockChange = { op: 'start'; clock: CaseClock } | { op: 'replace'; clock: CaseClock } | { op: 'stop'; clock: CaseClock };

export function remindInstant(startedAt: Date, dueAt: Date, rule: RemindRule): Date {
  const start = startedAt.getTime();
  const due = dueAt.getTime();
  switch (rule.kind) {
    case 'fraction': {
      const fraction = Math.min(Math.max(rule.fraction, 0), 1);
      return new Date(start + Math.round((due - start) * fraction));
    }
    case 'before':
      // Never remind before the clock started: a short clock reminds at once instead.
      return new Date(Math.max(start, due - rule.minutes * 60_000));
    default: {
      const unknown: never = rule;
      throw new Error(`Unknown remind rule ${JSON.stringify(unknown)}`);
    }
  }
}

export interface StartClockInput {
  key: string;
  name: ClockName;
  owner: { code: string; path: string };
  startedAt: Date;
  rule: ClockRule;
}

export function startClock(input: StartClockInput, calendar: DeadlineCalendar, policy: ClockPolicy): CaseClock {
  const dueAt = calendar.addDuration(input.startedAt, { amount: input.rule.amount, unit: input.rule.unit });
  return {
    key: input.key,
    name: input.name,
    ownerUnitCode: input.owner.code,
    ownerUnitPath: input.owner.path,
    startedAt: input.startedAt,
    dueAt,
    remindAt: remindInstant(input.startedAt, dueAt, input.rule.remind ?? policy.defaultRemind),
    status: 'running',
    stoppedAt: null,
    remindedAt: null,
    escalatedAt: null,
  };
}

/**
 * The marks a sweep looks at. A case clock has them; so does a work item's deadline (see
 * ../work-items/work-item-clock.ts), which is swept by the same rule.
 */
export type SweepableClock = Pick<CaseClock, 'status' | 'dueAt' | 'remindAt' | 'remindedAt' | 'escalatedAt'>;

/** Deadlines are exclusive: a clock stopped at its due instant has missed it. */
export function isPastDue(clock: Pick<CaseClock, 'dueAt'>, at: Date): boolean {
  return at.getTime() >= clock.dueAt.getTime();
}

/**
 * 超期未办 — the one definition of "overdue now" that the supervision board and the dashboard both
 * count (their SQL says `status = 'running' and due_at <= now`): a running clock past its deadline.
 * A case's `overdue` marks are something else: the record, kept for scoring, that a deadline was missed.
 */
export function isOverdueNow(clock: Pick<CaseClock, 'status' | 'dueAt'>, now: Date): boolean {
  return clock.status === 'running' && isPastDue(clock, now);
}

export type SweepAction = 'remind' | 'escalate' | 'none';

/**
 * What a sweep should do with a clock at `now`: escalate (督办, marks the case overdue against the
 * owner) once it is past due, remind (催办) once past its remind instant, each at most once; then
 * the job runs the `escalate` / `remind` command, which records that it happened.
 */
export function sweepClock(clock: SweepableClock, now: Date): SweepAction {
  if (clock.status !== 'running') return 'none';
  if (isPastDue(clock, now)) return clock.escalatedAt === null ? 'escalate' : 'none';
  if (now.getTime() >= clock.remindAt.getTime()) return clock.remindedAt === null ? 'remind' : 'none';
  return 'none';
}
