import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AttachmentSchema, ErrorBody } from '@jiesu/contracts';
import { ATTACHMENT_KINDS, type AttachmentKind, DomainError } from '@jiesu/core';
import { Type } from 'typebox';
import { readUpload } from '../input-policy';
import { downloadAttachment } from '../../use-cases/attachments/download-attachment';
import { maxBytesFor, uploadAttachment } from '../../use-cases/attachments/upload-attachment';

export const attachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/',
    {
      schema: {
        tags: ['attachments'],
        summary: 'Upload a photo, video, recording or document (multipart: field `kind`, then `file`)',
        consumes: ['multipart/form-data'],
        querystring: Type.Object({ kind: Type.Optional(Type.String()) }),
        response: { 201: AttachmentSchema, 400: ErrorBody, 413: ErrorBody, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const kind = (request.query.kind ?? 'photo') as AttachmentKind;
      if (!(ATTACHMENT_KINDS as readonly string[]).includes(kind)) {
        throw new DomainError('VALIDATION_FAILED', `kind must be one of ${ATTACHMENT_KINDS.join(', ')}.`, { field: 'querystring.kind' });
      }
      const upload = await readUpload(request, { fileSize: maxBytesFor(app.ctx, kind) });
      const attachment = await uploadAttachment(app.ctx, { actor: request.actor, kind, mimeType: upload.mimeType, name: upload.name, stream: upload.file });
      return reply.status(201).send({ ...attachment, name: attachment.name ?? null });
    },
  );

  app.get('/:id', { schema: { tags: ['attachments'], params: Type.Object({ id: Type.String({ format: 'uuid' }) }) } }, async (request, reply) => {
    const f = await downloadAttachment(app.ctx, { actor: request.actor, id: request.params.id });
    return reply.type(f.mimeType).header('content-length', f.sizeBytes).send(f.stream);
  });
};
