// The deliberation measures as items of a street's quarterly assessment of its communities: a
// street adds any of DELIBERATION_ASSESSMENT_ITEMS (by key) to its community ranking config, and
// their scores come from the measures of the quarter instead of being typed in.
import { type CommunityItem, deliberationAssessmentScores, isDeliberationAssessmentKey } from '@jiesu/core';
import type { AppContext } from '../../context';
import { communityMeasures } from './get-deliberation-measures';

/** Community code → computed item scores, for the deliberation items the config uses (none: empty). */
export async function deliberationItemScores(
  ctx: AppContext,
  items: readonly CommunityItem[],
  communityCodes: readonly string[],
  period: { start: Date; end: Date },
): Promise<Map<string, Record<string, number>>> {
  const keys = items.map((i) => i.key).filter(isDeliberationAssessmentKey);
  const out = new Map<string, Record<string, number>>();
  if (keys.length === 0) return out;
  for (const code of communityCodes) {
    const scores = deliberationAssessmentScores(await communityMeasures(ctx, code, period.start, period.end));
    out.set(code, Object.fromEntries(keys.map((k) => [k, scores[k]])));
  }
  return out;
}
