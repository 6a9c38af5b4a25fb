// The follow-up tasks of passed motions as the public sees them: what, by when, how far — the
// owner as a unit name or "居民" (a resident owner is a person: not named in public).
import type { AppContext } from '../../context';

export interface PublicFollowUp {
  title: string;
  ownerLabel: string;
  dueAt: Date;
  status: string;
  isOverdue: boolean;
}

/** Motion id → its follow-ups. Follow-ups are work items; none exist until the work-item model is merged. */
export async function publicFollowUps(_ctx: AppContext, _motionIds: string[]): Promise<Map<string, PublicFollowUp[]>> {
  return new Map();
}
