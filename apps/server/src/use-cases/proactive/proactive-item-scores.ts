// The measured items a street may add to its quarterly assessment of its communities
// (PROACTIVE_COMMUNITY_ITEMS): scores 0–100 computed from the quarter's measures, for the items
// its configuration lists. A score the street entered itself for the same key takes precedence.
import { type Actor, PROACTIVE_ITEM_KEYS, type ProactiveItemKey } from '@jiesu/core';
import type { AppContext } from '../../context';
import { type CommunityMeasures, getProactiveMeasures } from './get-proactive-measures';

function scoreOf(key: ProactiveItemKey, m: CommunityMeasures): number | null {
  switch (key) {
    case 'proactive_solved':
      return m.proactiveFound === 0 ? null : (100 * m.proactiveSolved) / m.proactiveFound;
    case 'patrol_coverage':
      return m.patrolCoverage === null ? null : 100 * m.patrolCoverage;
    case 'notice_on_time':
      return m.noticeOnTimeShare === null ? null : 100 * m.noticeOnTimeShare;
  }
}

export async function proactiveItemScores(
  ctx: AppContext,
  opts: { actor: Actor; streetCode: string; quarterKey: string; itemKeys: readonly string[] },
): Promise<Map<string, Record<string, number>>> {
  const keys = PROACTIVE_ITEM_KEYS.filter((k) => opts.itemKeys.includes(k));
  if (keys.length === 0) return new Map();
  const measures = await getProactiveMeasures(ctx, { actor: opts.actor, streetCode: opts.streetCode, quarterKey: opts.quarterKey });
  return new Map(
    measures.communities.map((m) => {
      const scores: Record<string, number> = {};
      for (const k of keys) {
        const s = scoreOf(k, m);
        if (s !== null) scores[k] = Math.round(s * 100) / 100;
      }
      return [m.communityCode, scores];
    }),
  );
}
