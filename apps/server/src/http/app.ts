// Builds the Fastify application around an AppContext, without listening: the CLI listens, tests
// use app.inject. Route chain: rate limit → authenticate (under /api) → validate → use case → present.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Actor } from '@jiesu/core';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AppContext } from '../context';
import { authenticate } from '../use-cases/auth/authenticate';
import { bearerToken } from './bearer-token';
import { registerConsole } from './console-static';
import { consoleRoutes } from './routes/console.routes';
import { registerErrorHandling } from './errors';
import { registerInputPolicy } from './input-policy';
import { attachmentRoutes } from './routes/attachments.routes';
import { authRoutes } from './routes/auth.routes';
import { lockoutRoutes } from './routes/lockouts.routes';
import { calendarRoutes } from './routes/calendar.routes';
import { caseRoutes } from './routes/cases.routes';
import { categoryRoutes } from './routes/categories.routes';
import { dutyListRoutes } from './routes/duty-lists.routes';
import { healthRoutes } from './routes/health.routes';
import { intakeRoutes } from './routes/intake.routes';
import { knowledgeRoutes } from './routes/knowledge.routes';
import { open311AdminRoutes } from './routes/open311-admin.routes';
import { open311Routes } from './routes/open311.routes';
import { noticeRoutes } from './routes/notices.routes';
import { proactiveRoutes } from './routes/proactive.routes';
import { publicRoutes } from './routes/public.routes';
import { appealRoutes } from './routes/appeals.routes';
import { notificationRoutes } from './routes/notifications.routes';
import { auditRoutes } from './routes/audit.routes';
import { queueRoutes } from './routes/queues.routes';
import { settingsRoutes } from './routes/settings.routes';
import { scoringRoutes } from './routes/scoring.routes';
import { unitRoutes } from './routes/units.routes';
import { userRoutes } from './routes/users.routes';
import { visitRoutes } from './routes/visits.routes';
import { deliberationPublicRoutes } from './routes/deliberation-public.routes';
import { deliberationRoutes } from './routes/deliberation.routes';
import { hotspotRoutes } from './routes/hotspots.routes';
import { publicTopicRoutes } from './routes/public-topics.routes';
import { topicRoutes } from './routes/topics.routes';
import { workItemRoutes } from './routes/work-items.routes';
import { validatorCompiler } from './validation';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

export interface BuildAppOptions {
  ctx: AppContext;
  logger?: FastifyServerOptions['logger'];
  version?: string;
  /** Folder of the built portal served at /portal/; default apps/portal/dist, null for none. */
  portalDir?: string | null;
  /** Folder of the built web console served at /; default apps/console/dist, null for none. */
  consoleDir?: string | null;
}

/** apps/portal/dist, from this file (apps/server/src/http/app.ts). */
export const PORTAL_DIST = fileURLToPath(new URL('../../../portal/dist', import.meta.url));

/** JSON bodies larger than this are refused (413); uploads have their own per-kind limits. */
export const BODY_LIMIT = 1024 * 1024;

/**
 * Content Security Policy for the console, the portal and the API docs: everything from this
 * origin; inline styles because Ant Design and ECharts write them at run time; images from data:
 * and blob: for previews of photos before and after upload.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'", 'blob:'],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const trusted = opts.ctx.config.trustedProxies;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: BODY_LIMIT,
    // Proxy trust is configuration: by default nobody's X-Forwarded-For is believed.
    trustProxy: trusted.length > 0 ? trusted : false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('ctx', opts.ctx);
  app.decorateRequest('actor', null as unknown as Actor);
  app.setValidatorCompiler(validatorCompiler);
  registerErrorHandling(app);
  registerInputPolicy(app, { bodyLimit: BODY_LIMIT });
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // the portal and console fetch their own origin only; no cross-origin embedding of our files either
    crossOriginResourcePolicy: { policy: 'same-origin' },
    hsts: { maxAge: 180 * 24 * 3600, includeSubDomains: false },
  });

  await app.register(rateLimit, {
    global: true,
    max: opts.ctx.config.apiRateLimit,
    timeWindow: '1 minute',
  });

  // Responses (the console's scripts above all) go out brotli/gzip-compressed when the client asks;
  // registered before the static files so their streams are compressed too.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(multipart, { limits: { files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'jiesu API',
        description: 'The API of jiesu, a 12345 citizen-request hotline platform (接诉即办). Authenticate with POST /api/auth/login and send `Authorization: Bearer <token>`.',
        version: opts.version ?? '0.1.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes);
  // Open311 GeoReport v2 and the portal's API are public (no login), rate-limited per route.
  await app.register(open311Routes, { prefix: '/open311/v2' });
  // The built public portal (apps/portal/dist), when it has been built.
  const portalDir = opts.portalDir === undefined ? PORTAL_DIST : opts.portalDir;
  if (portalDir !== null && existsSync(portalDir)) {
    await app.register(fastifyStatic, { root: portalDir, prefix: '/portal/', redirect: true, decorateReply: false });
  }
  // The built web console (apps/console/dist) at /, with SPA fallback, when it has been built.
  if (opts.consoleDir !== null) await registerConsole(app, opts.consoleDir);
  await app.register(async (api) => {
    await api.register(authRoutes, { prefix: '/api/auth' });
    await api.register(publicRoutes, { prefix: '/api/public' });
    await api.register(deliberationPublicRoutes, { prefix: '/api/public' });
    await api.register(publicTopicRoutes, { prefix: '/api/public/topics' });
    // Everything else under /api needs an actor.
    await api.register(async (secured) => {
      secured.addHook('onRequest', async (request) => {
        request.actor = await authenticate(opts.ctx, { token: bearerToken(request.headers.authorization) });
      });
      await secured.register(unitRoutes, { prefix: '/api/units' });
      await secured.register(userRoutes, { prefix: '/api/users' });
      await secured.register(lockoutRoutes, { prefix: '/api/lockouts' });
      await secured.register(categoryRoutes, { prefix: '/api/categories' });
      await secured.register(calendarRoutes, { prefix: '/api/calendar' });
      await secured.register(caseRoutes, { prefix: '/api/cases' });
      await secured.register(queueRoutes, { prefix: '/api/queues' });
      await secured.register(notificationRoutes, { prefix: '/api/notifications' });
      await secured.register(auditRoutes, { prefix: '/api/audit' });
      await secured.register(settingsRoutes, { prefix: '/api/settings' });
      await secured.register(dutyListRoutes, { prefix: '/api/duty-lists' });
      await secured.register(attachmentRoutes, { prefix: '/api/attachments' });
      await secured.register(intakeRoutes, { prefix: '/api/intake' });
      await secured.register(knowledgeRoutes, { prefix: '/api/knowledge' });
      await secured.register(visitRoutes, { prefix: '/api/visits' });
      await secured.register(appealRoutes, { prefix: '/api/appeals' });
      await secured.register(scoringRoutes, { prefix: '/api/scoring' });
      await secured.register(open311AdminRoutes, { prefix: '/api/open311' });
      await secured.register(deliberationRoutes, { prefix: '/api/deliberation' });
      await secured.register(hotspotRoutes, { prefix: '/api/hotspots' });
      await secured.register(topicRoutes, { prefix: '/api/topics' });
      await secured.register(proactiveRoutes, { prefix: '/api/proactive' });
      await secured.register(noticeRoutes, { prefix: '/api/notices' });
      await secured.register(workItemRoutes, { prefix: '/api/work-items' });
      await secured.register(consoleRoutes, { prefix: '/api' });
    });
  });
  return app;
}
