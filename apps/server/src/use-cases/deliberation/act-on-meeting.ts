// Reschedule, start (开会), close (散会) or cancel a meeting: the pure decideMeeting rules, saved
// with a version check and an audit row in one transaction.
import { type Actor, decideMeeting, DomainError, isMotionOpen, type MeetingCommand } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { StoredMeeting } from '../../repositories/meeting.repository';
import { loadMeeting, versionConflict } from './community-scope';

export async function actOnMeeting(ctx: AppContext, opts: { actor: Actor; meetingId: string; command: MeetingCommand; expectedVersion?: number }): Promise<StoredMeeting> {
  return ctx.db.transaction().execute(async (trx) => {
    const m = await loadMeeting(ctx, opts.actor, opts.meetingId, 'run', trx);
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== m.version) throw versionConflict('meeting', opts.expectedVersion, m.version);
    const openMotionCount = (await ctx.repos.meetings.motions(m.id, trx)).filter((x) => isMotionOpen(x.status)).length;
    const next = decideMeeting(m, opts.command, { now: ctx.now(), openMotionCount });
    if (!(await ctx.repos.meetings.save(next, m.version, trx))) throw new DomainError('VERSION_CONFLICT', 'The meeting changed meanwhile; reload and try again.');
    await ctx.repos.audit.record(opts.actor, { action: `meeting.${opts.command.type}`, targetType: 'meeting', targetId: m.id, data: { from: m.status, to: next.status } }, trx);
    return { ...m, ...next };
  });
}
