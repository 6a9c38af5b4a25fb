// Shared by the deliberation use cases: load the community (and check the actor may read it or
// run its deliberation), load a meeting the same way, and the vote rules a meeting applies.
import { type Actor, assertCanReadCommunity, assertCanRunDeliberation, DEFAULT_VOTE_RULES, DomainError, type Unit, type VoteRules } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { StoredMeeting } from '../../repositories/meeting.repository';
import type { Tx } from '../../repositories';

export type Access = 'read' | 'run';

export async function loadCommunity(ctx: AppContext, actor: Actor, code: string, access: Access, field = 'communityCode'): Promise<Unit> {
  const unit = await ctx.repos.units.findByCode(code);
  if (!unit || unit.class !== 'community') throw new DomainError('UNIT_NOT_FOUND', `No community has the code ${code}.`, { field });
  if (access === 'run') assertCanRunDeliberation(actor, unit);
  else assertCanReadCommunity(actor, unit);
  return unit;
}

export async function loadMeeting(ctx: AppContext, actor: Actor, id: string, access: Access, trx?: Tx): Promise<StoredMeeting> {
  const m = await ctx.repos.meetings.find(id, trx, { forUpdate: trx !== undefined });
  if (!m) throw new DomainError('MEETING_NOT_FOUND', `No meeting has the id ${id}.`, { meetingId: id });
  const community = { code: m.communityCode, path: m.communityPath, class: 'community' };
  if (access === 'run') assertCanRunDeliberation(actor, community);
  else assertCanReadCommunity(actor, community);
  return m;
}

/** The defaults, overlaid with the meeting's own rules. (One line to read the settings store instead.) */
export function voteRulesOf(meeting: Pick<StoredMeeting, 'voteRules'>): VoteRules {
  return meeting.voteRules ?? { ...DEFAULT_VOTE_RULES };
}

export function versionConflict(what: string, expected: number, current: number): DomainError {
  return new DomainError('VERSION_CONFLICT', `The ${what} changed since you loaded it (version ${expected}, now ${current}); reload and try again.`, {
    expectedVersion: expected,
    currentVersion: current,
  });
}
