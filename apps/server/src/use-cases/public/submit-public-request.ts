// 网上提交: a resident submits a request on the portal. It is taken in like every other channel
// (channel 'web', by the portal's operator actor at the centre) and the reply carries the case
// number and a tracking token — shown once — to follow it without logging in.
import { createHash, randomBytes } from 'node:crypto';
import { MAX_PUBLIC_PHOTOS, type PublicSubmission } from '@jiesu/contracts';
import { DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { findOfferedService } from '../open311/offered-services';
import { portalActor } from './public-actors';
import { resolvePublicLocation } from './resolve-public-location';
import { takeInPublicRequest } from './take-in-public-request';

export type { PublicSubmission } from '@jiesu/contracts';

export function hashTrackingToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function submitPublicRequest(ctx: AppContext, opts: { submission: PublicSubmission }) {
  const s = opts.submission;
  const service = await findOfferedService(ctx, s.serviceCode, 'body.serviceCode');
  const photoIds = s.photoIds ?? [];
  if (photoIds.length > MAX_PUBLIC_PHOTOS)
    throw new DomainError('TOO_MANY_ATTACHMENTS', `最多上传 ${MAX_PUBLIC_PHOTOS} 张照片。At most ${MAX_PUBLIC_PHOTOS} photos.`, { field: 'body.photoIds' });
  const detail = s.detail.trim();
  const address = s.address.trim();
  const trackingToken = randomBytes(12).toString('base64url');
  const { state } = await takeInPublicRequest(ctx, {
    actor: await portalActor(ctx),
    source: 'portal',
    intake: {
      channel: 'web',
      kind: 'help',
      categoryCode: service.categoryCode,
      urgency: 'general',
      requester: { name: s.name?.trim() || null, phone: s.phone?.trim() || null, isAnonymous: s.isAnonymous === true },
      subject: `${service.service.service_name}：${detail.slice(0, 40)}`,
      detail,
      location: await resolvePublicLocation(ctx, address, s.coordinates ?? null),
      attachmentIds: photoIds,
    },
    serviceCode: service.service.service_code,
    apiKeyId: null,
    mediaUrl: null,
    addressId: null,
    attributes: {},
    trackingHash: hashTrackingToken(trackingToken),
  });
  return { caseNumber: state.caseNumber, trackingToken, status: state.status, receivedAt: state.receivedAt };
}
