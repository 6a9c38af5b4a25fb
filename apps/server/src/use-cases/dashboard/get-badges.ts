// The menu badges: what waits for this user now — cases to sign and overdue clocks in their unit,
// the dispatch queue (centre and district sub-centres), return visits, unread notifications.
import { type Actor, hasRole, isCentreActor } from '@jiesu/core';
import type { AppContext } from '../../context';

export async function getBadges(ctx: AppContext, opts: { actor: Actor }) {
  const { actor } = opts;
  const now = ctx.now();
  const scope = isCentreActor(actor) ? '/' : actor.unitPath;
  const isHandling = hasRole(actor, 'handler', 'unit_leader');
  const isDispatching = hasRole(actor, 'dispatcher', 'operator', 'supervisor') && (isCentreActor(actor) || actor.unitClass === 'district');
  const [toSign, overdue, toDispatch, toVisit, lastRead] = await Promise.all([
    isHandling ? ctx.reads.dashboard.countToSign(actor.unitCode) : 0,
    isHandling ? ctx.reads.dashboard.countUnitOverdue(actor.unitCode, now) : 0,
    isDispatching ? ctx.reads.dashboard.countByStatuses(scope, ['received', 'returned', 'disputed', 'feedback']) : 0,
    hasRole(actor, 'visitor') ? ctx.reads.dashboard.countByStatuses(actor.unitPath, ['closed']) : 0,
    ctx.repos.notifications.lastReadId(actor.userId),
  ]);
  const unreadNotifications = await ctx.repos.notifications.countForUnitAfter(actor.unitCode, lastRead);
  return { toSign, overdue, toDispatch, toVisit, unreadNotifications, lastReadId: lastRead };
}
