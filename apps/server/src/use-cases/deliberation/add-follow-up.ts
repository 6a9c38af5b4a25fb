// A decision's follow-up task (议定事项): a work item of kind 'meeting_followup' on the shared
// clocks, reminders (催办), escalation (督办) and overdue marking — never a task table of our own.
// Its source is the motion that passed; it links the agenda item's cases. The owner is a unit or
// a resident (a building lead, a property manager …) supervised by the community.
import { type Actor, type DeadlineSpan, DomainError, requireText, type WorkItem } from '@jiesu/core';
import type { AppContext } from '../../context';
import { createOrReplayWorkItem } from '../work-items/create-work-item';
import { loadMeeting } from './community-scope';

export const FOLLOW_UP_SOURCE_TYPE = 'meeting_motion';

export interface AddFollowUpOptions {
  actor: Actor;
  meetingId: string;
  motionId: string;
  title: string;
  detail?: string | null;
  /** A unit, or a person; a person's supervising unit defaults to the meeting's community. */
  owner: { unitCode: string } | { personName: string; personContact?: string | null; unitCode?: string };
  due: { dueAt: Date } | DeadlineSpan;
  idempotencyKey?: string | null;
}

export async function addFollowUp(ctx: AppContext, opts: AddFollowUpOptions): Promise<{ item: WorkItem; isNew: boolean }> {
  return ctx.db.transaction().execute(async (trx) => {
    const m = await loadMeeting(ctx, opts.actor, opts.meetingId, 'run', trx);
    const motion = await ctx.repos.meetings.findMotion(opts.motionId, trx);
    if (!motion || motion.meetingId !== m.id) throw new DomainError('MOTION_NOT_FOUND', `No motion of this meeting has the id ${opts.motionId}.`, { field: 'body.motionId' });
    if (motion.status !== 'passed') {
      throw new DomainError('ILLEGAL_TRANSITION', `Follow-up tasks carry out a decision; this motion is ${motion.status}.`, {
        entity: 'motion',
        status: motion.status,
        action: 'add_follow_up',
      });
    }
    const item = await ctx.repos.meetings.findItem(motion.agendaItemId, trx);
    const owner =
      'personName' in opts.owner
        ? {
            personName: requireText(opts.owner.personName, 'body.owner.personName', 60),
            personContact: opts.owner.personContact ?? null,
            unitCode: opts.owner.unitCode ?? m.communityCode,
          }
        : { unitCode: opts.owner.unitCode };
    const r = await createOrReplayWorkItem(
      ctx,
      {
        actor: opts.actor,
        kind: 'meeting_followup',
        title: requireText(opts.title, 'body.title', 200),
        detail: opts.detail ?? `${m.title} · ${motion.text}`,
        owner,
        due: opts.due,
        sourceType: FOLLOW_UP_SOURCE_TYPE,
        sourceId: motion.id,
        linkedCaseIds: item?.linkedCaseIds ?? [],
        isAuthorisedByFeature: true,
        idempotencyKey: opts.idempotencyKey ?? null,
      },
      trx,
    );
    if (r.isNew)
      await ctx.repos.audit.record(opts.actor, { action: 'meeting.follow_up', targetType: 'meeting', targetId: m.id, data: { motionId: motion.id, workItemId: r.item.id } }, trx);
    return r;
  });
}
