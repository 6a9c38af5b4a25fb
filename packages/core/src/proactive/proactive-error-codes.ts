// Error codes of 未诉先办 (leaf module: imports nothing).
export const PROACTIVE_ERROR_CODES = [
  // a zone would share a community with another active zone of the street over an overlapping term
  'ZONE_OVERLAP',
  'ZONE_NOT_FOUND',
  'PATROL_NOT_FOUND',
  'WARNING_NOT_FOUND',
  'NOTICE_NOT_FOUND',
  // a notice sent to a unit outside the sender's subtree, or acknowledged by a unit it was not sent to
  'NOTICE_NOT_RECIPIENT',
] as const;
