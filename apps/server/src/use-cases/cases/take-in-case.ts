// 受理: record a request as a new case. A retried request with the same idempotency key returns
// the case the first one created instead of a second case.
import { createHash, randomUUID } from 'node:crypto';
import { type Actor, type CaseIntake, type CaseState, caseNumberDateKey, DomainError, initialState } from '@jiesu/core';
import type { AppContext } from '../../context';
import { caseTokens } from '../../intake/text-tokens';
import { assertAttachmentsClaimable, casePolicy, claimAttachmentsForCase, decisionContext, locationPath, resolveAttachments } from './case-context';

export interface TakeInCaseOptions {
  actor: Actor;
  intake: Omit<CaseIntake, 'attachments'> & { attachmentIds?: string[] };
  idempotencyKey?: string | null;
}

export async function takeInCase(ctx: AppContext, opts: TakeInCaseOptions): Promise<{ state: CaseState; isNew: boolean }> {
  // A retry is rare: rather than look the key up first, let the insert's unique key catch it.
  const key = opts.idempotencyKey ?? null;
  const { attachmentIds, ...intake } = opts.intake;
  try {
    await assertAttachmentsClaimable(ctx, { actor: opts.actor, ids: attachmentIds ?? [] });
  } catch (e) {
    // A retry's files already belong to the case its first attempt made: answer with that case.
    const existing = key === null ? null : await existingFor(ctx, opts.actor, key, intakeHash(opts.intake));
    if (existing) return { state: existing, isNew: false };
    throw e;
  }
  const attachments = await resolveAttachments(ctx, attachmentIds);
  const path = await locationPath(ctx, intake.location);
  const base = await decisionContext(ctx, opts.actor);
  const sequence = await ctx.caseNumbers.next(caseNumberDateKey(base.now, casePolicy(ctx).timeZone));
  const decision = initialState({ ...intake, attachments }, { ...base, caseId: randomUUID(), dailySequence: sequence });
  // Words for duplicate search, segmented once here rather than at every search.
  const tokens = caseTokens(decision.state.subject, decision.state.detail);
  const hash = key === null ? null : intakeHash(opts.intake);
  const inserted = await ctx.repos.cases.insert(decision, { locationPath: path, idempotencyKey: key, idempotencyHash: hash, tokens });
  if (inserted) {
    const st = decision.state;
    await claimAttachmentsForCase(ctx, { caseId: st.id, actor: opts.actor, ids: attachments.map((a) => a.id) });
    ctx.intake.rememberCase(st.location.streetCode, { caseId: st.id, caseNumber: st.caseNumber, subject: st.subject, status: st.status, receivedAt: st.receivedAt, tokens });
    await attachToHotspots(ctx, st, tokens, opts.actor);
  }
  if (!inserted) {
    // The key was used before (a retry, or a concurrent twin): answer with that case.
    const existing = await existingFor(ctx, opts.actor, key as string, hash);
    if (existing) return { state: existing, isNew: false };
  }
  return { state: decision.state, isNew: true };
}

/**
 * After the case is stored: join it to its hotspot group and to the running topic problems it
 * matches (每月一题), so their counts are current. The case is already durable: a failure here is
 * counted, not thrown — the next hotspot computation includes the case anyway.
 */
async function attachToHotspots(ctx: AppContext, st: CaseState, tokens: string[], actor: Actor): Promise<void> {
  try {
    await ctx.hotspots.attach({ caseId: st.id, categoryCode: st.categoryCode, tokens }, actor.username, st.receivedAt);
  } catch {
    ctx.hotspots.failures++;
  }
}

/** A stable hash of what was asked (keys sorted at every level), to tell a retry from a different request under one key. */
export function intakeHash(intake: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(intake)))
    .digest('hex');
}

async function existingFor(ctx: AppContext, actor: Actor, key: string, hash: string | null): Promise<CaseState | null> {
  const id = await ctx.repos.cases.findIdByIdempotencyKey(key);
  if (!id) return null;
  const stored = await ctx.repos.cases.load(id);
  if (!stored) return null;
  // A key belongs to whoever first used it: another user reusing it learns nothing of that case.
  if (stored.state.receivedBy.userId !== actor.userId) {
    throw new DomainError('CONFLICT', 'This idempotency key was already used for another request; send a new key.', { field: 'Idempotency-Key' });
  }
  const firstHash = await ctx.repos.cases.idempotencyHashOf(id);
  if (firstHash !== null && hash !== null && firstHash !== hash) {
    throw new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      'This idempotency key was first sent with a different request; a retry must repeat the same body, a new request needs a new key.',
      {
        field: 'Idempotency-Key',
      },
    );
  }
  return stored.state;
}
