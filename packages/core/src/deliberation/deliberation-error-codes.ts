// Error codes of deliberation (议事会), proposals and building leads (leaf module: imports nothing).
// Illegal lifecycle steps use the shared ILLEGAL_TRANSITION code with the entity in the details.
export const DELIBERATION_ERROR_CODES = [
  'MEETING_NOT_FOUND',
  'AGENDA_ITEM_NOT_FOUND',
  'MOTION_NOT_FOUND',
  'PROPOSAL_NOT_FOUND',
  'BUILDING_LEAD_NOT_FOUND',
  // a motion must be seconded (附议) before it is discussed or voted on
  'MOTION_NEEDS_SECOND',
  // the meeting still has motions that were moved but not voted on or withdrawn
  'MEETING_HAS_OPEN_MOTIONS',
  // an agenda item concluded as decided needs a motion that passed
  'ITEM_HAS_NO_PASSED_MOTION',
  // a vote tally that cannot be (negative counts, more votes than people present …)
  'VOTE_INVALID',
] as const;
