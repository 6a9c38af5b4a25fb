// Measures of a community's deliberation over a period (a street's quarter): meetings held, items
// decided, follow-up tasks done on time, proposals answered, and the share of the community's
// hotline cases on matters that went through a meeting. Counts come from the database; the
// shares and the assessment scores are reckoned here, once.
export interface DeliberationCounts {
  /** Meetings closed in the period. */
  meetingsHeld: number;
  /** Agenda items concluded as decided in the period. */
  itemsDecided: number;
  /** Follow-up tasks due in the period (cancelled ones left out). */
  tasksDue: number;
  /** …of which done by their deadline. */
  tasksDoneOnTime: number;
  /** …done late, and still open past the deadline. */
  tasksDoneLate: number;
  tasksOverdueOpen: number;
  /** Proposals submitted in the period, and those of them answered or put on an agenda. */
  proposalsReceived: number;
  proposalsAnswered: number;
  /** Hotline cases located in the community and received in the period … */
  casesInCommunity: number;
  /** … of which linked to an agenda item of a meeting that was held. */
  casesDeliberated: number;
}

export interface DeliberationMeasures extends DeliberationCounts {
  /** tasksDoneOnTime / tasksDue; null when nothing was due. */
  tasksOnTimeShare: number | null;
  proposalsAnsweredShare: number | null;
  deliberatedCaseShare: number | null;
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export function deliberationMeasures(c: DeliberationCounts): DeliberationMeasures {
  return {
    ...c,
    tasksOnTimeShare: share(c.tasksDoneOnTime, c.tasksDue),
    proposalsAnsweredShare: share(c.proposalsAnswered, c.proposalsReceived),
    deliberatedCaseShare: share(c.casesDeliberated, c.casesInCommunity),
  };
}

/** A task is on time when it was completed at or before its deadline. */
export function isDoneOnTime(task: { status: string; completedAt: Date | null; dueAt: Date }): boolean {
  return task.status === 'done' && task.completedAt !== null && task.completedAt.getTime() <= task.dueAt.getTime();
}

/** One or two meetings a month in the community studied: three a quarter earn the full score. */
export const DEFAULT_MEETINGS_PER_QUARTER_TARGET = 3;

/**
 * Items a street may add to its quarterly assessment of communities; their scores (0–100) come
 * from the measures instead of being typed in. Keys are stable; labels are the console's.
 */
export const DELIBERATION_ASSESSMENT_ITEMS = [
  { key: 'deliberation_meetings', label: '议事会召开', labelEn: 'Deliberation meetings held', maxScore: 100 },
  { key: 'deliberation_tasks_on_time', label: '议定事项按期完成', labelEn: 'Follow-up tasks done on time', maxScore: 100 },
  { key: 'deliberation_proposals_answered', label: '居民提案答复', labelEn: 'Proposals answered', maxScore: 100 },
] as const;
export type DeliberationAssessmentKey = (typeof DELIBERATION_ASSESSMENT_ITEMS)[number]['key'];

export function isDeliberationAssessmentKey(key: string): key is DeliberationAssessmentKey {
  return DELIBERATION_ASSESSMENT_ITEMS.some((i) => i.key === key);
}

/** Scores 0–100 (rounded to 0.1). A share with nothing to measure scores 0: nothing was shown. */
export function deliberationAssessmentScores(m: DeliberationMeasures, meetingsTarget = DEFAULT_MEETINGS_PER_QUARTER_TARGET): Record<DeliberationAssessmentKey, number> {
  const pct = (x: number | null) => Math.round((x ?? 0) * 1000) / 10;
  return {
    deliberation_meetings: pct(Math.min(1, m.meetingsHeld / meetingsTarget)),
    deliberation_tasks_on_time: pct(m.tasksOnTimeShare),
    deliberation_proposals_answered: pct(m.proposalsAnsweredShare),
  };
}
