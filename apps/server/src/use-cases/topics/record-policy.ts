// 政策: a policy issued for a topic (or one of its problems) — title, issuing body, date and the
// document as an attachment uploaded through the attachments API.
import { randomUUID } from 'node:crypto';
import { type Actor, DomainError, isLocalDate } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { TopicPolicy } from '../../repositories/topic.repository';
import { loadProblem, loadTopic, requireTopicRunner } from './topic-access';

export async function recordPolicy(
  ctx: AppContext,
  opts: { actor: Actor; topicId: string; problemId?: string; title: string; issuingBody: string; issuedOn: string; attachmentId?: string },
): Promise<TopicPolicy> {
  requireTopicRunner(opts.actor);
  const topic = await loadTopic(ctx, opts.topicId);
  if (opts.problemId !== undefined) await loadProblem(ctx, topic.id, opts.problemId);
  if (opts.title.trim() === '') throw new DomainError('VALIDATION_FAILED', 'A policy needs a title.', { field: 'title' });
  if (opts.issuingBody.trim() === '') throw new DomainError('VALIDATION_FAILED', 'Name the body that issued the policy.', { field: 'issuingBody' });
  if (!isLocalDate(opts.issuedOn)) throw new DomainError('VALIDATION_FAILED', 'issuedOn must be a date such as 2026-12-05.', { field: 'issuedOn' });
  if (opts.attachmentId !== undefined) {
    const a = await ctx.repos.attachments.findById(opts.attachmentId);
    if (!a) throw new DomainError('NOT_FOUND', `Attachment ${opts.attachmentId} does not exist; upload the document first.`, { field: 'attachmentId' });
    if (a.uploadedBy !== opts.actor.userId && a.uploadedBy !== opts.actor.username)
      throw new DomainError('FORBIDDEN', 'Attach a document you uploaded.', { field: 'attachmentId' });
  }
  const policy: TopicPolicy = {
    id: randomUUID(),
    topicId: topic.id,
    problemId: opts.problemId ?? null,
    title: opts.title.trim(),
    issuingBody: opts.issuingBody.trim(),
    issuedOn: opts.issuedOn,
    attachmentId: opts.attachmentId ?? null,
    createdBy: opts.actor.username,
    createdAt: ctx.now(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.topics.insertPolicy(policy, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'topics.policy', targetType: 'topic', targetId: topic.id, data: { policyId: policy.id, title: policy.title } }, trx);
  });
  return policy;
}
