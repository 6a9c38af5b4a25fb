// 附议 / 讨论 / 表决 / 撤回: the motion's next step by the pure Robert's-Rules decider. A vote is
// counted under the meeting's rules, and the rule applied is stored with the result.
import { type Actor, decideMotion, DomainError, type Motion, type VoteTally } from '@jiesu/core';
import type { AppContext } from '../../context';
import { loadMeeting, versionConflict, voteRulesOf } from './community-scope';

export type MotionStep =
  { type: 'second'; secondedBy: string } | { type: 'open_discussion' } | { type: 'vote'; for: number; against: number; abstain: number; present?: number } | { type: 'withdraw' };

export async function actOnMotion(ctx: AppContext, opts: { actor: Actor; meetingId: string; motionId: string; step: MotionStep; expectedVersion?: number }): Promise<Motion> {
  return ctx.db.transaction().execute(async (trx) => {
    const m = await loadMeeting(ctx, opts.actor, opts.meetingId, 'run', trx);
    const motion = await ctx.repos.meetings.findMotion(opts.motionId, trx, { forUpdate: true });
    if (!motion || motion.meetingId !== m.id) throw new DomainError('MOTION_NOT_FOUND', `No motion of this meeting has the id ${opts.motionId}.`, { field: 'params.motionId' });
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== motion.version) throw versionConflict('motion', opts.expectedVersion, motion.version);
    const s = opts.step;
    const tally: VoteTally | null =
      s.type === 'vote' ? { for: s.for, against: s.against, abstain: s.abstain, eligible: m.eligibleVoters, ...(s.present !== undefined ? { present: s.present } : {}) } : null;
    const next = decideMotion(motion, tally ? { type: 'vote', tally, rules: voteRulesOf(m) } : (s as Exclude<MotionStep, { type: 'vote' }>), {
      now: ctx.now(),
      meetingStatus: m.status,
    });
    if (!(await ctx.repos.meetings.saveMotion(next, motion.version, trx))) throw new DomainError('VERSION_CONFLICT', 'The motion changed meanwhile; reload and try again.');
    await ctx.repos.audit.record(
      opts.actor,
      {
        action: `motion.${s.type}`,
        targetType: 'meeting',
        targetId: m.id,
        data: { motionId: motion.id, to: next.status, ...(next.result ? { result: next.result.statement.en } : {}) },
      },
      trx,
    );
    return next;
  });
}
