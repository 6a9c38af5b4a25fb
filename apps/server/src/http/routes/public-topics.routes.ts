// The portal's view of 每月一题 (no login, rate-limited): topics, problems, task progress, policies.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PublicTopicsSchema } from '@jiesu/contracts';
import { Type } from 'typebox';
import { listPublicTopics } from '../../use-cases/topics/public-topics';

export const publicTopicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const config = { rateLimit: { max: app.ctx.config.publicRateLimit, timeWindow: '1 minute' } };
  app.get(
    '/',
    {
      config,
      schema: {
        tags: ['public'],
        security: [],
        summary: '每月一题: each month’s topic, its problems, task progress and policies',
        querystring: Type.Object({ month: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })) }, { additionalProperties: false }),
        response: { 200: PublicTopicsSchema, 400: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) => ({ items: await listPublicTopics(app.ctx, request.query) }),
  );
};
