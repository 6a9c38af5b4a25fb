// Lists and queues, each within the actor's scope: search, a unit's inbox, the dispatch queue of
// the centre or a district sub-centre, the supervisors' overdue board.
import { type Actor, DomainError, hasRole, isCentreActor, phoneSearchScope } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { CaseSearch } from '../../repositories/case-query.repository';

const HOUR = 3600_000;

/** One keyset page of the cases in the actor's scope; a phone in `q` finds only cases whose requester the actor may see. */
export async function searchCases(ctx: AppContext, opts: { actor: Actor; filter: Omit<CaseSearch, 'scopePath' | 'phoneScope'> }) {
  return ctx.repos.caseQueries.search({ ...opts.filter, scopePath: isCentreActor(opts.actor) ? '/' : opts.actor.unitPath, phoneScope: phoneSearchScope(opts.actor) });
}

export async function unitInbox(ctx: AppContext, opts: { actor: Actor; dueSoonHours?: number; limit?: number }) {
  const now = ctx.now();
  const soon = new Date(now.getTime() + (opts.dueSoonHours ?? 24) * HOUR);
  return { unitCode: opts.actor.unitCode, ...(await ctx.repos.caseQueries.inbox(opts.actor.unitCode, now, soon, opts.limit ?? 100)) };
}

export async function dispatchQueue(ctx: AppContext, opts: { actor: Actor; limit?: number }) {
  if (!hasRole(opts.actor, 'dispatcher', 'operator', 'supervisor') || !(isCentreActor(opts.actor) || opts.actor.unitClass === 'district')) {
    throw new DomainError('FORBIDDEN', 'The dispatch queue is for dispatchers of the centre or a district sub-centre.');
  }
  return ctx.repos.caseQueries.dispatchQueue(isCentreActor(opts.actor) ? '/' : opts.actor.unitPath, opts.limit ?? 100);
}

export async function overdueBoard(ctx: AppContext, opts: { actor: Actor; nearHours?: number }) {
  if (!hasRole(opts.actor, 'supervisor', 'unit_leader', 'dispatcher')) {
    throw new DomainError('FORBIDDEN', 'The overdue board is for supervisors, unit leaders and dispatchers.');
  }
  const now = ctx.now();
  return ctx.repos.caseQueries.overdueBoard(opts.actor.unitPath, now, new Date(now.getTime() + (opts.nearHours ?? 4) * HOUR));
}
