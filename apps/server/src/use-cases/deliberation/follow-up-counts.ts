// Follow-up tasks of a community's meetings, counted for the measures. Follow-ups are work items
// (kind 'meeting_followup'); until the work-item model is merged there are none to count.
import type { AppContext } from '../../context';

export async function followUpCounts(_ctx: AppContext, _communityCode: string, _from: Date, _to: Date): Promise<{ tasksDue: number; tasksDoneOnTime: number; tasksDoneLate: number; tasksOverdueOpen: number }> {
  return { tasksDue: 0, tasksDoneOnTime: 0, tasksDoneLate: 0, tasksOverdueOpen: 0 };
}
