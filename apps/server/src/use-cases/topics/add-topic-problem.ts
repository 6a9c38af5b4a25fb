// Adds a problem to a topic not yet closed (at most three).
import { type Actor, DomainError, TOPIC_PROBLEMS } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { TopicProblem } from '../../repositories/topic.repository';
import { type ProblemInput, prepareProblem } from './create-topic';
import { loadTopic, requireTopicRunner } from './topic-access';

export async function addTopicProblem(ctx: AppContext, opts: { actor: Actor; topicId: string; problem: ProblemInput }): Promise<TopicProblem> {
  requireTopicRunner(opts.actor);
  const topic = await loadTopic(ctx, opts.topicId);
  if (topic.status === 'closed') throw new DomainError('CONFLICT', 'A closed topic takes no new problem.', { status: topic.status });
  // Checked and derived before the transaction (reads on the embedded database's one connection).
  const prepared = await prepareProblem(ctx, topic.id, 0, opts.problem, 'problem', ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.topics.findTopic(topic.id, trx, { forUpdate: true });
    const existing = await ctx.repos.topics.problems(topic.id, trx);
    if (existing.length >= TOPIC_PROBLEMS.max) throw new DomainError('CONFLICT', `A topic has at most ${TOPIC_PROBLEMS.max} problems.`, { field: 'problems' });
    const problem = { ...prepared.problem, seq: Math.max(0, ...existing.map((p) => p.seq)) + 1 };
    const termWeights = prepared.termWeights;
    await ctx.repos.topics.insertProblem(problem, termWeights, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'topics.add_problem', targetType: 'topic', targetId: topic.id, data: { problemId: problem.id, title: problem.title } }, trx);
    if (topic.status === 'running') ctx.hotspots.reload();
    return problem;
  });
}
