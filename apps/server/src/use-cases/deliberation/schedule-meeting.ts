// A community (or its street) schedules a deliberation meeting: time, place, chair (possibly a
// resident), how many may vote, and optionally its own vote rules.
import { randomUUID } from 'node:crypto';
import { type Actor, parseVoteRules, validateNewMeeting, type VoteRules } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { StoredMeeting } from '../../repositories/meeting.repository';
import { loadCommunity } from './community-scope';

export interface ScheduleMeetingOptions {
  actor: Actor;
  communityCode: string;
  title: string;
  scheduledAt: Date;
  place: string;
  chairName: string;
  isChairResident?: boolean;
  eligibleVoters: number;
  voteRules?: Partial<VoteRules> | null;
}

export async function scheduleMeeting(ctx: AppContext, opts: ScheduleMeetingOptions): Promise<StoredMeeting> {
  const community = await loadCommunity(ctx, opts.actor, opts.communityCode, 'run', 'body.communityCode');
  validateNewMeeting(opts);
  const meeting: StoredMeeting = {
    id: randomUUID(),
    communityCode: community.code,
    communityPath: community.path,
    title: opts.title.trim(),
    scheduledAt: opts.scheduledAt,
    place: opts.place.trim(),
    chairName: opts.chairName.trim(),
    isChairResident: opts.isChairResident ?? false,
    status: 'scheduled',
    eligibleVoters: opts.eligibleVoters,
    voteRules: opts.voteRules ? parseVoteRules(opts.voteRules, 'body.voteRules') : null,
    startedAt: null,
    closedAt: null,
    cancelReason: null,
    createdBy: opts.actor.username,
    version: 1,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.meetings.insert(meeting, trx);
    await ctx.repos.audit.record(
      opts.actor,
      { action: 'meeting.schedule', targetType: 'meeting', targetId: meeting.id, data: { communityCode: community.code, title: meeting.title } },
      trx,
    );
  });
  return meeting;
}
