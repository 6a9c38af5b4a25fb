// Cases linked to a problem — automatically (the problem's signature) or by hand — and the effect:
// matching cases and their resolution/satisfaction before and after the topic started.
import { type Actor, DomainError, problemEffect, type ProblemEffect } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { LinkedCase } from '../../repositories/topic.repository';
import { canSeeProblemCases, loadProblem, loadTopic, requireTopicRunner } from './topic-access';

async function visibleProblem(ctx: AppContext, actor: Actor, topicId: string, problemId: string) {
  const topic = await loadTopic(ctx, topicId);
  const problem = await loadProblem(ctx, topicId, problemId);
  const units = await ctx.unitDirectory.findMany([problem.leadUnitCode, ...problem.coUnitCodes]);
  if (!canSeeProblemCases(actor, problem, new Map(units.map((u) => [u.code, u.path])))) {
    throw new DomainError('OUT_OF_SCOPE', 'Only the centre and the problem’s lead and co-units see its cases.', { field: 'problemId' });
  }
  return { topic, problem };
}

export async function listProblemCases(ctx: AppContext, opts: { actor: Actor; topicId: string; problemId: string; limit?: number }): Promise<LinkedCase[]> {
  const { problem } = await visibleProblem(ctx, opts.actor, opts.topicId, opts.problemId);
  return ctx.repos.topics.linkedCases(problem.id, { limit: opts.limit ?? 100 });
}

export async function linkProblemCase(
  ctx: AppContext,
  opts: { actor: Actor; topicId: string; problemId: string; caseId?: string; caseNumber?: string },
): Promise<{ caseId: string; isNew: boolean }> {
  requireTopicRunner(opts.actor);
  const topic = await loadTopic(ctx, opts.topicId);
  if (topic.status === 'closed') throw new DomainError('CONFLICT', 'A closed topic takes no new case.', { status: topic.status });
  const problem = await loadProblem(ctx, opts.topicId, opts.problemId);
  const caseId = opts.caseId ?? (opts.caseNumber !== undefined ? await ctx.repos.cases.findIdByNumber(opts.caseNumber) : null);
  if (caseId === null || !(await ctx.repos.cases.load(caseId))) throw new DomainError('NOT_FOUND', 'No such case.', { field: opts.caseId !== undefined ? 'caseId' : 'caseNumber' });
  const isNew = await ctx.db.transaction().execute(async (trx) => {
    const n = await ctx.repos.topics.linkCase({ problemId: problem.id, caseId, linkKind: 'manual', similarity: null, linkedBy: opts.actor.username, linkedAt: ctx.now() }, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'topics.link_case', targetType: 'topic_problem', targetId: problem.id, data: { caseId } }, trx);
    return n;
  });
  return { caseId, isNew };
}

export async function unlinkProblemCase(ctx: AppContext, opts: { actor: Actor; topicId: string; problemId: string; caseId: string }): Promise<void> {
  requireTopicRunner(opts.actor);
  const problem = await loadProblem(ctx, opts.topicId, opts.problemId);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await ctx.repos.topics.unlinkCase(problem.id, opts.caseId, trx))) throw new DomainError('NOT_FOUND', 'That case is not linked to this problem.', { field: 'caseId' });
    await ctx.repos.audit.record(opts.actor, { action: 'topics.unlink_case', targetType: 'topic_problem', targetId: problem.id, data: { caseId: opts.caseId } }, trx);
  });
}

export async function getProblemEffect(
  ctx: AppContext,
  opts: { actor: Actor; topicId: string; problemId: string; weeksBefore?: number },
): Promise<ProblemEffect & { problemId: string }> {
  const { topic, problem } = await visibleProblem(ctx, opts.actor, opts.topicId, opts.problemId);
  if (topic.startedAt === null) throw new DomainError('CONFLICT', 'The topic has not started: there is no before and after yet.', { status: topic.status });
  const weeks = opts.weeksBefore ?? 12;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) throw new DomainError('VALIDATION_FAILED', 'weeksBefore must be 1–52.', { field: 'weeksBefore' });
  const cases = await ctx.repos.topics.linkedCases(problem.id);
  return { problemId: problem.id, ...problemEffect(cases, topic.startedAt, topic.closedAt ?? ctx.now(), weeks) };
}
