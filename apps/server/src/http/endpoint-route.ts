// Registers a route from its endpoint description in @jiesu/contracts (packages/contracts/src/
// endpoint.ts): method, path, schemas and docs come from the description, so the server validates
// and serialises exactly what the console's and the portal's clients are typed against. The
// handler returns the response body; its type is checked against the description's response.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { BodyOf, EndpointShape, ParamsOf, QueryOf, ReplyOf } from '@jiesu/contracts';
import type { FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';

type App = Parameters<FastifyPluginAsyncTypebox>[0];

export type EndpointRequest<E extends EndpointShape> = FastifyRequest<{ Params: ParamsOf<E>; Querystring: QueryOf<E>; Body: BodyOf<E> }>;

export interface EndpointRouteOptions {
  /** The plugin's prefix: the description holds the full path. */
  prefix: string;
  /** Error bodies by status, as the area documents them. */
  errors: Record<number, TSchema>;
  /** Route config (e.g. a rate limit). */
  config?: Record<string, unknown>;
}

export function routeEndpoint<E extends EndpointShape>(app: App, e: E, opts: EndpointRouteOptions, handler: (request: EndpointRequest<E>) => Promise<ReplyOf<E>>): void {
  if (!e.path.startsWith(opts.prefix)) throw new Error(`${e.method} ${e.path} is not under ${opts.prefix}`);
  const status = e.successStatus ?? 200;
  app.route({
    method: e.method,
    url: e.path.slice(opts.prefix.length) || '/',
    ...(opts.config ? { config: opts.config } : {}),
    schema: {
      tags: [...e.tags],
      summary: e.summary,
      ...(e.isPublic ? { security: [] } : {}),
      ...(e.params ? { params: e.params } : {}),
      ...(e.querystring ? { querystring: e.querystring } : {}),
      ...(e.body ? { body: e.body } : {}),
      response: { ...opts.errors, [status]: e.response },
    },
    handler: async (request, reply) => reply.status(status).send(await handler(request as unknown as EndpointRequest<E>)),
  });
}
