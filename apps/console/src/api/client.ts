// A small typed fetch client for the jiesu API: bearer token kept in storage, JSON in and out,
// every failure mapped to an ApiError with the server's code.
import { type CallArgs, type EndpointShape, endpointUrl, type ResponseOf } from '@jiesu/contracts';
import { ApiError, errorFromResponse, toApiError } from './api-error';

export interface TokenStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

const TOKEN_KEY = 'jiesu.console.token';

export type Query = Record<string, string | number | boolean | readonly string[] | null | undefined>;

export function queryString(q: Query | undefined): string {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v)) for (const item of v as readonly string[]) p.append(k, item);
    else p.append(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export class ApiClient {
  /** Called when the server says the session is gone (401 UNAUTHENTICATED). */
  onUnauthenticated: (() => void) | null = null;

  constructor(
    private readonly fetchImpl: FetchLike,
    private readonly store: TokenStore,
    private readonly base = '',
  ) {}

  get token(): string | null {
    return this.store.getItem(TOKEN_KEY);
  }
  setToken(token: string | null): void {
    if (token) this.store.setItem(TOKEN_KEY, token);
    else this.store.removeItem(TOKEN_KEY);
  }

  async request<T>(method: string, path: string, opts: { body?: unknown; query?: Query; headers?: Record<string, string>; form?: FormData } = {}): Promise<T> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    const token = this.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let body: BodyInit | undefined;
    if (opts.form) body = opts.form;
    else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.base}${path}${queryString(opts.query)}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    } catch (e) {
      throw toApiError(e);
    }
    const text = await res.text();
    if (!res.ok) {
      const err = errorFromResponse(res.status, text);
      if (err.code === 'UNAUTHENTICATED' && token) {
        this.setToken(null);
        this.onUnauthenticated?.();
      }
      throw err;
    }
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError('BAD_RESPONSE', res.status, 'The server answered with something that is not JSON.');
    }
  }

  /**
   * A typed call from an endpoint description in @jiesu/contracts: method, URL, body and response
   * type come from it. `headers` carries e.g. the Idempotency-Key of a replayable create.
   */
  call<E extends EndpointShape>(ep: E, args: CallArgs<E>, headers?: Record<string, string>): Promise<ResponseOf<E>> {
    const url = endpointUrl(ep, args.params as Record<string, string> | undefined);
    return this.request<ResponseOf<E>>(ep.method, url, {
      ...(args.body !== undefined ? { body: args.body } : {}),
      ...(args.query ? { query: args.query as Query } : {}),
      ...(headers ? { headers } : {}),
    });
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', path, query ? { query } : {});
  }
  post<T>(path: string, body: unknown = {}, headers?: Record<string, string>): Promise<T> {
    return this.request<T>('POST', path, { body, ...(headers ? { headers } : {}) });
  }
  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, { body });
  }
  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, { body });
  }
  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }
  upload<T>(path: string, file: Blob, fileName: string, query?: Query): Promise<T> {
    const form = new FormData();
    form.append('file', file, fileName);
    return this.request<T>('POST', path, { form, ...(query ? { query } : {}) });
  }
}

const memoryStore = (): TokenStore => {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
};

/** The console's one client (browser fetch + localStorage). */
export const api = new ApiClient((input, init) => fetch(input, init), typeof localStorage === 'undefined' ? memoryStore() : localStorage);
