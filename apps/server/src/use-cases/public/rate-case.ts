// 评价: after a case is closed the resident rates the handling once — 满意 / 基本满意 / 不满意 and a
// comment. Stored beside the case for the centre; the official satisfaction of 三率 stays the
// return visit's (回访), which this does not replace.
import { DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { CaseRating } from '../../repositories/public-request.repository';
import { findTrackedCase, type TrackingProof } from './find-tracked-case';
import { isRateable } from './track-public-case';

export async function rateCase(ctx: AppContext, opts: { proof: TrackingProof; satisfaction: CaseRating['satisfaction']; comment?: string | null }): Promise<CaseRating> {
  const { state } = await findTrackedCase(ctx, opts.proof);
  if (!isRateable(state.status)) {
    throw new DomainError('ILLEGAL_TRANSITION', '诉求办结后才能评价。You can rate the handling once the request is closed.', { status: state.status });
  }
  const rating = { caseId: state.id, satisfaction: opts.satisfaction, comment: opts.comment?.trim() || null, ratedAt: ctx.now() };
  if (!(await ctx.repos.publicRequests.insertRating(rating))) {
    throw new DomainError('CONFLICT', '该诉求已评价过，每件诉求只能评价一次。This request has already been rated.', { caseNumber: state.caseNumber });
  }
  return rating;
}
