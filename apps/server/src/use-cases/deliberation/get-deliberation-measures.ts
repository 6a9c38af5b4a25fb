// A community's deliberation measures over a period (a quarter '2026-Q4' in the evaluation
// calendar, or explicit instants): counts from the repositories, shares from the core.
import { type Actor, deliberationAssessmentScores, type DeliberationMeasures, deliberationMeasures, evaluationQuarter } from '@jiesu/core';
import type { AppContext } from '../../context';
import { loadPolicy, periodConfig } from '../scoring/scoring-config';
import { loadCommunity } from './community-scope';
import { followUpCounts } from './follow-up-counts';

export interface MeasuresView {
  communityCode: string;
  communityName: string;
  from: Date;
  to: Date;
  quarterKey: string | null;
  measures: DeliberationMeasures;
  assessmentScores: ReturnType<typeof deliberationAssessmentScores>;
}

export async function periodOf(ctx: AppContext, quarterKey: string): Promise<{ from: Date; to: Date }> {
  const q = evaluationQuarter(quarterKey, periodConfig(ctx, await loadPolicy(ctx)));
  return { from: q.start, to: q.end };
}

export async function communityMeasures(ctx: AppContext, communityCode: string, from: Date, to: Date): Promise<DeliberationMeasures> {
  const [meetings, proposals, tasks] = await Promise.all([
    ctx.repos.meetings.measureCounts(communityCode, from, to),
    ctx.repos.proposals.measureCounts(communityCode, from, to),
    followUpCounts(ctx, communityCode, from, to),
  ]);
  return deliberationMeasures({ ...meetings, ...tasks, proposalsReceived: proposals.received, proposalsAnswered: proposals.answered });
}

export async function getDeliberationMeasures(ctx: AppContext, opts: { actor: Actor; communityCode: string; quarterKey?: string; from?: Date; to?: Date }): Promise<MeasuresView> {
  const community = await loadCommunity(ctx, opts.actor, opts.communityCode, 'read', 'query.communityCode');
  const { from, to } = opts.quarterKey ? await periodOf(ctx, opts.quarterKey) : { from: opts.from ?? new Date(0), to: opts.to ?? ctx.now() };
  const measures = await communityMeasures(ctx, community.code, from, to);
  return {
    communityCode: community.code,
    communityName: community.name,
    from,
    to,
    quarterKey: opts.quarterKey ?? null,
    measures,
    assessmentScores: deliberationAssessmentScores(measures),
  };
}
