// 每月一题 as a project: the topic's states and the checks on its problems, and the effect of a
// problem — its matching cases before and after the topic started, week by week. Pure.
import { DomainError } from '../errors';

export const TOPIC_STATUSES = ['draft', 'running', 'closed'] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];
export const TOPIC_COMMANDS = ['start', 'close', 'reopen'] as const;
export type TopicCommand = (typeof TOPIC_COMMANDS)[number];

/** Problems per topic (the practice: 2–3 concrete problems per month's theme). */
export const TOPIC_PROBLEMS = { min: 2, max: 3 } as const;

/** The status after `command`, or a CONFLICT naming what is needed. */
export function decideTopic(status: TopicStatus, command: TopicCommand, problemCount: number): TopicStatus {
  switch (command) {
    case 'start':
      if (status !== 'draft') throw new DomainError('CONFLICT', `A ${status} topic cannot be started; only a draft can.`, { status });
      if (problemCount < TOPIC_PROBLEMS.min || problemCount > TOPIC_PROBLEMS.max) {
        throw new DomainError('VALIDATION_FAILED', `A topic starts with ${TOPIC_PROBLEMS.min}–${TOPIC_PROBLEMS.max} problems; it has ${problemCount}.`, { field: 'problems' });
      }
      return 'running';
    case 'close':
      if (status !== 'running') throw new DomainError('CONFLICT', `A ${status} topic cannot be closed; only a running one can.`, { status });
      return 'closed';
    case 'reopen':
      if (status !== 'closed') throw new DomainError('CONFLICT', `A ${status} topic cannot be reopened; only a closed one can.`, { status });
      return 'running';
    default: {
      const never: never = command;
      throw new DomainError('VALIDATION_FAILED', `Unknown topic command ${String(never)}.`, { field: 'command' });
    }
  }
}

export interface EffectCase {
  receivedAt: Date;
  isClosed: boolean;
  isSolved: boolean | null;
  satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null;
}

export interface EffectBucket {
  /** Weeks from the start: −1 is the week before it, 0 the week it started. */
  week: number;
  from: Date;
  count: number;
  visited: number;
  /** solved / visited (解决率), null without visits. */
  resolutionRate: number | null;
  /** (satisfied + 0.9 × basically satisfied) / visited (满意率, DESIGN §5), null without visits. */
  satisfactionRate: number | null;
}

export interface ProblemEffect {
  startedAt: Date;
  series: EffectBucket[];
  before: Omit<EffectBucket, 'week' | 'from'> & { weeks: number; perWeek: number };
  after: Omit<EffectBucket, 'week' | 'from'> & { weeks: number; perWeek: number };
}

const WEEK_MS = 7 * 86_400_000;

/** Weekly buckets from `weeksBefore` weeks before the start up to `now` (at least one week after). */
export function problemEffect(cases: readonly EffectCase[], startedAt: Date, now: Date, weeksBefore = 12): ProblemEffect {
  const weeksAfter = Math.max(1, Math.ceil((now.getTime() - startedAt.getTime()) / WEEK_MS));
  const buckets = new Map<number, EffectCase[]>();
  for (let w = -weeksBefore; w < weeksAfter; w++) buckets.set(w, []);
  for (const c of cases) {
    const w = Math.floor((c.receivedAt.getTime() - startedAt.getTime()) / WEEK_MS);
    buckets.get(w)?.push(c);
  }
  const series = [...buckets].map(([week, cs]) => ({ week, from: new Date(startedAt.getTime() + week * WEEK_MS), ...tally(cs) }));
  const before = cases.filter((c) => c.receivedAt < startedAt && c.receivedAt.getTime() >= startedAt.getTime() - weeksBefore * WEEK_MS);
  const after = cases.filter((c) => c.receivedAt >= startedAt && c.receivedAt.getTime() < startedAt.getTime() + weeksAfter * WEEK_MS);
  const b = tally(before);
  const a = tally(after);
  return {
    startedAt,
    series,
    before: { ...b, weeks: weeksBefore, perWeek: round3(b.count / weeksBefore) },
    after: { ...a, weeks: weeksAfter, perWeek: round3(a.count / weeksAfter) },
  };
}

function tally(cs: readonly EffectCase[]): Omit<EffectBucket, 'week' | 'from'> {
  let visited = 0;
  let solved = 0;
  let sat = 0;
  for (const c of cs) {
    if (c.satisfaction === null && c.isSolved === null) continue;
    visited++;
    if (c.isSolved === true) solved++;
    if (c.satisfaction === 'satisfied') sat += 1;
    else if (c.satisfaction === 'basically_satisfied') sat += 0.9;
  }
  return { count: cs.length, visited, resolutionRate: visited ? round3(solved / visited) : null, satisfactionRate: visited ? round3(sat / visited) : null };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
