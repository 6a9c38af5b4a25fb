// A return visit (回访) is a series of call attempts; this decides what they add up to: a valid
// visit with answers, an invalid one (never reached, declined, wrong number), or one still owed
// a retry.
import { DomainError } from '../errors';
import type { VisitAnswers } from './types';

export type VisitAttempt =
  /** The requester answered the questions. */
  | { at: Date; result: 'reached'; answers: VisitAnswers }
  /** No answer, busy, switched off: worth another try until the attempts run out. */
  | { at: Date; result: 'no_answer' }
  /** The requester refused the visit: invalid at once, no retry. */
  | { at: Date; result: 'declined' }
  /** 空号 / wrong number: invalid at once, no retry. */
  | { at: Date; result: 'wrong_number' };

export interface ReturnVisitPolicy {
  /** Calls made before an unreached visit is given up as invalid. Default 3. */
  maxAttempts: number;
}

export const DEFAULT_RETURN_VISIT_POLICY: ReturnVisitPolicy = { maxAttempts: 3 };

export type ReturnVisitOutcome =
  | { status: 'valid'; answers: VisitAnswers; attempts: number; concludedAt: Date }
  | { status: 'invalid'; reason: 'unreached' | 'declined' | 'wrong_number'; attempts: number; concludedAt: Date }
  | { status: 'pending'; attempts: number; attemptsLeft: number };

/**
 * Attempts are taken in time order; the visit concludes at the first reached, declined or
 * wrong-number attempt, or at the `maxAttempts`-th unanswered one. Attempts after that are
 * ignored (they cannot reopen a concluded visit).
 */
export function resolveReturnVisit(attempts: readonly VisitAttempt[], policy: ReturnVisitPolicy = DEFAULT_RETURN_VISIT_POLICY): ReturnVisitOutcome {
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new DomainError('SCORING_INVALID_INPUT', 'maxAttempts must be a whole number of at least 1.', {
      maxAttempts: policy.maxAttempts,
    });
  }
  const ordered = [...attempts].sort((a, b) => a.at.getTime() - b.at.getTime());
  let count = 0;
  for (const attempt of ordered) {
    count += 1;
    switch (attempt.result) {
      case 'reached':
        return { status: 'valid', answers: attempt.answers, attempts: count, concludedAt: attempt.at };
      case 'declined':
      case 'wrong_number':
        return { status: 'invalid', reason: attempt.result, attempts: count, concludedAt: attempt.at };
      case 'no_answer':
        if (count >= policy.maxAttempts) {
          return { status: 'invalid', reason: 'unreached', attempts: count, concludedAt: attempt.at };
        }
        break;
      default: {
        const unknown: never = attempt;
        throw new DomainError('SCORING_INVALID_INPUT', 'Unknown visit attempt result.', { attempt: unknown });
      }
    }
  }
  return { status: 'pending', attempts: count, attemptsLeft: policy.maxAttempts - count };
}
