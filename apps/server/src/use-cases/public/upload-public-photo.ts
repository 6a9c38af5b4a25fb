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

/**
 * Stores a resident's photo. Every refusal — from reading the multipart body (`read`) or from the
 * attachment policy — is reworded for residents, Chinese first (the portal shows the message as is);
 * the code and field stay those of the staff upload.
 */
export async function uploadPublicPhoto(
  ctx: AppContext,
  read: () => Promise<{ mimeType: string; name: string | null; stream: Readable & { truncated?: boolean } }>,
): Promise<CaseAttachment> {
  try {
    const upload = await read();
    return await uploadAttachment(ctx, { actor: await portalActor(ctx), kind: 'photo', mimeType: upload.mimeType, name: upload.name, stream: upload.stream });
  } catch (e) {
    throw e instanceof DomainError ? forResidents(e) : e;
  }
}

const MAX_MB = PUBLIC_PHOTO_MAX_BYTES / 1024 / 1024;

/** The same refusal, its message written for a resident (zh-CN first, the English after). */
export function forResidents(e: DomainError): DomainError {
  const field = typeof e.details?.['field'] === 'string' ? e.details['field'] : null;
  const message = ((): string => {
    if (e.code === 'ATTACHMENT_TOO_LARGE') return `照片不能超过 ${MAX_MB} MB。A photo may be at most ${MAX_MB} MB.`;
    if (e.code === 'ATTACHMENT_TYPE_NOT_ALLOWED') return '只能上传照片（JPEG、PNG、WebP、HEIC）。Only photos (JPEG, PNG, WebP, HEIC) are accepted.';
    if (field === 'file.filename') return `照片的文件名不能使用，请改名后再上传。The file name cannot be used (${e.message}).`;
    if (field === 'file')
      return /empty/i.test(e.message) ? '照片是空的，请重新选择。The photo is empty; choose it again.' : '没有收到照片，请重新选择。No photo was received; choose it again.';
    return `照片上传失败，请重新选择后再试。The upload could not be read (${e.message}).`;
  })();
  return new DomainError(e.code, message, { ...e.details, ...(e.code === 'ATTACHMENT_TOO_LARGE' ? { maxBytes: PUBLIC_PHOTO_MAX_BYTES } : {}) });
}
