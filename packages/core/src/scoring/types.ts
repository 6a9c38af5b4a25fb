// Shapes shared by the scoring modules: the unit classes scoring knows, a return visit's answers,
// and one case as scoring sees it.

/**
 * Unit classes across jiesu. Mirrors org's `UnitClass` without importing it, so scoring stays a
 * leaf that other folders can change around.
 */
export const SCORED_UNIT_CLASSES = [
  'centre',
  'district',
  'street',
  'community',
  'section',
  'department',
  'enterprise',
] as const;
export type ScoredUnitClass = (typeof SCORED_UNIT_CLASSES)[number];

/** 满意 satisfied · 基本满意 basically satisfied · 不满意 dissatisfied. */
export type VisitSatisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

/** What the requester answered on a reached return visit (回访). */
export interface VisitAnswers {
  /** 是否联系: did the handling unit contact the requester? */
  isContacted: boolean;
  /** 是否解决: was the problem solved? */
  isSolved: boolean;
  satisfaction: VisitSatisfaction;
}

/**
 * A case's concluded return visit as scoring needs it. Only `valid` visits enter the rates;
 * `invalid` ones (never reached after the retries, declined, wrong number) are counted apart.
 * A visit still being retried is not scored yet, so it has no place here.
 */
export type ScoredVisit = { status: 'valid'; answers: VisitAnswers } | { status: 'invalid' };

/** One case as scoring sees it: who led it, where it rolls up to, how its visit went. */
export interface ScoredCase {
  caseId: string;
  /** The unit that led (主办) the case and answers for it. Any stable unit identifier (e.g. its code). */
  leadUnitId: string;
  /**
   * The units above the lead that the case also counts for, e.g. [street, district] for a
   * community-led case, [district] for a street-led one, [] for a department. Order does not
   * matter; repeats and the lead itself are ignored.
   */
  ancestorUnitIds: readonly string[];
  visit: ScoredVisit;
  /** 免考核: an exemption or a granted appeal. Left out of every rate, counted in `exemptions`. */
  isExempt: boolean;
}

/** The scoring view of a unit: its identifier and its class. */
export interface ScoredUnit {
  unitId: string;
  unitClass: ScoredUnitClass;
}
