// Error codes of scoring and rankings (leaf module: imports nothing).
export const SCORING_ERROR_CODES = [
  'PERIOD_NOT_FOUND',
  // a period key ('2026-11', '2027-Q1') or period config (start day, time zone) that cannot be used
  'SCORING_INVALID_PERIOD',
  // weight versions that do not sum to 1, are negative, or are badly dated
  'SCORING_INVALID_WEIGHTS',
  // no weight version is valid on the date asked for
  'SCORING_NO_WEIGHTS',
  // a case names a unit the caller did not describe (its class is needed for weights and rankings)
  'SCORING_UNKNOWN_UNIT',
  // a case, visit or item score that is malformed (duplicate case id, score out of range …)
  'SCORING_INVALID_INPUT',
  // a return visit attempt on a case that is not closed and awaiting its visit
  'VISIT_NOT_OPEN',
  // a period already published: re-publishing needs a reason and creates a new version
  'SCORING_ALREADY_PUBLISHED',
  'PUBLICATION_NOT_FOUND',
  'APPEAL_NOT_FOUND',
  // the case already has an appeal waiting for a decision, or one that was granted
  'APPEAL_ALREADY_OPEN',
  'APPEAL_ALREADY_DECIDED',
  // appeals are for cases that were handled to the end (closed, visited or scored) and had a lead
  'APPEAL_CASE_NOT_FINISHED',
  // filed after the appeal window (N days after the visit) or after the period was published
  'APPEAL_WINDOW_CLOSED',
  // a return visit on a merged child (并案) while the policy visits only the cluster's main case
  'VISIT_MERGED_CHILD',
] as const;
