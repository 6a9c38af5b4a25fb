// Minutes per agenda item (会议纪要), written while the meeting sits or after it closes.
import { type Actor, type AgendaItem, assertMinutesEditable, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { loadMeeting } from './community-scope';

export async function recordMinutes(ctx: AppContext, opts: { actor: Actor; meetingId: string; itemId: string; minutes: string }): Promise<AgendaItem> {
  return ctx.db.transaction().execute(async (trx) => {
    const m = await loadMeeting(ctx, opts.actor, opts.meetingId, 'run', trx);
    assertMinutesEditable(m.status);
    const item = await ctx.repos.meetings.findItem(opts.itemId, trx, { forUpdate: true });
    if (!item || item.meetingId !== m.id) throw new DomainError('AGENDA_ITEM_NOT_FOUND', `No item of this meeting has the id ${opts.itemId}.`, { field: 'params.itemId' });
    const minutes = opts.minutes.trim();
    if (minutes.length > 10_000) throw new DomainError('VALIDATION_FAILED', 'The minutes are longer than 10000 characters.', { field: 'body.minutes' });
    const next = { ...item, minutes: minutes.length === 0 ? null : minutes };
    await ctx.repos.meetings.saveItem(next, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'meeting.minutes', targetType: 'meeting', targetId: m.id, data: { itemId: item.id, length: minutes.length } }, trx);
    return next;
  });
}
