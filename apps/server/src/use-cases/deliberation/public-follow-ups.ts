// The follow-up tasks of passed motions as the public sees them: what, by when, how far — the
// owner as a unit name or "居民" (a resident owner is a person: not named in public).
import { isOpenWorkItemStatus } from '@jiesu/core';
import type { AppContext } from '../../context';
import { FOLLOW_UP_SOURCE_TYPE } from './add-follow-up';

export interface PublicFollowUp {
  title: string;
  ownerLabel: string;
  dueAt: Date;
  status: string;
  isOverdue: boolean;
}

/** Motion id → its follow-ups. */
export async function publicFollowUps(ctx: AppContext, motionIds: string[]): Promise<Map<string, PublicFollowUp[]>> {
  const now = ctx.now();
  const out = new Map<string, PublicFollowUp[]>();
  for (const id of motionIds) {
    const items = await ctx.repos.workItems.list({ scopePath: '/', kind: 'meeting_followup', sourceType: FOLLOW_UP_SOURCE_TYPE, sourceId: id, limit: 50 });
    out.set(
      id,
      items
        .filter((w) => w.status !== 'cancelled')
        .map((w) => ({
          title: w.title,
          ownerLabel: w.owner.person ? `居民 · ${w.owner.unit.name}` : w.owner.unit.name,
          dueAt: w.clock.dueAt,
          status: w.status,
          isOverdue: w.overdue.length > 0 || (isOpenWorkItemStatus(w.status) && w.clock.dueAt.getTime() < now.getTime()),
        })),
    );
  }
  return out;
}
