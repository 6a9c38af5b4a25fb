import { describe, expect, it, vi } from 'vitest';
import { messageForError, needsReload } from '../i18n/error-messages';
import { ApiError, errorFromResponse, toApiError } from './api-error';
import { ApiClient, queryString, type TokenStore } from './client';

function store(initial: Record<string, string> = {}): TokenStore {
  const m = new Map(Object.entries(initial));
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}

const respond = (status: number, body: string) => vi.fn(async () => new Response(body, { status }));

describe('errorFromResponse', () => {
  it('reads the code, message and field of the API error body', () => {
    const e = errorFromResponse(400, JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'body.subject must be string', field: 'body.subject' } }));
    expect(e).toBeInstanceOf(ApiError);
    expect([e.code, e.status, e.field, e.serverMessage]).toEqual(['VALIDATION_FAILED', 400, 'body.subject', 'body.subject must be string']);
  });

  it('keeps details (VERSION_CONFLICT carries the versions)', () => {
    const e = errorFromResponse(409, JSON.stringify({ error: { code: 'VERSION_CONFLICT', message: 'changed', details: { expectedVersion: 1, currentVersion: 3 } } }));
    expect(e.details).toEqual({ expectedVersion: 1, currentVersion: 3 });
  });

  it('maps a body that is not the API shape by status, never exposing it as the code', () => {
    expect(errorFromResponse(502, '<html>Bad gateway</html>').code).toBe('INTERNAL');
    expect(errorFromResponse(429, 'slow down').code).toBe('RATE_LIMITED');
    expect(errorFromResponse(404, '').code).toBe('NOT_FOUND');
    expect(errorFromResponse(418, '{"weird":true}').code).toBe('BAD_RESPONSE');
  });

  it('turns a thrown fetch into NETWORK', () => {
    expect(toApiError(new TypeError('Failed to fetch')).code).toBe('NETWORK');
  });
});

describe('ApiClient', () => {
  it('sends the bearer token and JSON, and returns the parsed body', async () => {
    const f = respond(200, '{"ok":1}');
    const c = new ApiClient(f, store({ 'jiesu.console.token': 'tok' }));
    await expect(c.post<{ ok: number }>('/api/x', { a: 1 }, { 'idempotency-key': 'k1234567' })).resolves.toEqual({ ok: 1 });
    const [url, init] = f.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/x');
    expect(init.headers).toMatchObject({ authorization: 'Bearer tok', 'content-type': 'application/json', 'idempotency-key': 'k1234567' });
    expect(init.body).toBe('{"a":1}');
  });

  it('throws ApiError with the code on a failure', async () => {
    const c = new ApiClient(respond(403, JSON.stringify({ error: { code: 'OUT_OF_SCOPE', message: 'no' } })), store());
    await expect(c.get('/api/units/110101')).rejects.toMatchObject({ code: 'OUT_OF_SCOPE', status: 403 });
  });

  it('forgets the token and tells the app when the session is gone', async () => {
    const s = store({ 'jiesu.console.token': 'old' });
    const c = new ApiClient(respond(401, JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'expired' } })), s);
    const onUnauth = vi.fn();
    c.onUnauthenticated = onUnauth;
    await expect(c.get('/api/auth/me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(s.getItem('jiesu.console.token')).toBeNull();
    expect(onUnauth).toHaveBeenCalledOnce();
  });

  it('maps a network failure to NETWORK', async () => {
    const c = new ApiClient(
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
      store(),
    );
    await expect(c.get('/api/cases')).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });

  it('builds query strings, repeating arrays and dropping empties', () => {
    expect(queryString({ status: ['closed', 'visited'], q: '', limit: 50, overdue: undefined })).toBe('?status=closed&status=visited&limit=50');
    expect(queryString({})).toBe('');
  });
});

describe('messageForError', () => {
  it('says what went wrong in either language, from the code', () => {
    expect(messageForError({ code: 'VERSION_CONFLICT', status: 409 }, 'zh')).toContain('刷新');
    expect(messageForError({ code: 'VERSION_CONFLICT', status: 409 }, 'en')).toMatch(/reload/i);
    expect(messageForError({ code: 'NOT_IN_DUTY_LIST', status: 422 }, 'zh')).toContain('职责清单');
  });

  it('falls back by status for a code it does not know, never showing the raw body', () => {
    expect(messageForError({ code: 'SOMETHING_NEW', status: 422 }, 'en')).toBe('The request was refused by a business rule.');
    expect(messageForError({ code: 'SOMETHING_NEW', status: 503 }, 'zh')).toContain('服务器');
  });

  it('asks for a reload on a stale case', () => {
    expect(needsReload({ code: 'VERSION_CONFLICT' })).toBe(true);
    expect(needsReload({ code: 'FORBIDDEN' })).toBe(false);
  });
});
