import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, LoginBody, LoginResponse, MeResponse } from '@jiesu/contracts';
import { Type } from 'typebox';
import { authenticate } from '../../use-cases/auth/authenticate';
import { logIn } from '../../use-cases/auth/log-in';
import { logOut } from '../../use-cases/auth/log-out';
import { bearerToken } from '../bearer-token';

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/login',
    {
      config: { rateLimit: { max: app.ctx.config.loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], security: [], body: LoginBody, response: { 200: LoginResponse, 400: ErrorBody, 401: ErrorBody, 423: ErrorBody, 429: ErrorBody } },
    },
    async (request) => {
      const r = await logIn(app.ctx, request.body);
      return { ...r, expiresAt: r.expiresAt.toISOString() };
    },
  );

  app.post('/logout', { schema: { tags: ['auth'], response: { 204: Type.Null() } } }, async (request, reply) => {
    const token = bearerToken(request.headers.authorization);
    await authenticate(app.ctx, { token });
    await logOut(app.ctx, { token: token as string });
    return reply.status(204).send(null);
  });

  app.get('/me', { schema: { tags: ['auth'], response: { 200: MeResponse, 401: ErrorBody } } }, async (request) => {
    const actor = await authenticate(app.ctx, { token: bearerToken(request.headers.authorization) });
    return { ...actor, roles: [...actor.roles] };
  });
};
