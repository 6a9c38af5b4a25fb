// 查询进度: what a resident sees of their own case — status, category, place and the public
// history. Never the requester's identity, staff names or internal notes.
import type { PUBLIC_ENDPOINTS, ReplyOf } from '@jiesu/contracts';
import { CASE_STATUS_INFO } from '@jiesu/core';
import type { AppContext } from '../../context';
import { findTrackedCase, type TrackingProof } from './find-tracked-case';
import { historyLike, publicEvents } from './public-history';

/** What the portal shows: the track endpoint's response (packages/contracts/src/public.ts). */
export type PublicCaseView = ReplyOf<typeof PUBLIC_ENDPOINTS.track>;

export function isRateable(status: keyof typeof CASE_STATUS_INFO): boolean {
  return CASE_STATUS_INFO[status].stage === 'finished';
}

export async function trackPublicCase(ctx: AppContext, opts: { proof: TrackingProof }): Promise<PublicCaseView> {
  const { state } = await findTrackedCase(ctx, opts.proof);
  const history = historyLike(await ctx.repos.cases.history(state));
  const rating = await ctx.repos.publicRequests.findRating(state.id);
  const info = CASE_STATUS_INFO[state.status];
  return {
    caseNumber: state.caseNumber,
    status: state.status,
    statusLabel: info.label,
    isOpen: info.isOpen,
    categoryName: (await ctx.repos.categories.findByCode(state.categoryCode))?.name ?? null,
    subject: state.subject,
    address: state.location.address,
    receivedAt: state.receivedAt,
    closedAt: state.closedAt,
    events: publicEvents(history, state),
    canRate: isRateable(state.status) && rating === null,
    rating: rating ? { satisfaction: rating.satisfaction, comment: rating.comment, ratedAt: rating.ratedAt } : null,
  };
}
