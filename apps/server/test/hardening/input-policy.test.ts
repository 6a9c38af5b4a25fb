// Every integer or number a request may carry has a bound in its schema: walks every operation of
// the OpenAPI document (path, query and body) and lists each unbounded one. The validator also
// holds an unbounded integer to the PostgreSQL integer range, but the contract should say so.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestEnv, startTestEnv } from '../harness';
import { isType, operationsOf, schemaNodes } from './openapi-walk';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env?.close();
});

it('every integer and number in every request schema has a minimum and a maximum', async () => {
  const ops = await operationsOf(env.app);
  expect(ops.length).toBeGreaterThan(100);
  const unbounded: string[] = [];
  for (const op of ops) {
    const parts = [
      ...op.pathParams.map((p) => ({ schema: p.schema, at: `params.${p.name}` })),
      ...op.query.map((p) => ({ schema: p.schema, at: `querystring.${p.name}` })),
      ...(op.body ? [{ schema: op.body, at: 'body' }] : []),
    ];
    for (const part of parts) {
      for (const { node, path } of schemaNodes(part.schema, part.at)) {
        if (!isType(node, 'integer') && !isType(node, 'number')) continue;
        const hasMin = node.minimum !== undefined || node.exclusiveMinimum !== undefined;
        const hasMax = node.maximum !== undefined || node.exclusiveMaximum !== undefined;
        if (!hasMin || !hasMax) unbounded.push(`${op.method} ${op.path} ${path}`);
      }
    }
  }
  expect(unbounded).toEqual([]);
});

it('refuses NUL, lone surrogates, huge numbers, bad dates, deep JSON and boundary-less multipart with a 400 naming the field', async () => {
  const cases: Array<{ method: 'GET' | 'POST'; url: string; payload?: string; type?: string; field: string }> = [
    { method: 'POST', url: '/api/auth/login', payload: '{"username":"ad\\u0000min","password":"x"}', field: 'body.username' },
    { method: 'POST', url: '/api/auth/login', payload: '{"username":"\\ud800","password":"x"}', field: 'body.username' },
    { method: 'GET', url: '/api/public/communities?q=a%00b', field: 'querystring.q' },
    { method: 'POST', url: '/open311/v2/requests.json', payload: '['.repeat(5000) + ']'.repeat(5000), field: 'body' },
    { method: 'POST', url: '/api/public/uploads', payload: 'x', type: 'multipart/form-data', field: 'headers.content-type' },
  ];
  for (const c of cases) {
    const res = await env.app.inject({ method: c.method, url: c.url, ...(c.payload ? { payload: c.payload, headers: { 'content-type': c.type ?? 'application/json' } } : {}) });
    expect(res.statusCode, c.url).toBe(400);
    const body = res.json<{ error?: { code: string; field?: string } } | Array<{ code: number; description: string }>>();
    if (Array.isArray(body))
      expect(body[0]?.description).toContain(c.field); // Open311's own error shape
    else expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: c.field });
  }
  // The refusal raised before any route (no boundary) is Chinese first, like the other upload refusals.
  const noBoundary = await env.app.inject({ method: 'POST', url: '/api/public/uploads', payload: 'x', headers: { 'content-type': 'multipart/form-data' } });
  expect(noBoundary.json<{ error: { message: string } }>().error.message).toMatch(/^[\u4e00-\u9fff].*boundary.*A multipart body needs a boundary/);
  const admin = await env.as('admin');
  for (const [url, field] of [
    ['/api/notifications?limit=1e400', 'querystring.limit'],
    ['/api/notifications?limit=18446744073709551617', 'querystring.limit'],
  ] as const) {
    const res = await admin.get(url);
    expect(res.statusCode, url).toBe(400);
    expect(res.json().error.field).toBe(field);
  }
});
