// Publishes a period's rankings: freezes the live computation as an immutable snapshot. The first
// publication is version 1; a later one (after a corrected visit or a granted appeal) needs a
// reason and becomes the next version — the earlier versions stay as they were.
import { type Actor, DomainError, evaluationPeriod } from '@jiesu/core';
import type { AppContext } from '../../context';
import { computePeriodRankings } from './compute-rankings';
import type { PublicationMeta } from '../../repositories/score-publication.repository';
import { loadPolicy, periodConfig, requireCentreEvaluator } from './scoring-config';

export interface PublishRankingsOptions {
  actor: Actor;
  periodKey: string;
  reason?: string | null;
}

export async function publishRankings(ctx: AppContext, opts: PublishRankingsOptions): Promise<PublicationMeta> {
  requireCentreEvaluator(opts.actor, 'publish rankings');
  const policy = await loadPolicy(ctx);
  const period = evaluationPeriod(opts.periodKey, periodConfig(ctx, policy));
  const now = ctx.now();
  if (now < period.end) {
    throw new DomainError('SCORING_INVALID_PERIOD', `Period ${opts.periodKey} runs until ${period.lastDay}; publish it once it has ended.`, {
      periodKey: opts.periodKey,
      lastDay: period.lastDay,
    });
  }
  const reason = opts.reason?.trim() || null;
  const rankings = await computePeriodRankings(ctx, { periodKey: opts.periodKey });
  return ctx.db.transaction().execute(async (trx) => {
    const latest = await ctx.repos.scorePublications.latestVersion(opts.periodKey, trx);
    if (latest > 0 && reason === null) {
      throw new DomainError('SCORING_ALREADY_PUBLISHED', `Period ${opts.periodKey} is already published (version ${latest}); give a reason to publish a new version.`, {
        periodKey: opts.periodKey,
        version: latest,
      });
    }
    const meta: PublicationMeta = {
      periodKey: opts.periodKey,
      version: latest + 1,
      reason,
      publishedAt: now,
      publishedBy: { userId: opts.actor.userId, username: opts.actor.username },
    };
    await ctx.repos.scorePublications.insert({ ...meta, rankings: { ...rankings, source: 'published', version: meta.version, reason, publishedAt: now } }, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'scoring.publish', targetType: 'score_period', targetId: opts.periodKey, data: { version: meta.version, reason } }, trx);
    return meta;
  });
}
