// Caller history at intake: the earlier cases from the number an operator is typing, newest first,
// each marked when it is likely the same problem (same category family and, when both are known,
// the same street), so a repeat call can be linked as a duplicate or a repeat in one click.
import { type Actor, isCentreActor } from '@jiesu/core';
import type { AppContext } from '../../context';
import { phoneDigits } from '../../search/case-search-terms';
import { requireRole } from '../require';

export async function findCallerHistory(ctx: AppContext, opts: { actor: Actor; phone: string; categoryCode?: string | undefined; streetCode?: string | undefined }) {
  requireRole(opts.actor, 'operator', 'dispatcher');
  const phone = phoneDigits(opts.phone);
  if (phone === null) return { total: 0, items: [] };
  const page = await ctx.repos.dashboard.casesByRequesterPhone({ scopePath: isCentreActor(opts.actor) ? '/' : opts.actor.unitPath, phone, limit: 20 });
  const family = opts.categoryCode ? opts.categoryCode.slice(0, 4) : null;
  return {
    total: page.total,
    items: page.items.map((c) => ({
      id: c.id,
      caseNumber: c.caseNumber,
      status: c.status,
      subject: c.subject,
      categoryCode: c.categoryCode,
      address: c.address,
      receivedAt: c.receivedAt.toISOString(),
      isSameProblem: family !== null && c.categoryCode.startsWith(family) && (!opts.streetCode || !c.streetCode || c.streetCode === opts.streetCode),
    })),
  };
}
