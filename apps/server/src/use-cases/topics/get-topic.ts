// A topic with its problems (lead and co-unit names, linked case counts, task progress) and policies.
// Topics are public knowledge (the portal shows them); linked case lists are not (see problem cases).
import type { Actor } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { Topic, TopicPolicy, TopicProblem } from '../../repositories/topic.repository';
import { loadTopic } from './topic-access';
import { taskProgress, type TaskProgress } from './topic-tasks';

export interface TopicView {
  topic: Topic;
  problems: (Omit<TopicProblem, 'signature'> & { leadUnitName: string; coUnits: { code: string; name: string }[]; topWords: string[]; linkedCases: number; tasks: TaskProgress })[];
  policies: TopicPolicy[];
}

export async function getTopic(ctx: AppContext, opts: { actor: Actor | null; topicId: string }): Promise<TopicView> {
  const topic = await loadTopic(ctx, opts.topicId);
  return (await presentTopics(ctx, [topic]))[0] as TopicView;
}

export async function listTopics(ctx: AppContext, opts: { actor: Actor; month?: string; limit?: number }): Promise<TopicView[]> {
  const topics = await ctx.repos.topics.listTopics({ ...(opts.month !== undefined ? { month: opts.month } : {}), limit: opts.limit ?? 24 });
  return presentTopics(ctx, topics);
}

export async function presentTopics(ctx: AppContext, topics: readonly Topic[]): Promise<TopicView[]> {
  const ids = topics.map((t) => t.id);
  const problems = await ctx.repos.topics.problemsOfTopics(ids);
  const policies = await ctx.repos.topics.policies(ids);
  const counts = await ctx.repos.topics.linkedCounts(problems.map((p) => p.id));
  const units = await ctx.unitDirectory.findMany([...new Set(problems.flatMap((p) => [p.leadUnitCode, ...p.coUnitCodes]))]);
  const name = new Map(units.map((u) => [u.code, u.name]));
  const progress = await taskProgress(
    ctx,
    problems.map((p) => p.id),
  );
  return topics.map((topic) => ({
    topic,
    problems: problems
      .filter((p) => p.topicId === topic.id)
      .map(({ signature, ...p }) => ({
        ...p,
        leadUnitName: name.get(p.leadUnitCode) ?? p.leadUnitCode,
        coUnits: p.coUnitCodes.map((code) => ({ code, name: name.get(code) ?? code })),
        topWords: signature?.terms.slice(0, 8) ?? [],
        linkedCases: counts.get(p.id) ?? 0,
        tasks: progress.get(p.id) ?? { total: 0, open: 0, inProgress: 0, done: 0, cancelled: 0, overdue: 0 },
      })),
    policies: policies.filter((x) => x.topicId === topic.id),
  }));
}
