// 动议: a member moves a motion on an agenda item while the meeting sits.
import { randomUUID } from 'node:crypto';
import { type Actor, DomainError, type Motion, moveMotion as decideMove } from '@jiesu/core';
import type { AppContext } from '../../context';
import { loadMeeting } from './community-scope';

export async function moveMotion(ctx: AppContext, opts: { actor: Actor; meetingId: string; itemId: string; text: string; movedBy: string }): Promise<Motion> {
  return ctx.db.transaction().execute(async (trx) => {
    const m = await loadMeeting(ctx, opts.actor, opts.meetingId, 'run', trx);
    const item = await ctx.repos.meetings.findItem(opts.itemId, trx);
    if (!item || item.meetingId !== m.id) throw new DomainError('AGENDA_ITEM_NOT_FOUND', `No item of this meeting has the id ${opts.itemId}.`, { field: 'body.itemId' });
    const motion = decideMove(
      { id: randomUUID(), meetingId: m.id, agendaItemId: item.id, text: opts.text, movedBy: opts.movedBy },
      { now: ctx.now(), meetingStatus: m.status, isItemPending: item.status === 'pending' },
    );
    await ctx.repos.meetings.insertMotion(motion, trx);
    await ctx.repos.audit.record(
      opts.actor,
      { action: 'motion.move', targetType: 'meeting', targetId: m.id, data: { motionId: motion.id, itemId: item.id, movedBy: motion.movedBy } },
      trx,
    );
    return motion;
  });
}
