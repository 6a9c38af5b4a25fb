// How a resident proves a case is theirs without an account: the tracking code the portal gave
// them at submission (96 random bits; only its hash is stored), with the case number when they
// send it too. The phone's last four digits are not enough (a 10,000-value space). A wrong pair
// gets the same answer as an unknown code, so numbers cannot be probed; the endpoints are
// rate-limited per client address.
import { DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { StoredCase } from '../../repositories/case.repository';
import { PHONE_TRACKING_CODE } from '../cases/issue-tracking-code';
import { hashTrackingToken } from './submit-public-request';

export interface TrackingProof {
  caseNumber?: string;
  trackingToken: string;
}

const NOT_FOUND = '没有找到该诉求：请核对查询码（和诉求编号）。No request matches that tracking code (and case number).';

export async function findTrackedCase(ctx: AppContext, proof: TrackingProof): Promise<StoredCase> {
  const token = proof.trackingToken.trim();
  // A code told on the phone (upper-case letters and digits) may be typed in lower case.
  const upper = token.toUpperCase();
  const caseId =
    (await ctx.repos.publicRequests.findCaseIdByTrackingHash(hashTrackingToken(token))) ??
    (upper !== token && PHONE_TRACKING_CODE.test(upper) ? await ctx.repos.publicRequests.findCaseIdByTrackingHash(hashTrackingToken(upper)) : null);
  const stored = caseId ? await ctx.repos.cases.load(caseId) : null;
  if (!stored || (proof.caseNumber !== undefined && proof.caseNumber.trim() !== stored.state.caseNumber)) throw new DomainError('CASE_NOT_FOUND', NOT_FOUND);
  return stored;
}
