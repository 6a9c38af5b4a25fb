// Property-based fuzzing (fast-check) of every operation of the OpenAPI document, as an
// administrator, a low-privilege community handler and anonymously: path, query and body built
// from each operation's own schema with bad values mixed in (NUL, lone surrogates, huge and
// non-finite numbers, out-of-range dates, upper-case UUIDs, wrong types, extra fields), plus
// malformed bodies (invalid JSON, JSON nested thousands deep, multipart without a boundary, a
// NUL in an uploaded file name). The property: no answer is a 5xx. Prints the request count and
// the status histogram. Runs on PGlite, and on PostgreSQL through scripts/with-postgres.sh.
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { intakeBody } from '../case-helpers';
import { type TestEnv, startTestEnv } from '../harness';
import { isType, type JsonSchema, type Operation, operationsOf } from './openapi-walk';

/** Runs per operation per actor; sized so one database takes well under a minute. */
const RUNS = Number(process.env.JIESU_FUZZ_RUNS ?? 6);
const SEED = Number(process.env.JIESU_FUZZ_SEED ?? 20261201);

let env: TestEnv;
const tokens: Record<string, string | null> = {};
/** Ids of real rows, so generated paths sometimes reach the code behind a lookup. */
const real: { caseId: string; caseNumber: string } = { caseId: '', caseNumber: '' };

beforeAll(async () => {
  env = await startTestEnv({ config: { publicRateLimit: 1_000_000, apiRateLimit: 10_000_000, loginRateLimit: 1_000_000 } });
  for (const u of ['admin', 'huajiadi.handler']) tokens[u] = (await env.as(u)).token;
  tokens.anonymous = null;
  const taken = await (await env.as('operator')).post('/api/cases', intakeBody());
  expect(taken.statusCode).toBe(201);
  {
    real.caseId = taken.json<{ id: string }>().id;
    real.caseNumber = taken.json<{ caseNumber: string }>().caseNumber;
  }
}, 120_000);
afterAll(async () => {
  await env?.close();
});

const BAD_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00y',
  '',
  ' ',
  'x'.repeat(20_000),
  '1e400',
  '-1',
  '99999999999999999999999999',
  'NaN',
  'Infinity',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-02-30',
  '2026-13-01T00:00:00+08:00',
  'A1B2C3D4-0000-4000-8000-0000000000AF',
  '../../etc/passwd',
  '%',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '望京街道 花家地',
  '110105026',
  '20261201-000001',
];
const BAD_NUMBERS = [1e308, -1e308, 2 ** 63, 2 ** 64 + 1, -(2 ** 63), 0.5, -1, 0, Number.MAX_SAFE_INTEGER + 2, 2147483648];
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...BAD_STRINGS),
  fc.constantFrom<unknown>(...BAD_NUMBERS),
  fc.constantFrom<unknown>(null, true, [], {}, [[[[]]]], { $ne: null }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer(),
);

