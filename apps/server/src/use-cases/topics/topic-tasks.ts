// The tasks of a topic's problem are work items (kind 'topic_task', source 'topic_problem'):
// the same owner, deadline, clocks, reminders, escalation and overdue marking as every work item.
import type { AppContext } from '../../context';

export interface TaskProgress {
  total: number;
  open: number;
  inProgress: number;
  done: number;
  cancelled: number;
  overdue: number;
}

export async function taskProgress(_ctx: AppContext, _problemIds: readonly string[]): Promise<Map<string, TaskProgress>> {
  return new Map();
}
