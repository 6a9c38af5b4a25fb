// 查询码 for a request taken in by an operator (phone, letter, walk-in): the portal tracks a case by
// its number and a tracking code, so a resident who phoned in gets one too. Twelve characters from
// an alphabet without look-alikes (no 0/O, 1/I/L), about 60 bits, read out by the operator and sent
// by SMS through the notification outbox when the case has a phone (the sender looks the number up
// on the case, as for every message to a requester). Only the code's hash is kept as the tracking
// secret (the same public_requests row the portal's submissions have, source 'phone').
import { randomBytes, randomUUID } from 'node:crypto';
import type { CaseState } from '@jiesu/core';
import type { AppContext } from '../../context';
import { hashTrackingToken } from '../public/submit-public-request';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PHONE_TRACKING_CODE = /^[A-HJKMNP-Z2-9]{12}$/;

export function newTrackingCode(): string {
  // 31 symbols; a byte is kept only below 248 (8 × 31), so every symbol is equally likely
  const out: string[] = [];
  while (out.length < 12) {
    for (const b of randomBytes(16)) if (b < 248 && out.length < 12) out.push(ALPHABET[b % 31] as string);
  }
  return out.join('');
}

/** The SMS a requester gets: case number, tracking code, where to look. */
export function trackingSms(caseNumber: string, code: string): string {
  return `【12345】您的诉求已受理，编号 ${caseNumber}，查询码 ${code}。可在12345市民网站“查询进度”凭编号和查询码查看办理情况。`;
}

type TrackingAnswer = { trackingCode: string; isSmsQueued: boolean } | { isTrackingCodeGiven: true; trackingCodeGivenAt: string; isSmsQueued: boolean };

/**
 * Issues the case's 查询码 once: the row is inserted only if the case has none (its key is the case
 * id), so two requests racing to issue it — a retry arriving while the first request is still
 * storing its code, or two retries at once — store one code and send one SMS; the loser answers
 * that the code was given.
 */
export async function issueTrackingCode(ctx: AppContext, state: CaseState): Promise<TrackingAnswer> {
  const code = newTrackingCode();
  const isSmsQueued = state.requester.phone !== null && state.requester.phone.trim() !== '';
  const isIssued = await ctx.db.transaction().execute(async (trx) => {
    const isInserted = await ctx.repos.publicRequests.insertIfAbsent(
      {
        caseId: state.id,
        source: 'phone',
        serviceCode: null,
        token: randomUUID(),
        apiKeyId: null,
        mediaUrl: null,
        addressId: null,
        attributes: {},
        trackingHash: hashTrackingToken(code),
      },
      trx,
    );
    if (isInserted && isSmsQueued) {
      await ctx.repos.notifications.enqueue(
        [{ caseId: state.id, kind: 'requester_tracking', unitCode: null, payload: { caseId: state.id, caseNumber: state.caseNumber, text: trackingSms(state.caseNumber, code) } }],
        trx,
      );
    }
    return isInserted;
  });
  return isIssued ? { trackingCode: code, isSmsQueued } : trackingOnRetry(ctx, state);
}

/**
 * What a retried intake (the same Idempotency-Key, answered 200) says about the 查询码. The code
 * cannot be shown again (only its hash is kept) and is not re-issued, since the caller may already
 * have written down the first one or received it by SMS: the reply says that it was given, when,
 * and whether the SMS went. A case whose first request stopped before its code was stored gets it
 * now, so no case taken in by an operator is left without one.
 */
export async function trackingOnRetry(ctx: AppContext, state: CaseState): Promise<TrackingAnswer> {
  const given = await ctx.repos.publicRequests.findTrackingIssued(state.id);
  if (given === null) return issueTrackingCode(ctx, state);
  return { isTrackingCodeGiven: true, trackingCodeGivenAt: given.issuedAt.toISOString(), isSmsQueued: given.isSmsQueued };
}
