// The portal's public API under /api/public/ (no login): categories, photo upload, submit, track,
// rate, and the published rankings. Every route is rate-limited per client IP with the public
// limit; tracking needs the case number with the phone's last 4 digits, or the tracking code.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PublicRankingsSchema, StringEnum, VISIT_SATISFACTIONS } from '@jiesu/contracts';
import { DomainError } from '@jiesu/core';
import { Type } from 'typebox';
import { getPublishedRankings } from '../../use-cases/public/get-published-rankings';
import { listPublicServices } from '../../use-cases/public/list-public-services';
import { rateCase } from '../../use-cases/public/rate-case';
import { MAX_PUBLIC_PHOTOS, submitPublicRequest } from '../../use-cases/public/submit-public-request';
import { trackPublicCase } from '../../use-cases/public/track-public-case';
import { PUBLIC_PHOTO_MAX_BYTES, uploadPublicPhoto } from '../../use-cases/public/upload-public-photo';

const tags = ['public'];
/** Success bodies are documented in docs/portal.md; the error bodies are the API's usual ones. */
const Ok = Type.Unknown();
const errors = { 200: Ok, 201: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 422: ErrorBody, 429: ErrorBody };

const Proof = {
  caseNumber: Type.Optional(Type.String({ pattern: '^\\d{8}-\\d{6,}$', description: 'e.g. 20261127-000123' })),
  phoneLast4: Type.Optional(Type.String({ maxLength: 4, description: 'last 4 digits of the phone given at submission' })),
  trackingToken: Type.Optional(Type.String({ minLength: 8, maxLength: 64, description: 'the tracking code given at submission' })),
};

const SubmitBody = Type.Object(
  {
    serviceCode: Type.String({ minLength: 1, maxLength: 40 }),
    detail: Type.String({ minLength: 5, maxLength: 2000 }),
    address: Type.String({ minLength: 2, maxLength: 300 }),
    coordinates: Type.Optional(Type.Union([Type.Object({ lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) }, { additionalProperties: false }), Type.Null()])),
    name: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
    isAnonymous: Type.Optional(Type.Boolean()),
    photoIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: MAX_PUBLIC_PHOTOS })),
  },
  { additionalProperties: false },
);

export const publicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const config = { rateLimit: { max: app.ctx.config.publicRateLimit, timeWindow: '1 minute' } };

  app.get('/services', { config, schema: { tags, security: [], summary: 'Categories a resident may choose (the Open311 services)' } }, async () => listPublicServices(app.ctx));

  app.post(
    '/uploads',
    {
      config,
      schema: { tags, security: [], summary: `Upload one photo (multipart field \`file\`; JPEG/PNG/WebP/HEIC, at most ${PUBLIC_PHOTO_MAX_BYTES / 1024 / 1024} MB)`, consumes: ['multipart/form-data'], response: errors },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new DomainError('VALIDATION_FAILED', '请以 multipart/form-data 上传照片。Send the photo as multipart/form-data.', { field: 'body' });
      const file = await request.file({ limits: { fileSize: PUBLIC_PHOTO_MAX_BYTES, files: 1 } });
      if (!file) throw new DomainError('VALIDATION_FAILED', '没有收到照片。No file in the upload.', { field: 'file' });
      const a = await uploadPublicPhoto(app.ctx, { mimeType: file.mimetype, name: file.filename || null, stream: file.file });
      return reply.status(201).send({ id: a.id, mimeType: a.mimeType, sizeBytes: a.sizeBytes });
    },
  );

  app.post('/requests', { config, schema: { tags, security: [], summary: 'Submit a request; the reply has the case number and a tracking code', body: SubmitBody, response: errors } }, async (request, reply) => {
    return reply.status(201).send(await submitPublicRequest(app.ctx, { submission: request.body }));
  });

  app.post(
    '/track',
    { config, schema: { tags, security: [], summary: 'Status and public history of your request', body: Type.Object(Proof, { additionalProperties: false }), response: errors } },
    async (request) => trackPublicCase(app.ctx, { proof: request.body }),
  );

  app.post(
    '/ratings',
    {
      config,
      schema: {
        tags,
        security: [],
        summary: 'Rate the handling once the request is closed (one rating per request)',
        body: Type.Object(
          { ...Proof, satisfaction: StringEnum(VISIT_SATISFACTIONS), comment: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])) },
          { additionalProperties: false },
        ),
        response: errors,
      },
    },
    async (request, reply) => {
      const { satisfaction, comment, ...proof } = request.body;
      const r = await rateCase(app.ctx, { proof, satisfaction, comment: comment ?? null });
      return reply.status(201).send({ satisfaction: r.satisfaction, comment: r.comment, ratedAt: r.ratedAt });
    },
  );

  app.get(
    '/rankings',
    { config, schema: { tags, security: [], summary: 'The published monthly rankings (streets/townships, districts)', querystring: Type.Object({ period: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$' })) }), response: { ...errors, 200: PublicRankingsSchema } } },
    async (request) => getPublishedRankings(app.ctx, request.query.period ? { periodKey: request.query.period } : {}),
  );
};
