// The appeal filing window (申诉时限): a unit appeals within a set number of days after the case's
// return visit and before the period the visit is scored in is published. Later appeals are
// refused with APPEAL_WINDOW_CLOSED, unless a centre evaluator files them with an override reason
// (audited).

export interface AppealWindowFacts {
  /** When the return visit concluded; null if it has not yet (the window has not started). */
  visitedAt: Date | null;
  /** When the visit's period was first published; null if not yet. */
  publishedAt: Date | null;
  now: Date;
  /** Days after the visit an appeal may be filed. */
  windowDays: number;
}

export type AppealWindowVerdict =
  | { isOpen: true; deadline: Date | null }
  /** `after_window`: more than windowDays after the visit; `after_publication`: the period is published. */
  | { isOpen: false; reason: 'after_window' | 'after_publication'; deadline: Date | null };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether an appeal may still be filed, and until when (the earlier of visit + window and publication). */
export function appealWindow(f: AppealWindowFacts): AppealWindowVerdict {
  const byVisit = f.visitedAt === null ? null : new Date(f.visitedAt.getTime() + f.windowDays * DAY_MS);
  const deadline = byVisit === null ? f.publishedAt : f.publishedAt === null ? byVisit : byVisit < f.publishedAt ? byVisit : f.publishedAt;
  if (f.publishedAt !== null && f.now >= f.publishedAt) return { isOpen: false, reason: 'after_publication', deadline };
  if (byVisit !== null && f.now > byVisit) return { isOpen: false, reason: 'after_window', deadline };
  return { isOpen: true, deadline };
}
