// One description per endpoint — method, full path, params, query, body, response and docs — that
// both registers the server route (apps/server/src/http/endpoint-route.ts) and types the web
// clients (`call(endpoint, args)` in the console and the portal). A changed response schema
// changes the client's type, so the console's and the portal's type-check catch it.
import type { Static, TSchema } from 'typebox';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface EndpointShape {
  method: HttpMethod;
  /** Full path with `:name` parameters, e.g. '/api/public/track' or '/api/cases/:id'. */
  path: string;
  summary: string;
  /** Longer documentation for the OpenAPI page. */
  description?: string;
  tags: readonly string[];
  /** No login needed (the server skips authentication for it). */
  isPublic?: boolean;
  /** Status of a success: 200 unless it creates something (201) or answers nothing (204). */
  successStatus?: 200 | 201 | 204;
  /**
   * A create that takes an `Idempotency-Key` header: a retry with the same key answers 200 with
   * what the first request created (the handler says which it was).
   */
  isReplayable?: boolean;
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  response: TSchema;
}

/** Keeps the literal types of a description (method, path, schemas). */
export function endpoint<const E extends EndpointShape>(e: E): E {
  return e;
}

/** A value as JSON carries it: every Date an ISO string. */
export type Jsonified<T> = T extends Date ? string : T extends readonly (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

type StaticOf<S> = S extends TSchema ? Static<S> : undefined;

/** What the server's handler returns (Dates allowed where the schema says date-time). */
export type ReplyOf<E extends EndpointShape> = Static<E['response']>;
/** What the client receives. */
export type ResponseOf<E extends EndpointShape> = Jsonified<Static<E['response']>>;
export type BodyOf<E extends EndpointShape> = StaticOf<E['body']>;
export type QueryOf<E extends EndpointShape> = StaticOf<E['querystring']>;
export type ParamsOf<E extends EndpointShape> = StaticOf<E['params']>;

/** The arguments a client passes: only the parts the endpoint has. */
export type CallArgs<E extends EndpointShape> = (E['params'] extends TSchema ? { params: ParamsOf<E> } : { params?: undefined }) &
  (E['querystring'] extends TSchema ? { query?: QueryOf<E> } : { query?: undefined }) &
  (E['body'] extends TSchema ? { body: BodyOf<E> } : { body?: undefined });

/** The URL of a call: parameters substituted (encoded), query appended. */
export function endpointUrl(e: EndpointShape, params?: Record<string, string | number>, query?: Record<string, unknown>): string {
  const path = e.path.replace(/:([A-Za-z_]+)/g, (_m, name: string) => {
    const v = params?.[name];
    if (v === undefined) throw new Error(`${e.method} ${e.path}: no value for :${name}`);
    return encodeURIComponent(String(v));
  });
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v)) for (const item of v) q.append(k, String(item));
    else q.append(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
