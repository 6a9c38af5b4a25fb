// The tasks of a topic's problem are work items (kind 'topic_task', source 'topic_problem' + the
// problem's id): the same owner, deadline, clocks, reminders, escalation and overdue marking as
// every work item — no task table of their own.
import { type Actor, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { createOrReplayWorkItem } from '../work-items/create-work-item';
import { listWorkItems, type WorkItemPage } from '../work-items/list-work-items';
import { type PresentedWorkItem, presentWorkItem } from '../work-items/work-item-context';
import { loadProblem, loadTopic, requireTopicRunner } from './topic-access';

export const TOPIC_TASK_SOURCE = 'topic_problem';

export interface TaskProgress {
  total: number;
  open: number;
  inProgress: number;
  done: number;
  cancelled: number;
  overdue: number;
}

export async function taskProgress(ctx: AppContext, problemIds: readonly string[]): Promise<Map<string, TaskProgress>> {
  return ctx.repos.topics.taskProgress(TOPIC_TASK_SOURCE, problemIds);
}

export interface CreateTopicTaskOptions {
  actor: Actor;
  topicId: string;
  problemId: string;
  title: string;
  detail?: string;
  ownerUnitCode: string;
  dueAt?: Date;
  dueInWorkingDays?: number;
  idempotencyKey?: string | null;
}

export async function createTopicTask(ctx: AppContext, opts: CreateTopicTaskOptions): Promise<{ item: PresentedWorkItem; isNew: boolean }> {
  requireTopicRunner(opts.actor);
  const topic = await loadTopic(ctx, opts.topicId);
  if (topic.status === 'closed') throw new DomainError('CONFLICT', 'A closed topic takes no new task.', { status: topic.status });
  const problem = await loadProblem(ctx, topic.id, opts.problemId);
  if ((opts.dueAt === undefined) === (opts.dueInWorkingDays === undefined)) {
    throw new DomainError('VALIDATION_FAILED', 'Give the deadline as dueAt or dueInWorkingDays (one of them).', { field: 'dueAt' });
  }
  // A task belongs to the problem's lead unit or one of its co-units (or a unit below them).
  const allowed = await ctx.unitDirectory.findMany([problem.leadUnitCode, ...problem.coUnitCodes]);
  const owner = await ctx.unitDirectory.find(opts.ownerUnitCode);
  if (!owner) throw new DomainError('UNIT_NOT_FOUND', `Unit ${opts.ownerUnitCode} does not exist.`, { field: 'ownerUnitCode' });
  if (!allowed.some((u) => owner.path.startsWith(u.path))) {
    throw new DomainError('VALIDATION_FAILED', 'A task is owned by the problem’s lead unit or a co-unit.', { field: 'ownerUnitCode' });
  }
  const r = await createOrReplayWorkItem(ctx, {
    actor: opts.actor,
    kind: 'topic_task',
    title: opts.title,
    detail: opts.detail ?? null,
    owner: { unitCode: owner.code },
    due: opts.dueAt !== undefined ? { dueAt: opts.dueAt } : { amount: opts.dueInWorkingDays as number, unit: 'working_days' },
    sourceType: TOPIC_TASK_SOURCE,
    sourceId: problem.id,
    idempotencyKey: opts.idempotencyKey ?? null,
  });
  return { item: presentWorkItem(r.item, opts.actor, ctx.now()), isNew: r.isNew };
}

/** A problem's tasks as the actor may see them (the work-item scope: owned by or set by their subtree). */
export async function listTopicTasks(ctx: AppContext, opts: { actor: Actor; topicId: string; problemId: string; limit?: number; cursor?: string }): Promise<WorkItemPage> {
  const problem = await loadProblem(ctx, opts.topicId, opts.problemId);
  return listWorkItems(ctx, {
    actor: opts.actor,
    kind: 'topic_task',
    sourceType: TOPIC_TASK_SOURCE,
    sourceId: problem.id,
    ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
    ...(opts.cursor !== undefined ? { cursor: opts.cursor } : {}),
  });
}
