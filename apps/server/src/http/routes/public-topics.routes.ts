// The portal's view of 每月一题 (no login, rate-limited): topics, problems, task progress, policies.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PUBLIC_GOVERNANCE_ENDPOINTS } from '@jiesu/contracts';
import { listPublicTopics } from '../../use-cases/topics/public-topics';
import { routeEndpoint } from '../endpoint-route';

export const publicTopicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const config = { rateLimit: { max: app.ctx.config.publicRateLimit, timeWindow: '1 minute' } };
  routeEndpoint(app, PUBLIC_GOVERNANCE_ENDPOINTS.topics, { prefix: '/api/public/topics', errors: { 400: ErrorBody, 429: ErrorBody }, config }, async (request) => ({
    items: await listPublicTopics(app.ctx, request.query),
  }));
};
