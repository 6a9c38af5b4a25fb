// Shapes shared by the scoring modules: the unit classes scoring knows, the visit and appeal
// vocabularies, a return visit's answers, and one case as scoring sees it.

import { UNIT_CLASSES, type UnitClass } from '../org/unit';

/** Unit classes scoring knows: all of them (org's list, one source). */
export const SCORED_UNIT_CLASSES = UNIT_CLASSES;
export type ScoredUnitClass = UnitClass;

/** 满意 satisfied · 基本满意 basically satisfied · 不满意 dissatisfied. */
export const VISIT_SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type VisitSatisfaction = (typeof VISIT_SATISFACTIONS)[number];

/** How a return-visit call went: reached, or why not (an unanswered call may be retried). */
export const VISIT_ATTEMPT_RESULTS = ['reached', 'no_answer', 'declined', 'wrong_number'] as const;
export type VisitAttemptResult = (typeof VISIT_ATTEMPT_RESULTS)[number];

/** Grounds for a unit's appeal (申诉): 不合理诉求 / 非本单位职责 / 重复诉求 / 无法联系诉求人 / 其他. */
export const APPEAL_REASONS = ['unreasonable_demand', 'not_our_duty', 'duplicate', 'requester_unreachable', 'other'] as const;
export type AppealReason = (typeof APPEAL_REASONS)[number];

/** An appeal waits for the centre, which grants it (the case stops counting) or refuses it. */
export const APPEAL_STATUSES = ['pending', 'granted', 'refused'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

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
