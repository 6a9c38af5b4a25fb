// 回访: records one call attempt. The core (resolveReturnVisit) decides what the attempts add up
// to; an attempt that concludes the visit (reached, declined, wrong number, or the last allowed
// unanswered call) runs the case's record_visit command (closed → visited) and writes the attempt
// and the case's scoring fact in that same transaction.
import { type Actor, DomainError, hasRole, isCentreActor, resolveReturnVisit, type ReturnVisitOutcome, type VisitAnswers, type VisitAttempt, assertCaseInScope } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { VisitAttemptResult, VisitAttemptRow } from '../../repositories/return-visit.repository';
import { actOnCase } from '../cases/act-on-case';

import { loadPolicy } from '../scoring/scoring-config';
import { buildVisitFact } from './visit-fact';
import type { Tx } from '../../repositories';

export interface RecordVisitAttemptOptions {
  actor: Actor;
  caseId: string;
  attempt: {
    result: VisitAttemptResult;
    isContacted?: boolean;
    isSolved?: boolean;
    satisfaction?: VisitAnswers['satisfaction'];
    comment?: string;
  };
}

export interface VisitResult {
  caseId: string;
  caseStatus: string;
  outcome: { status: 'valid' | 'invalid' | 'pending'; reason?: string; attempts: number; attemptsLeft?: number };
  periodKey: string | null;
  attempts: VisitAttemptRow[];
}

function toCoreAttempt(a: VisitAttemptRow): VisitAttempt {
  if (a.result === 'reached') {
    return { at: a.at, result: 'reached', answers: { isContacted: a.isContacted ?? false, isSolved: a.isSolved ?? false, satisfaction: a.satisfaction ?? 'dissatisfied' } };
  }
  return { at: a.at, result: a.result };
}

function answersOf(opts: RecordVisitAttemptOptions['attempt']): VisitAnswers | null {
  const given = [opts.isContacted, opts.isSolved, opts.satisfaction].filter((v) => v !== undefined).length;
  if (opts.result !== 'reached') {
    if (given > 0) throw new DomainError('VALIDATION_FAILED', 'Answers are recorded only when the requester was reached.', { field: 'body.result' });
    return null;
  }
  const missing = (['isContacted', 'isSolved', 'satisfaction'] as const).find((k) => opts[k] === undefined);
  if (missing) throw new DomainError('VALIDATION_FAILED', `A reached visit needs ${missing} (是否联系, 是否解决, 满意度).`, { field: `body.${missing}` });
  return { isContacted: opts.isContacted as boolean, isSolved: opts.isSolved as boolean, satisfaction: opts.satisfaction as VisitAnswers['satisfaction'] };
}

export async function recordVisitAttempt(ctx: AppContext, opts: RecordVisitAttemptOptions): Promise<VisitResult> {
  if (!isCentreActor(opts.actor) || !hasRole(opts.actor, 'visitor')) {
    throw new DomainError('FORBIDDEN', 'Only a visitor (回访员) of the city centre records return visits.', { roles: ['visitor'] });
  }
  const answers = answersOf(opts.attempt);
  const stored = await ctx.repos.cases.load(opts.caseId);
  if (!stored) throw new DomainError('CASE_NOT_FOUND', `No case has the id ${opts.caseId}.`, { caseId: opts.caseId });
  assertCaseInScope(opts.actor, stored.state, stored.locationPath);
  if (stored.state.status !== 'closed') {
    throw new DomainError('VISIT_NOT_OPEN', `Case ${stored.state.caseNumber} is ${stored.state.status}; only closed cases await a return visit.`, {
      caseId: opts.caseId,
      status: stored.state.status,
    });
  }
  const policy = await loadPolicy(ctx);
  // 并案: under main_case_visit a merged child is not visited; its cluster is, through the main case.
  if (stored.state.parent !== null && policy.mergedChildren === 'main_case_visit') {
    throw new DomainError(
      'VISIT_MERGED_CHILD',
      `Case ${stored.state.caseNumber} was merged into ${stored.state.parent.caseNumber}; the cluster is visited and scored once, through that case.`,
      { caseId: opts.caseId, parentCaseId: stored.state.parent.caseId, parentCaseNumber: stored.state.parent.caseNumber },
    );
  }
  const previous = await ctx.repos.returnVisits.attemptsFor(opts.caseId);
  const attempt: VisitAttemptRow = {
    caseId: opts.caseId,
    attemptNo: previous.length + 1,
    at: ctx.now(),
    result: opts.attempt.result,
    isContacted: answers?.isContacted ?? null,
    isSolved: answers?.isSolved ?? null,
    satisfaction: answers?.satisfaction ?? null,
    comment: opts.attempt.comment?.trim() || null,
    visitor: { userId: opts.actor.userId, username: opts.actor.username },
  };
  const attempts = [...previous, attempt];
  const outcome: ReturnVisitOutcome = resolveReturnVisit(attempts.map(toCoreAttempt), { maxAttempts: policy.maxVisitAttempts });

  // Another visitor may have called meanwhile: the attempt number is claimed under the case lock.
  const insertAttempt = async (trx: Tx) => {
    const now = await ctx.repos.returnVisits.attemptsFor(opts.caseId, trx);
    if (now.length !== previous.length) {
      throw new DomainError('CONFLICT', 'Another visit attempt was recorded for this case meanwhile; reload the case.', { caseId: opts.caseId });
    }
    await ctx.repos.returnVisits.insertAttempt(attempt, trx);
  };

  if (outcome.status === 'pending') {
    await ctx.db.transaction().execute(async (trx) => {
      const locked = await ctx.repos.returnVisits.lockCaseStatus(opts.caseId, trx);
      if (locked?.status !== 'closed') {
        throw new DomainError('VISIT_NOT_OPEN', `Case ${stored.state.caseNumber} no longer awaits a return visit.`, { caseId: opts.caseId });
      }
      await insertAttempt(trx);
    });
    return { caseId: opts.caseId, caseStatus: 'closed', outcome: { status: 'pending', attempts: outcome.attempts, attemptsLeft: outcome.attemptsLeft }, periodKey: null, attempts };
  }

  let periodKey: string | null = null;
  const state = await actOnCase(ctx, {
    actor: opts.actor,
    caseId: opts.caseId,
    command: {
      type: 'record_visit',
      outcome: outcome.status === 'valid' ? { status: 'valid', answers: outcome.answers } : { status: 'invalid', reason: outcome.reason },
      ...(attempt.comment ? { note: attempt.comment } : {}),
    },
    withinTransaction: async (trx, decided) => {
      await insertAttempt(trx);
      const fact = await buildVisitFact(ctx, decided, trx);
      if (fact) {
        await ctx.repos.scoreFacts.upsert(fact, trx);
        periodKey = fact.periodKey;
      }
    },
  });
  return {
    caseId: opts.caseId,
    caseStatus: state.status,
    outcome: outcome.status === 'valid' ? { status: 'valid', attempts: outcome.attempts } : { status: 'invalid', reason: outcome.reason, attempts: outcome.attempts },
    periodKey,
    attempts,
  };
}
