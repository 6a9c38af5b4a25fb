// Standard competition ranking ("1224"): equal scores share a rank and the next rank skips.

/** Scores closer than this are equal: composites built from different counts can differ by 1e-16. */
export const DEFAULT_TIE_EPSILON = 1e-9;

/**
 * Ranks of `scores`, which must already be sorted best first (descending). A score within
 * `epsilon` of the first score of the current tie group joins that group.
 */
export function competitionRanks(scores: readonly number[], epsilon: number = DEFAULT_TIE_EPSILON): number[] {
  const ranks: number[] = [];
  let groupScore = Number.NaN;
  let groupRank = 0;
  scores.forEach((score, index) => {
    if (index === 0 || Math.abs(groupScore - score) > epsilon) {
      groupScore = score;
      groupRank = index + 1;
    }
    ranks.push(groupRank);
  });
  return ranks;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
