// Start, close or reopen a topic. Starting links the cases of the preceding weeks that match each
// problem's signature (the "before" of the effect chart); from then on intake links new ones.
import { type Actor, DomainError, signatureSimilarity, type TopicCommand, decideTopic } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { Topic } from '../../repositories/topic.repository';
import { toTermWeights } from '../../services/hotspot-index.service';
import { loadTopic, requireTopicRunner } from './topic-access';

/** How far back a starting topic looks for matching cases. */
export const TOPIC_LOOKBACK_DAYS = 84;

export async function actOnTopic(
  ctx: AppContext,
  opts: { actor: Actor; topicId: string; command: TopicCommand; expectedVersion?: number },
): Promise<{ topic: Topic; linked: number }> {
  requireTopicRunner(opts.actor);
  const before = await loadTopic(ctx, opts.topicId);
  const now = ctx.now();
  // Read before the transaction (one connection on the embedded database): the lookback's cases.
  const lookback =
    opts.command === 'start' && before.status === 'draft'
      ? await ctx.repos.hotspots.casesForMining({ from: new Date(now.getTime() - TOPIC_LOOKBACK_DAYS * 86_400_000), to: now, scopePath: null })
      : [];
  const blockOf = await Promise.all(lookback.map((c) => ctx.hotspots.blockOf(c.categoryCode)));
  const result = await ctx.db.transaction().execute(async (trx) => {
    const t = await ctx.repos.topics.findTopic(before.id, trx, { forUpdate: true });
    if (!t) throw new DomainError('NOT_FOUND', `Topic ${before.id} does not exist.`, { field: 'id' });
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== t.version) {
      throw new DomainError('CONFLICT', 'The topic changed since you loaded it; reload and try again.', { field: 'expectedVersion', version: t.version });
    }
    const problems = await ctx.repos.topics.problems(t.id, trx);
    const status = decideTopic(t.status, opts.command, problems.length);
    const next: Topic = {
      ...t,
      status,
      version: t.version + 1,
      startedAt: opts.command === 'start' ? now : t.startedAt,
      closedAt: status === 'closed' ? now : null,
    };
    if (!(await ctx.repos.topics.updateTopic(next, t.version, trx)))
      throw new DomainError('CONFLICT', 'The topic changed meanwhile; reload and try again.', { field: 'expectedVersion' });
    let linked = 0;
    if (opts.command === 'start') {
      const cases = lookback;
      for (const p of problems) {
        if (p.signature === null) continue;
        const tw = await ctx.repos.topics.problemTermWeights(p.id, trx);
        if (tw === null) continue;
        const weights = toTermWeights(tw);
        const links: { caseId: string; similarity: number }[] = [];
        cases.forEach((c, i) => {
          if (p.block !== null && blockOf[i] !== p.block) return;
          const sim = signatureSimilarity(c.tokens, p.signature as NonNullable<typeof p.signature>, weights);
          if (sim >= p.matchThreshold) links.push({ caseId: c.caseId, similarity: sim });
        });
        linked += await ctx.repos.topics.linkCasesAuto(p.id, links, opts.actor.username, now, trx);
      }
    }
    await ctx.repos.audit.record(opts.actor, { action: `topics.${opts.command}`, targetType: 'topic', targetId: t.id, data: { from: t.status, to: status, linked } }, trx);
    return { topic: next, linked };
  });
  ctx.hotspots.reload();
  return result;
}
