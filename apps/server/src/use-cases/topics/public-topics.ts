// What the public sees of 每月一题: each running or closed topic, its problems with their lead
// units, task progress and case volume, and the policies issued — no case, no person.
import type { AppContext } from '../../context';
import { presentTopics } from './get-topic';

export interface PublicTopic {
  id: string;
  month: string;
  title: string;
  description: string;
  status: 'running' | 'closed';
  startedAt: Date | null;
  closedAt: Date | null;
  problems: {
    seq: number;
    title: string;
    description: string;
    leadUnitName: string;
    coUnitNames: string[];
    linkedCases: number;
    tasks: { total: number; done: number; overdue: number };
  }[];
  policies: { title: string; issuingBody: string; issuedOn: string; hasDocument: boolean }[];
}

export async function listPublicTopics(ctx: AppContext, opts: { month?: string; limit?: number }): Promise<PublicTopic[]> {
  const topics = await ctx.repos.topics.listTopics({ ...(opts.month !== undefined ? { month: opts.month } : {}), statuses: ['running', 'closed'], limit: opts.limit ?? 12 });
  const views = await presentTopics(ctx, topics);
  return views.map(({ topic, problems, policies }) => ({
    id: topic.id,
    month: topic.month,
    title: topic.title,
    description: topic.description,
    status: topic.status === 'closed' ? 'closed' : 'running',
    startedAt: topic.startedAt,
    closedAt: topic.closedAt,
    problems: problems.map((p) => ({
      seq: p.seq,
      title: p.title,
      description: p.description,
      leadUnitName: p.leadUnitName,
      coUnitNames: p.coUnits.map((u) => u.name),
      linkedCases: p.linkedCases,
      tasks: { total: p.tasks.total - p.tasks.cancelled, done: p.tasks.done, overdue: p.tasks.overdue },
    })),
    policies: policies.map((x) => ({ title: x.title, issuingBody: x.issuingBody, issuedOn: x.issuedOn, hasDocument: x.attachmentId !== null })),
  }));
}
