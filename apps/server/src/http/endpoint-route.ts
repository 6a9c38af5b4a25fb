// Registers a route from its endpoint description in @jiesu/contracts (packages/contracts/src/
// endpoint.ts): method, path, schemas and docs come from the description, so the server validates
// and serialises exactly what the console's and the portal's clients are typed against. The
// handler returns the response body; its type is checked against the description's response.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { BodyOf, EndpointShape, ParamsOf, QueryOf, ReplyOf } from '@jiesu/contracts';
import type { FastifyRequest } from 'fastify';
import { type TSchema, Type } from 'typebox';

type App = Parameters<FastifyPluginAsyncTypebox>[0];

export type EndpointRequest<E extends EndpointShape> = FastifyRequest<{ Params: ParamsOf<E>; Querystring: QueryOf<E>; Body: BodyOf<E> }>;

export interface EndpointRouteOptions {
  /** The plugin's prefix: the description holds the full path. */
  prefix: string;
  /** Error bodies by status, as the area documents them. */
  errors: Record<number, TSchema>;
  /** Route config (e.g. a rate limit). */
  config?: Record<string, unknown>;
  /** Largest request body in bytes, when the server's default is too small (e.g. an uploaded model). */
  bodyLimit?: number;
}

/** What a replayable create's handler returns: the body, and whether this request created it. */
export interface Replayed<T> {
  body: T;
  isNew: boolean;
}

type HandlerResult<E extends EndpointShape> = E['isReplayable'] extends true ? Replayed<ReplyOf<E>> : ReplyOf<E>;

const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) });

/** The request's Idempotency-Key (validated by the route's header schema), or null. */
export function idempotencyKeyOf(request: { headers: Record<string, unknown> }): string | null {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' ? key : null;
}

export function routeEndpoint<E extends EndpointShape>(app: App, e: E, opts: EndpointRouteOptions, handler: (request: EndpointRequest<E>) => Promise<HandlerResult<E>>): void {
  if (!e.path.startsWith(opts.prefix)) throw new Error(`${e.method} ${e.path} is not under ${opts.prefix}`);
  const status = e.successStatus ?? 200;
  app.route({
    method: e.method,
    url: e.path.slice(opts.prefix.length) || '/',
    ...(opts.config ? { config: opts.config } : {}),
    ...(opts.bodyLimit !== undefined ? { bodyLimit: opts.bodyLimit } : {}),
    schema: {
      tags: [...e.tags],
      summary: e.summary,
      ...(e.description !== undefined ? { description: e.description } : {}),
      ...(e.isPublic ? { security: [] } : {}),
      ...(e.isReplayable ? { headers: IdempotencyHeaders } : {}),
      ...(e.params ? { params: e.params } : {}),
      ...(e.querystring ? { querystring: e.querystring } : {}),
      ...(e.body ? { body: e.body } : {}),
      response: { ...opts.errors, [status]: e.response, ...(e.isReplayable ? { 200: e.response } : {}) },
    },
    handler: async (request, reply) => {
      const result = await handler(request as unknown as EndpointRequest<E>);
      if (e.isReplayable) {
        const { body, isNew } = result as Replayed<ReplyOf<E>>;
        return reply.status(isNew ? status : 200).send(body);
      }
      return reply.status(status).send(status === 204 ? null : result);
    },
  });
}
