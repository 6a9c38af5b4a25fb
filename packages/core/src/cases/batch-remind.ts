// 批量催办: which clock a supervisor's reminder from the case list goes to, case by case. The clock
// is one the actor may remind now (the same guard as a single 催办), the running one due first; a
// clock reminded in the last 30 minutes is not reminded again, so a retried or doubled batch
// (two supervisors, a second click) changes nothing and says so. A single reminder from the case
// page stays repeatable at will.
import { type Actor, hasRole } from '../org/roles';
import { REMIND_ROLES } from './case-permissions';
import type { CaseState } from './case-types';
import { supervisableClocks } from './case-guards';

/** How long a reminded clock is left alone by batch reminders. */
export const BATCH_REMIND_QUIET_MS = 30 * 60_000;

export type BatchRemindPlan = { kind: 'remind'; clockKey: string } | { kind: 'already_reminded'; clockKey: string; remindedAt: Date } | { kind: 'nothing_to_remind' };

export function planBatchRemind(state: CaseState, actor: Actor, now: Date): BatchRemindPlan {
  const clocks = supervisableClocks(state, actor, 'remind', now).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const first = clocks[0];
  if (!first) return { kind: 'nothing_to_remind' };
  const fresh = clocks.find((c) => c.remindedAt === null || now.getTime() - c.remindedAt.getTime() >= BATCH_REMIND_QUIET_MS);
  if (fresh) return { kind: 'remind', clockKey: fresh.key };
  return { kind: 'already_reminded', clockKey: first.key, remindedAt: first.remindedAt as Date };
}

/** Whether the actor's roles allow reminding at all (the console offers 批量催办 only then). */
export function mayRemind(actor: Actor): boolean {
  return hasRole(actor, ...REMIND_ROLES);
}
