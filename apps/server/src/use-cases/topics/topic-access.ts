// Who runs topics (the centre's supervisors, leaders and administrators) and who reads them.
import { type Actor, DomainError, hasRole, isCentreActor } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { Topic, TopicProblem } from '../../repositories/topic.repository';

export function requireTopicRunner(actor: Actor): void {
  if (!isCentreActor(actor) || !hasRole(actor, 'supervisor', 'unit_leader', 'administrator')) {
    throw new DomainError('FORBIDDEN', 'Topics of the month are selected and run by the centre’s supervisors, leaders or administrators.', {
      roles: ['supervisor', 'unit_leader', 'administrator'],
    });
  }
}

/** Case lists of a problem: the centre, analysts, and the problem's lead and co-units (within their subtree). */
export function canSeeProblemCases(actor: Actor, p: TopicProblem, unitPaths: ReadonlyMap<string, string>): boolean {
  if (isCentreActor(actor)) return true;
  return [p.leadUnitCode, ...p.coUnitCodes].some((code) => {
    const path = unitPaths.get(code);
    return path !== undefined && path.startsWith(actor.unitPath);
  });
}

export async function loadTopic(ctx: AppContext, id: string): Promise<Topic> {
  const t = await ctx.repos.topics.findTopic(id);
  if (!t) throw new DomainError('NOT_FOUND', `Topic ${id} does not exist.`, { field: 'id' });
  return t;
}

export async function loadProblem(ctx: AppContext, topicId: string, problemId: string): Promise<TopicProblem> {
  const p = await ctx.repos.topics.findProblem(problemId);
  if (!p || p.topicId !== topicId) throw new DomainError('NOT_FOUND', `Problem ${problemId} is not part of topic ${topicId}.`, { field: 'problemId' });
  return p;
}
