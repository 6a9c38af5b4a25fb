import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTH_ENDPOINTS, ErrorBody } from '@jiesu/contracts';
import { authenticate } from '../../use-cases/auth/authenticate';
import { logIn } from '../../use-cases/auth/log-in';
import { logOut } from '../../use-cases/auth/log-out';
import { bearerToken } from '../bearer-token';
import { routeEndpoint } from '../endpoint-route';

// Outside the secured scope: login needs no actor, logout and me authenticate the token themselves.
const errors = { 400: ErrorBody, 401: ErrorBody, 423: ErrorBody, 429: ErrorBody };

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const at = { prefix: '/api/auth', errors };

  routeEndpoint(app, AUTH_ENDPOINTS.login, { ...at, config: { rateLimit: { max: app.ctx.config.loginRateLimit, timeWindow: '1 minute' } } }, async (request) => {
    const r = await logIn(app.ctx, request.body);
    return { ...r, expiresAt: r.expiresAt.toISOString() };
  });

  routeEndpoint(app, AUTH_ENDPOINTS.logout, at, async (request) => {
    const token = bearerToken(request.headers.authorization);
    await authenticate(app.ctx, { token });
    await logOut(app.ctx, { token: token as string });
    return null;
  });

  routeEndpoint(app, AUTH_ENDPOINTS.me, at, async (request) => {
    const actor = await authenticate(app.ctx, { token: bearerToken(request.headers.authorization) });
    return { ...actor, roles: [...actor.roles] };
  });
};
