// A resident's photo for a portal submission: photos only, smaller than staff uploads, checked
// for type before a byte is stored and cut off (and deleted) past the size limit — the same
// upload use case staff use, acting as the portal.
import type { Readable } from 'node:stream';
import { type CaseAttachment, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { uploadAttachment } from '../attachments/upload-attachment';
import { portalActor } from './public-actors';

/** Phones take 2–6 MB photos; the portal shrinks larger ones before sending. */
export const PUBLIC_PHOTO_MAX_BYTES = 8 * 1024 * 1024;

export async function uploadPublicPhoto(ctx: AppContext, opts: { mimeType: string; name: string | null; stream: Readable & { truncated?: boolean } }): Promise<CaseAttachment> {
  try {
    return await uploadAttachment(ctx, { actor: await portalActor(ctx), kind: 'photo', mimeType: opts.mimeType, name: opts.name, stream: opts.stream });
  } catch (e) {
    if (e instanceof DomainError && e.code === 'ATTACHMENT_TOO_LARGE') {
      throw new DomainError('ATTACHMENT_TOO_LARGE', `照片不能超过 ${PUBLIC_PHOTO_MAX_BYTES / 1024 / 1024} MB。A photo may be at most ${PUBLIC_PHOTO_MAX_BYTES / 1024 / 1024} MB.`, {
        maxBytes: PUBLIC_PHOTO_MAX_BYTES,
      });
    }
    if (e instanceof DomainError && e.code === 'ATTACHMENT_TYPE_NOT_ALLOWED') {
      throw new DomainError('ATTACHMENT_TYPE_NOT_ALLOWED', '只能上传照片（JPEG、PNG、WebP、HEIC）。Only photos (JPEG, PNG, WebP, HEIC) are accepted.', { field: 'file' });
    }
    throw e;
  }
}
