// Meetings in the actor's area (or one community), newest first.
import { type Actor, type MeetingStatus } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { StoredMeeting } from '../../repositories/meeting.repository';
import { loadCommunity } from './community-scope';

export async function listMeetings(
  ctx: AppContext,
  opts: { actor: Actor; communityCode?: string; statuses?: MeetingStatus[]; limit?: number; offset?: number },
): Promise<{ total: number; items: StoredMeeting[] }> {
  if (opts.communityCode) await loadCommunity(ctx, opts.actor, opts.communityCode, 'read', 'query.communityCode');
  return ctx.repos.meetings.list({
    scopePath: opts.actor.unitPath,
    ...(opts.communityCode ? { communityCode: opts.communityCode } : {}),
    ...(opts.statuses ? { statuses: opts.statuses } : {}),
    limit: opts.limit ?? 50,
    offset: opts.offset ?? 0,
  });
}
