// Stores an uploaded file after checking its kind and type against the attachment policy; a file
// over the size limit is cut off by the upload parser, deleted, and refused — nothing is kept.
import { randomUUID, createHash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import { type Actor, type AttachmentKind, type CaseAttachment, DomainError, validateAttachments } from '@jiesu/core';
import type { AppContext } from '../../context';
import { casePolicy } from '../cases/case-context';

export interface UploadOptions {
  actor: Actor;
  kind: AttachmentKind;
  mimeType: string;
  name: string | null;
  stream: Readable & { truncated?: boolean };
}

/** The largest file the policy allows for a kind: the upload parser's limit. */
export function maxBytesFor(ctx: AppContext, kind: AttachmentKind): number {
  return casePolicy(ctx).attachments.byKind[kind].maxBytes;
}

export async function uploadAttachment(ctx: AppContext, opts: UploadOptions): Promise<CaseAttachment> {
  const policy = casePolicy(ctx).attachments;
  // Type first: a wrong type is refused before a byte is stored.
  validateAttachments([{ id: 'check', kind: opts.kind, mimeType: opts.mimeType, sizeBytes: 1 }], policy);
  const id = randomUUID();
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const size = await ctx.attachments.put(id, opts.stream.pipe(hashing));
  if (opts.stream.truncated) {
    await ctx.attachments.delete(id);
    throw new DomainError('ATTACHMENT_TOO_LARGE', `A ${opts.kind} may be at most ${Math.floor(policy.byKind[opts.kind].maxBytes / 1024 / 1024)} MB.`, { kind: opts.kind });
  }
  if (size === 0) {
    await ctx.attachments.delete(id);
    throw new DomainError('VALIDATION_FAILED', 'The uploaded file is empty.', { field: 'file' });
  }
  const [attachment] = validateAttachments([{ id, kind: opts.kind, mimeType: opts.mimeType, sizeBytes: size, name: opts.name }], policy);
  const a = attachment as CaseAttachment;
  await ctx.repos.attachments.insert({ ...a, sha256: hash.digest('hex'), uploadedBy: opts.actor.username, uploaderUnitPath: opts.actor.unitPath });
  return a;
}
