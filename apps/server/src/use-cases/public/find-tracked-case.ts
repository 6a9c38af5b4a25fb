// How a resident proves a case is theirs without an account: the case number plus the last four
// digits of the phone they gave, or the tracking token the portal gave them. A wrong pair gets the
// same answer as an unknown number, so numbers cannot be probed; the endpoints are rate-limited.
import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { StoredCase } from '../../repositories/case.repository';
import { hashTrackingToken } from './submit-public-request';

export interface TrackingProof {
  caseNumber?: string;
  phoneLast4?: string;
  trackingToken?: string;
}

const NOT_FOUND = '没有找到该诉求：请核对编号和手机号后四位（或查询码）。No request matches that number and phone digits (or tracking code).';

function sameDigits(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function findTrackedCase(ctx: AppContext, proof: TrackingProof): Promise<StoredCase> {
  let caseId: string | null = null;
  if (proof.trackingToken) {
    caseId = await ctx.repos.publicRequests.findCaseIdByTrackingHash(hashTrackingToken(proof.trackingToken.trim()));
  } else if (proof.caseNumber && proof.phoneLast4) {
    if (!/^\d{4}$/.test(proof.phoneLast4))
      throw new DomainError('VALIDATION_FAILED', '请输入手机号的后四位数字。Enter the last 4 digits of your phone.', { field: 'body.phoneLast4' });
    const id = await ctx.repos.cases.findIdByNumber(proof.caseNumber.trim());
    const stored = id ? await ctx.repos.cases.load(id) : null;
    const digits = stored?.state.requester.phone?.replace(/\D/g, '') ?? '';
    if (stored && digits.length >= 4 && sameDigits(digits.slice(-4), proof.phoneLast4)) return stored;
  } else {
    throw new DomainError('VALIDATION_FAILED', '请提供诉求编号和手机号后四位，或查询码。Send the case number and the last 4 phone digits, or the tracking code.', {
      field: 'body',
    });
  }
  const stored = caseId ? await ctx.repos.cases.load(caseId) : null;
  if (!stored) throw new DomainError('CASE_NOT_FOUND', NOT_FOUND);
  return stored;
}
