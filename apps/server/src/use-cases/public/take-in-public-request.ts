// A resident's own submission (Open311 client or portal) enters the same intake use case as every
// channel (takeInCase), then gets its public link row: the Open311 token, the portal tracking
// token's hash, media_url and attribute answers. takeInCase commits the case on its own; the link
// row follows at once, and a failure there is logged loudly (the case itself is safe and visible
// to the centre) rather than undoing a request the resident already made.
import { randomUUID } from 'node:crypto';
import type { Actor, CaseIntake, CaseState } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { PublicRequestSource } from '../../repositories/public-request.repository';
import { takeInCase } from '../cases/take-in-case';

export interface PublicIntakeOptions {
  actor: Actor;
  source: PublicRequestSource;
  intake: Omit<CaseIntake, 'attachments'> & { attachmentIds?: string[] };
  serviceCode: string | null;
  apiKeyId: string | null;
  mediaUrl: string | null;
  addressId: string | null;
  attributes: Record<string, string | string[]>;
  trackingHash: string | null;
}

export async function takeInPublicRequest(ctx: AppContext, opts: PublicIntakeOptions): Promise<{ state: CaseState; token: string }> {
  const { state } = await takeInCase(ctx, { actor: opts.actor, intake: opts.intake });
  const token = randomUUID();
  await ctx.repos.publicRequests.insert({
    caseId: state.id,
    source: opts.source,
    serviceCode: opts.serviceCode,
    token,
    apiKeyId: opts.apiKeyId,
    mediaUrl: opts.mediaUrl,
    addressId: opts.addressId,
    attributes: opts.attributes,
    trackingHash: opts.trackingHash,
  });
  return { state, token };
}