function goodString(s: JsonSchema): fc.Arbitrary<unknown> {
  switch (s.format) {
    case 'uuid':
      return fc.oneof(fc.uuid(), fc.constant(real.caseId || '00000000-0000-4000-8000-000000000000'));
    case 'date-time':
      return fc.date({ min: new Date('1800-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date':
      return fc.date({ min: new Date('1800-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    default:
      return fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(
          '110105026',
          '110105026034',
          real.caseNumber || '20261201-000001',
          'photo',
          '2026-11',
          '2026-11-19',
          'requests.json',
          'services.json',
          'servicerequestupdates.json',
          'discovery.json',
        ),
      );
  }
}

/** Values for one schema: mostly of its type (so deeper code runs), a third of them bad. */
function arbFor(s: JsonSchema | undefined, depth = 0, onlyGood = false): fc.Arbitrary<unknown> {
  if (!s || depth > 4) return onlyGood ? fc.constant(undefined) : badValue;
  let good: fc.Arbitrary<unknown>;
  const alternatives = s.anyOf ?? s.oneOf;
  if (s.enum) good = fc.constantFrom(...s.enum);
  else if (s.const !== undefined) good = fc.constant(s.const);
  else if (alternatives) good = fc.oneof(...alternatives.map((a) => arbFor(a, depth + 1, onlyGood)));
  else if (s.allOf) good = arbFor(Object.assign({}, ...s.allOf) as JsonSchema, depth + 1, onlyGood);
  else if (isType(s, 'object') || s.properties) {
    const props = s.properties ?? {};
    const keys = Object.keys(props);
    const record = fc.record(Object.fromEntries(keys.map((k) => [k, arbFor(props[k], depth + 1, onlyGood)])), { requiredKeys: (s.required ?? []).filter((k) => keys.includes(k)) });
    good = onlyGood ? record : fc.oneof({ weight: 4, arbitrary: record }, { weight: 1, arbitrary: record.map((r) => ({ ...r, unexpected: '\u0000' })) });
  } else if (isType(s, 'array')) good = fc.array(arbFor(Array.isArray(s.items) ? s.items[0] : s.items, depth + 1, onlyGood), { maxLength: 3 });
  else if (isType(s, 'integer')) good = onlyGood ? fc.integer({ min: 1, max: 5 }) : fc.oneof(fc.integer({ min: -3, max: 30 }), fc.constantFrom(...BAD_NUMBERS));
  else if (isType(s, 'number'))
    good = onlyGood ? fc.double({ min: 0, max: 1, noNaN: true }) : fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...BAD_NUMBERS));
  else if (isType(s, 'boolean')) good = fc.boolean();
  else if (isType(s, 'string')) good = goodString(s);
  else good = onlyGood ? fc.constant('x') : badValue;
  if (onlyGood) return good;
  return fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: badValue });
}

function text(v: unknown): string {
  if (typeof v === 'string') return v;
  return JSON.stringify(v) ?? '';
}

/** Percent-encodes text; a lone surrogate (which has no UTF-8) is sent as the bytes a careless client would send. */
function enc(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += ch.length === 1 && c >= 0xd800 && c <= 0xdfff ? '%ED%A0%80' : encodeURIComponent(ch);
  }
  return out;
}

function pathOf(op: Operation, params: Record<string, unknown>): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => enc(text(params[name])) || 'x');
}

