// The portal's public API under /api/public/ (no login): categories, photo upload, submit, track,
// rate, and the published rankings. Every route is rate-limited per client IP with the public
// limit; tracking needs the case number with the phone's last 4 digits, or the tracking code.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PUBLIC_ENDPOINTS } from '@jiesu/contracts';
import { Type } from 'typebox';
import { getPublishedRankings } from '../../use-cases/public/get-published-rankings';
import { listPublicServices } from '../../use-cases/public/list-public-services';
import { rateCase } from '../../use-cases/public/rate-case';
import { submitPublicRequest } from '../../use-cases/public/submit-public-request';
import { trackPublicCase } from '../../use-cases/public/track-public-case';
import { PUBLIC_PHOTO_MAX_BYTES, uploadPublicPhoto } from '../../use-cases/public/upload-public-photo';
import { PRINT_SCRIPT } from '../../use-cases/scoring/export-score-sheet';
import { routeEndpoint } from '../endpoint-route';
import { readUpload } from '../input-policy';

const tags = ['public'];
/** The error bodies are the API's usual ones; success bodies are the endpoint descriptions' (PUBLIC_ENDPOINTS). */
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 422: ErrorBody, 429: ErrorBody };
const Uploaded = Type.Object({ id: Type.String(), mimeType: Type.String(), sizeBytes: Type.Integer() });

export const publicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const config = { rateLimit: { max: app.ctx.config.publicRateLimit, timeWindow: '1 minute' } };

  const route = { prefix: '/api/public', errors, config };
  routeEndpoint(app, PUBLIC_ENDPOINTS.services, route, async () => listPublicServices(app.ctx));

  app.post(
    '/uploads',
    {
      config,
      schema: {
        tags,
        security: [],
        summary: `Upload one photo (multipart field \`file\`; JPEG/PNG/WebP/HEIC, at most ${PUBLIC_PHOTO_MAX_BYTES / 1024 / 1024} MB)`,
        consumes: ['multipart/form-data'],
        response: { ...errors, 201: Uploaded },
      },
    },
    async (request, reply) => {
      const a = await uploadPublicPhoto(app.ctx, async () => {
        const upload = await readUpload(request, { fileSize: PUBLIC_PHOTO_MAX_BYTES });
        return { mimeType: upload.mimeType, name: upload.name, stream: upload.file };
      });
      return reply.status(201).send({ id: a.id, mimeType: a.mimeType, sizeBytes: a.sizeBytes });
    },
  );

  // The printable 成绩单's script (its 打印 button): a file from our own origin, as the CSP wants.
  app.get('/print.js', { config, schema: { hide: true } }, async (_request, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PRINT_SCRIPT),
  );

  routeEndpoint(app, PUBLIC_ENDPOINTS.submit, route, async (request) => submitPublicRequest(app.ctx, { submission: request.body }));

  routeEndpoint(app, PUBLIC_ENDPOINTS.track, route, async (request) => trackPublicCase(app.ctx, { proof: request.body }));

  routeEndpoint(app, PUBLIC_ENDPOINTS.rate, route, async (request) => {
    const { satisfaction, comment, ...proof } = request.body;
    const r = await rateCase(app.ctx, { proof, satisfaction, comment: comment ?? null });
    return { satisfaction: r.satisfaction, comment: r.comment, ratedAt: r.ratedAt };
  });

  routeEndpoint(app, PUBLIC_ENDPOINTS.rankings, route, async (request) => getPublishedRankings(app.ctx, request.query.period ? { periodKey: request.query.period } : {}));
};
