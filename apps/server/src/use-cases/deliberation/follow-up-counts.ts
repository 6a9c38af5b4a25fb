// Follow-up tasks of a community's meetings (work items of kind 'meeting_followup' whose source
// is one of its motions), counted for the measures: due in the period, done by the deadline,
// done late, still open past it.
import type { AppContext } from '../../context';

export async function followUpCounts(
  ctx: AppContext,
  communityCode: string,
  from: Date,
  to: Date,
): Promise<{ tasksDue: number; tasksDoneOnTime: number; tasksDoneLate: number; tasksOverdueOpen: number }> {
  const asOf = new Date(Math.min(ctx.now().getTime(), to.getTime()));
  return ctx.repos.meetings.followUpCounts(communityCode, from, to, asOf);
}