function queryOf(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    for (const x of Array.isArray(v) ? v : [v]) parts.push(`${enc(k)}=${enc(text(x))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

const histogram = new Map<number, number>();
const failures: string[] = [];
let requests = 0;

async function send(actor: string, o: InjectOptions, what: string): Promise<LightMyRequestResponse> {
  const token = tokens[actor];
  const res = await env.app.inject({ ...o, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(o.headers ?? {}) } });
  requests++;
  histogram.set(res.statusCode, (histogram.get(res.statusCode) ?? 0) + 1);
  if (res.statusCode >= 500) failures.push(`${actor} ${what} → ${res.statusCode} ${res.body.slice(0, 200)}`);
  return res;
}

/** One bad value at a time: as text (path, query) and as it would sit in a JSON body. */
const TARGETED: Array<{ text: string; json: unknown }> = [
  { text: 'a\u0000b', json: 'a\u0000b' },
  { text: 'x\uD800', json: '\uDC00x' },
  { text: '1e400', json: 1e300 },
  { text: '18446744073709551617', json: 2 ** 64 + 1 },
  { text: '0000-01-01T00:00:00Z', json: '0000-01-01' },
  { text: 'ABCDEF01-2345-4678-89AB-CDEF01234567', json: 'ABCDEF01-2345-4678-89AB-CDEF01234567' },
];

async function sendSample(actor: string, op: Operation, input: { params: Record<string, unknown>; query: Record<string, unknown>; body: unknown }): Promise<void> {
  const url = pathOf(op, input.params) + queryOf(input.query);
  const hasBody = input.body !== undefined && op.method !== 'GET' && op.method !== 'DELETE';
  await send(
    actor,
    { method: op.method as InjectOptions['method'], url, ...(hasBody ? { payload: JSON.stringify(input.body), headers: { 'content-type': 'application/json' } } : {}) },
    `${op.method} ${url.slice(0, 160)}`,
  );
}

/** Operations the fuzzer leaves alone: logging the fuzzing session out would only test 401s. */
const SKIP = new Set(['POST /api/auth/logout']);

it('answers no generated bad input on any operation with a 5xx', async () => {
  const ops = (await operationsOf(env.app)).filter((op) => !SKIP.has(`${op.method} ${op.path}`));
  expect(ops.length).toBeGreaterThan(100);
  const startedAt = Date.now();
  for (const op of ops) {
    const input = fc.record({
      params: fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, arbFor(p.schema)]))),
      query: fc.record(Object.fromEntries(op.query.map((p) => [p.name, arbFor(p.schema)])), { requiredKeys: [] }),
      body: op.body ? arbFor(op.body) : fc.constant(undefined),
      actor: fc.constantFrom('admin', 'huajiadi.handler', 'anonymous'),
      idempotencyKey: fc.option(fc.constantFrom('k-1', 'k-1', 'x'.repeat(300)), { nil: undefined }),
    });
    await fc
      .assert(
        fc.asyncProperty(input, async ({ params, query, body, actor, idempotencyKey }) => {
          const url = pathOf(op, params) + queryOf(query);
          const hasBody = body !== undefined && op.method !== 'GET' && op.method !== 'DELETE';
          const isMultipart = op.bodyType === 'multipart/form-data';
          const res = await send(
            actor,
            {
              method: op.method as InjectOptions['method'],
              url,
              ...(hasBody && !isMultipart
                ? { payload: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) } }
                : {}),
            },
            `${op.method} ${url.slice(0, 160)}`,
          );
          return res.statusCode < 500;
        }),
        { numRuns: RUNS * 3, seed: SEED, endOnFailure: true },
      )
      .catch(() => undefined); // failures are collected (all of them) and asserted below
    // one bad value at a time in an otherwise well-formed request: every path, query and top-level body field
    const [sample] = fc.sample(
      fc.record({
        params: fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, arbFor(p.schema, 0, true)]))),
        query: fc.record(Object.fromEntries(op.query.map((p) => [p.name, arbFor(p.schema, 0, true)]))),
        body: op.body ? arbFor(op.body, 0, true) : fc.constant(undefined),
      }),
      { numRuns: 1, seed: SEED },
    );
    if (sample && op.bodyType !== 'multipart/form-data') {
      const actor = op.isPublic ? 'anonymous' : 'admin';
      const bodyObject = sample.body !== null && typeof sample.body === 'object' && !Array.isArray(sample.body) ? (sample.body as Record<string, unknown>) : null;
      const bodyFields = bodyObject ? Object.keys(op.body?.properties ?? {}) : [];
      for (const bad of TARGETED) {
        for (const name of op.pathParams.map((p) => p.name)) await sendSample(actor, op, { ...sample, params: { ...sample.params, [name]: bad.text } });
        for (const name of op.query.map((p) => p.name)) await sendSample(actor, op, { ...sample, query: { ...sample.query, [name]: bad.text } });
        for (const name of bodyFields) await sendSample(actor, op, { ...sample, body: { ...bodyObject, [name]: bad.json } });
      }
    }
    // malformed bodies, the same for every operation that takes one
    if (op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH') {
      const url = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => (name === 'file' ? 'requests.json' : real.caseId || 'x'));
      const deep = '['.repeat(5000) + ']'.repeat(5000);
      const malformed: Array<[string, InjectOptions]> = [
        ['invalid JSON', { method: op.method, url, payload: '{"a":', headers: { 'content-type': 'application/json' } }],
        ['deep JSON', { method: op.method, url, payload: deep, headers: { 'content-type': 'application/json' } }],
        ['deep object JSON', { method: op.method, url, payload: '{"a":'.repeat(3000) + '1' + '}'.repeat(3000), headers: { 'content-type': 'application/json' } }],
        ['NUL in JSON', { method: op.method, url, payload: '{"username":"a\\u0000","password":"\\ud800"}', headers: { 'content-type': 'application/json' } }],
        ['multipart without boundary', { method: op.method, url, payload: 'x', headers: { 'content-type': 'multipart/form-data' } }],
        [
          'multipart with NUL file name',
          {
            method: op.method,
            url,
            payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff\r\n--b--\r\n',
            headers: { 'content-type': 'multipart/form-data; boundary=b' },
          },
        ],
        [
          'truncated multipart',
          {
            method: op.method,
            url,
            payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n',
            headers: { 'content-type': 'multipart/form-data; boundary=b' },
          },
        ],
        ['text/plain', { method: op.method, url, payload: 'hello', headers: { 'content-type': 'text/plain' } }],
      ];
      for (const actor of ['admin', 'anonymous']) for (const [what, o] of malformed) await send(actor, o, `${op.method} ${op.path} ${what}`);
    }
  }
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const statuses = [...histogram.entries()].sort((a, b) => a[0] - b[0]);
  console.log(`fuzz (${env.kind}): ${ops.length} operations, ${requests} requests in ${seconds} s; statuses ${statuses.map(([s, n]) => `${s}×${n}`).join(' ')}`);
  expect(failures).toEqual([]);
}, 300_000);
