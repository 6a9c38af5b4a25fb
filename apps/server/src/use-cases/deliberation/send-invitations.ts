// Sends the meeting's invitations through the outbox: one message per participant not yet
// invited (so sending twice invites nobody twice). A building lead's message names the register
// entry; the sender looks the contact up when it delivers, so no phone sits in the outbox.
import type { Actor } from '@jiesu/core';
import type { AppContext } from '../../context';
import { loadMeeting } from './community-scope';

export const MEETING_INVITATION_KIND = 'meeting_invitation';

export async function sendInvitations(ctx: AppContext, opts: { actor: Actor; meetingId: string }): Promise<{ invited: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const m = await loadMeeting(ctx, opts.actor, opts.meetingId, 'run', trx);
    const marked = await ctx.repos.meetings.markInvited(m.id, ctx.now(), trx);
    await ctx.repos.notifications.enqueue(
      marked.map((p) => ({
        caseId: null,
        subject: { type: 'meeting' as const, id: m.id },
        kind: MEETING_INVITATION_KIND,
        unitCode: p.unitCode ?? (p.buildingLeadId ? null : m.communityCode),
        payload: { meetingId: m.id, participantId: p.id, buildingLeadId: p.buildingLeadId, title: m.title, scheduledAt: m.scheduledAt.toISOString(), place: m.place },
      })),
      trx,
    );
    await ctx.repos.audit.record(opts.actor, { action: 'meeting.invite', targetType: 'meeting', targetId: m.id, data: { invited: marked.length } }, trx);
    return { invited: marked.length };
  });
}
