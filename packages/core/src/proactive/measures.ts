// Measures of 未诉先办 per street and community (pure): patrol coverage of a zone, notices
// acknowledged on time, calls before and after proactive work, and the items a street may add to
// its quarterly assessment of its communities.
import type { CommunityItem } from '../scoring/community-ranking';

/**
 * Share of (community, week) pairs of a zone with at least one patrol: a zone of 3 communities over
 * a 13-week quarter has 39 pairs; 26 patrolled pairs give 2/3. Null without pairs.
 */
export function patrolCoverage(communityCodes: readonly string[], weeks: readonly string[], patrolled: ReadonlyArray<{ communityCode: string; week: string }>): number | null {
  const total = communityCodes.length * weeks.length;
  if (total === 0) return null;
  const mine = new Set(communityCodes);
  const inRange = new Set(weeks);
  const seen = new Set(patrolled.filter((p) => mine.has(p.communityCode) && inRange.has(p.week)).map((p) => `${p.communityCode}|${p.week}`));
  return seen.size / total;
}

/** Notices acknowledged by their deadline over those sent (a notice still open past its deadline counts as late). */
export function onTimeShare(
  recipients: ReadonlyArray<{ acknowledgedAt: Date | null; dueAt: Date }>,
  now: Date,
): { sent: number; onTime: number; late: number; pending: number; share: number | null } {
  let onTime = 0;
  let late = 0;
  let pending = 0;
  for (const r of recipients) {
    if (r.acknowledgedAt !== null) {
      if (r.acknowledgedAt.getTime() <= r.dueAt.getTime()) onTime++;
      else late++;
    } else if (now.getTime() > r.dueAt.getTime()) late++;
    else pending++;
  }
  const decided = onTime + late;
  return { sent: recipients.length, onTime, late, pending, share: decided === 0 ? null : onTime / decided };
}

/** Calls to 12345 around proactive work: the relative change (after − before) / before, null when before is 0. */
export function callChange(before: number, after: number): number | null {
  return before === 0 ? null : (after - before) / before;
}

/** Item keys a street may add to its quarterly assessment of communities; scores are computed, 0–100. */
export const PROACTIVE_COMMUNITY_ITEMS: readonly CommunityItem[] = [
  { key: 'proactive_solved', label: '主动发现办结率', weight: 0, maxScore: 100 },
  { key: 'patrol_coverage', label: '巡查覆盖率', weight: 0, maxScore: 100 },
  { key: 'notice_on_time', label: '通知按时确认率', weight: 0, maxScore: 100 },
];
export type ProactiveItemKey = 'proactive_solved' | 'patrol_coverage' | 'notice_on_time';
export const PROACTIVE_ITEM_KEYS: readonly ProactiveItemKey[] = ['proactive_solved', 'patrol_coverage', 'notice_on_time'];
