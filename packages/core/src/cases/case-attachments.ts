// Attachment metadata rules: which file types each kind accepts, how large, how many. The bytes are
// checked again by the storage layer; this refuses a bad upload before a transition is recorded.
import { DomainError } from '../errors';
import { ATTACHMENT_KINDS, type AttachmentKind, type CaseAttachment } from './case-types';

export interface AttachmentKindRule {
  mimeTypes: readonly string[];
  maxBytes: number;
}

export interface AttachmentPolicy {
  /** Most files on one transition (an intake, a return, a feedback …). */
  maxCount: number;
  byKind: Readonly<Record<AttachmentKind, AttachmentKindRule>>;
}

const MB = 1024 * 1024;

export const DEFAULT_ATTACHMENT_POLICY: AttachmentPolicy = {
  maxCount: 20,
  byKind: {
    photo: { mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'], maxBytes: 20 * MB },
    video: { mimeTypes: ['video/mp4', 'video/quicktime', 'video/webm'], maxBytes: 500 * MB },
    // Call recordings come from the switchboard as MP3/WAV; AMR from phones.
    audio: { mimeTypes: ['audio/mpeg', 'audio/wav', 'audio/x-wav', 'audio/amr', 'audio/mp4', 'audio/ogg'], maxBytes: 100 * MB },
    document: {
      mimeTypes: [
        'application/pdf',
        'application/msword',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.ms-excel',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'text/plain',
      ],
      maxBytes: 50 * MB,
    },
  },
};

/** Throws the first problem found; returns copies so the state never shares the caller's objects. */
export function validateAttachments(attachments: readonly CaseAttachment[] | undefined, policy: AttachmentPolicy): CaseAttachment[] {
  const list = attachments ?? [];
  if (list.length > policy.maxCount) {
    throw new DomainError('TOO_MANY_ATTACHMENTS', `At most ${policy.maxCount} files may be attached; got ${list.length}.`, {
      maxCount: policy.maxCount,
      count: list.length,
    });
  }
  return list.map((a, index) => {
    if (typeof a.id !== 'string' || a.id.length === 0) {
      throw new DomainError('VALIDATION_FAILED', `Attachment ${index + 1} has no id.`, { field: `attachments[${index}].id` });
    }
    if (!(ATTACHMENT_KINDS as readonly string[]).includes(a.kind)) {
      throw new DomainError('ATTACHMENT_TYPE_NOT_ALLOWED', `Attachment kind "${String(a.kind)}" is not one of ${ATTACHMENT_KINDS.join(', ')}.`, {
        index,
        kind: a.kind,
      });
    }
    const rule = policy.byKind[a.kind];
    const mimeType = String(a.mimeType).toLowerCase();
    if (!rule.mimeTypes.includes(mimeType)) {
      throw new DomainError('ATTACHMENT_TYPE_NOT_ALLOWED', `A ${a.kind} must be one of ${rule.mimeTypes.join(', ')}; "${a.mimeType}" is not accepted.`, {
        index,
        kind: a.kind,
        mimeType: a.mimeType,
        allowed: rule.mimeTypes,
      });
    }
    if (!Number.isSafeInteger(a.sizeBytes) || a.sizeBytes <= 0) {
      throw new DomainError('VALIDATION_FAILED', `Attachment ${index + 1} must have a positive whole size in bytes.`, {
        field: `attachments[${index}].sizeBytes`,
        value: a.sizeBytes,
      });
    }
    if (a.sizeBytes > rule.maxBytes) {
      throw new DomainError('ATTACHMENT_TOO_LARGE', `A ${a.kind} may be at most ${Math.floor(rule.maxBytes / MB)} MB; this one is ${(a.sizeBytes / MB).toFixed(1)} MB.`, {
        index,
        kind: a.kind,
        sizeBytes: a.sizeBytes,
        maxBytes: rule.maxBytes,
      });
    }
    return { id: a.id, kind: a.kind, mimeType, sizeBytes: a.sizeBytes, name: a.name ?? null };
  });
}
