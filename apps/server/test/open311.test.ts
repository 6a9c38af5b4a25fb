// Open311 GeoReport v2 through app.inject, in JSON and XML: discovery, services, service
// definitions, POST requests with api_key (and every error the spec lists), tokens, GET requests
// with filters and extensions, servicerequestupdates, keys and curation, rate limiting. Every JSON
// reply is checked against the official schemas in ../shared/open311. Runs on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/http/app';
import { intakeBody } from './case-helpers';
import { type Client, type TestEnv, startTestEnv } from './harness';
import { at, closeCase, form, listAt, parseXml, schemas } from './open311-helpers';

let env: TestEnv;
let admin: Client;
let operator: Client;
let apiKey: string;
let otherKey: string;
const BASE = '/open311/v2';
const SERVICE = 'pothole';
/** Level-3 category "道路破损" or whatever the seeded tree's first level-3 is. */
let categoryCode: string;

const inject = (method: 'GET' | 'POST', url: string, extra: { payload?: string; headers?: Record<string, string> } = {}) => env.app.inject({ method, url, ...extra });

function expectError(res: { statusCode: number; body: string }, status: number, format: 'json' | 'xml') {
  expect(res.statusCode, res.body).toBe(status);
  if (format === 'json') {
    const body = JSON.parse(res.body) as unknown;
    schemas.errors(body);
    expect(at(body, '0.code')).toBe(status);
  } else {
    const doc = parseXml(res.body);
    const errors = listAt(doc, 'errors.error');
    expect(errors.length).toBe(1);
    expect(at(errors[0], 'code')).toBe(String(status));
    expect(String(at(errors[0], 'description'))).not.toBe('');
  }
}

async function post(fields: Record<string, string | string[]>, format: 'json' | 'xml' = 'json') {
  return inject('POST', `${BASE}/requests.${format}`, form(fields));
}

beforeAll(async () => {
  env = await startTestEnv({ config: { publicRateLimit: 100_000 } });
  [admin, operator] = await Promise.all([env.as('admin'), env.as('operator')]);
  const level3 = (await env.rt.ctx.repos.categories.listAll()).filter((c) => c.level === 3);
  categoryCode = (level3.find((c) => c.code.startsWith('0101')) ?? level3[0])?.code as string;
});
afterAll(async () => {
  await env?.close();
});

describe('discovery and services', () => {
  it('answers discovery in JSON and XML', async () => {
    const json = await inject('GET', `${BASE}/discovery.json`);
    expect(json.statusCode).toBe(200);
    expect(json.json().endpoints[0].specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(json.json().endpoints[0].formats).toEqual(['text/xml', 'application/json']);
    const xml = await inject('GET', `${BASE}/discovery.xml`);
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    const doc = parseXml(xml.body);
    expect(listAt(doc, 'discovery.endpoints.endpoint')[0]?.url).toMatch(/\/open311\/v2\/$/);
    expect(listAt(doc, 'discovery.endpoints.endpoint.0.formats.format')).toEqual(['text/xml', 'application/json']);
  });

  it('offers every level-3 category until an administrator curates the list', async () => {
    const json = await inject('GET', `${BASE}/services.json`);
    expect(json.statusCode).toBe(200);
    schemas.services(json.json());
    const all = json.json() as Array<{ service_code: string; group: string; metadata: boolean }>;
    const level3 = (await env.rt.ctx.repos.categories.listAll()).filter((c) => c.level === 3);
    expect(all.length).toBe(level3.length);
    expect(all.every((s) => s.metadata === false && typeof s.group === 'string')).toBe(true);
    const xml = parseXml((await inject('GET', `${BASE}/services.xml`)).body);
    expect(listAt(xml, 'services.service').length).toBe(level3.length);
    expect(at(xml, 'services.service.0.service_code')).toBe(all[0]?.service_code);
  });

  it('lets only an administrator curate services and issue or revoke keys', async () => {
    expect((await operator.post('/api/open311/keys', { clientName: 'x' })).statusCode).toBe(403);
    expect((await inject('POST', '/api/open311/keys', { payload: '{}', headers: { 'content-type': 'application/json' } })).statusCode).toBe(401);
    const issued = await admin.post('/api/open311/keys', { clientName: '随手拍 App', contact: 'dev@example.org' });
    expect(issued.statusCode, issued.body).toBe(201);
    apiKey = issued.json().apiKey;
    expect(apiKey.length).toBeGreaterThan(30);
    otherKey = (await admin.post('/api/open311/keys', { clientName: 'Other client' })).json().apiKey;
    const listed = await admin.get('/api/open311/keys');
    expect(listed.json().map((k: { keyPrefix: string }) => k.keyPrefix)).toContain(apiKey.slice(0, 8));
    expect(listed.body).not.toContain(apiKey);
    const rows = await env.rt.ctx.db.selectFrom('open311_api_keys').select('key_hash').execute();
    expect(rows.every((r) => r.key_hash !== apiKey && r.key_hash.length === 64)).toBe(true);

    const badAttr = await admin.put(`/api/open311/services/${SERVICE}`, { categoryCode, attributes: [{ code: 'x', datatype: 'singlevaluelist' }] });
    expect(badAttr.statusCode).toBe(400);
    expect((await operator.put(`/api/open311/services/${SERVICE}`, { categoryCode })).statusCode).toBe(403);
    const saved = await admin.put(`/api/open311/services/${SERVICE}`, {
      categoryCode,
      serviceName: '道路坑洞',
      keywords: '坑洞,路面,塌陷',
      attributes: [
        {
          code: 'size',
          datatype: 'singlevaluelist',
          required: true,
          order: 1,
          description: '坑洞大小',
          values: [
            { key: 'small', name: '小于一米' },
            { key: 'large', name: '一米以上' },
          ],
        },
        {
          code: 'hazards',
          datatype: 'multivaluelist',
          order: 2,
          description: '危险',
          values: [
            { key: 'water', name: '积水' },
            { key: 'night', name: '夜间无照明' },
          ],
        },
        { code: 'depth_cm', datatype: 'number', order: 3, description: '深度（厘米）' },
        { code: 'seen_at', datatype: 'datetime', order: 4, description: '发现时间' },
        { code: 'landmark', datatype: 'string', order: 5, description: '附近标志物' },
        { code: 'more', datatype: 'text', order: 6, description: '补充说明' },
        { code: 'notice', datatype: 'text', variable: false, order: 7, description: '紧急情况请拨打 110' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await admin.put('/api/open311/services/plain', { categoryCode })).statusCode).toBe(200);
  });

  it('offers only curated services afterwards, with their definitions', async () => {
    const json = await inject('GET', `${BASE}/services.json`);
    schemas.services(json.json());
    expect(
      json
        .json()
        .map((s: { service_code: string }) => s.service_code)
        .sort(),
    ).toEqual(['plain', SERVICE]);
    const pothole = json.json().find((s: { service_code: string }) => s.service_code === SERVICE);
    expect(pothole).toMatchObject({ service_name: '道路坑洞', metadata: true, type: 'realtime', keywords: '坑洞,路面,塌陷' });

    const def = await inject('GET', `${BASE}/services/${SERVICE}.json`);
    expect(def.statusCode).toBe(200);
    schemas.serviceDefinition(def.json());
    expect(def.json().attributes.map((a: { datatype: string }) => a.datatype)).toEqual(['singlevaluelist', 'multivaluelist', 'number', 'datetime', 'string', 'text', 'text']);
    const plainDef = await inject('GET', `${BASE}/services/plain.json`);
    schemas.serviceDefinition(plainDef.json());
    expect(plainDef.json().attributes).toEqual([]);

    const xml = parseXml((await inject('GET', `${BASE}/services/${SERVICE}.xml`)).body);
    expect(at(xml, 'service_definition.service_code')).toBe(SERVICE);
    const attrs = listAt(xml, 'service_definition.attributes.attribute');
    expect(attrs.map((a) => a.code)).toEqual(['size', 'hazards', 'depth_cm', 'seen_at', 'landmark', 'more', 'notice']);
    expect(listAt(attrs[0], 'values.value').map((v) => v.key)).toEqual(['small', 'large']);
    expect(attrs[0]).toMatchObject({ variable: 'true', required: 'true', datatype: 'singlevaluelist', order: '1' });
  });

  it('answers an unknown service code and an unknown jurisdiction with 404 in both formats', async () => {
    expectError(await inject('GET', `${BASE}/services/nope.json`), 404, 'json');
    expectError(await inject('GET', `${BASE}/services/nope.xml`), 404, 'xml');
    expectError(await inject('GET', `${BASE}/services.json?jurisdiction_id=elsewhere.gov`), 404, 'json');
    expectError(await inject('GET', `${BASE}/services.xml?jurisdiction_id=elsewhere.gov`), 404, 'xml');
    const ok = await inject('GET', `${BASE}/services.json?jurisdiction_id=${env.rt.ctx.config.open311JurisdictionId}`);
    expect(ok.statusCode).toBe(200);
  });

  it('answers unknown resources and missing formats with a 404 error list', async () => {
    expectError(await inject('GET', `${BASE}/nothing.json`), 404, 'json');
    expectError(await inject('GET', `${BASE}/services`), 404, 'xml');
    expectError(await inject('GET', `${BASE}/services.csv`), 404, 'xml');
  });
});

const valid = () => ({
  api_key: apiKey,
  jurisdiction_id: env.rt.ctx.config.open311JurisdictionId,
  service_code: SERVICE,
  address_string: '朝阳区望京街道花家地西里三区5号楼门口',
  lat: '39.9912',
  long: '116.4701',
  description: '小区门口路面塌陷出一个大坑，晚上很危险。',
  'attribute[size]': 'large',
  'attribute[hazards][]': ['water', 'night'],
  'attribute[depth_cm]': '30',
  'attribute[seen_at]': '2026-03-02T08:00:00+08:00',
  media_url: 'https://img.example.org/pothole.jpg',
  first_name: '三',
  last_name: '张',
  phone: '13812345678',
  email: 'zhang@example.org',
});

const created: { json?: { id: string; token: string }; xml?: { id: string; token: string } } = {};

describe('POST requests', () => {
  it('refuses every spec error, in both formats, and creates nothing', async () => {
    const before = (await env.rt.ctx.db.selectFrom('cases').select('id').execute()).length;
    const without = (k: string) => Object.fromEntries(Object.entries(valid()).filter(([key]) => key !== k));
    for (const format of ['json', 'xml'] as const) {
      expectError(await post(without('api_key'), format), 400, format);
      expectError(await post({ ...valid(), api_key: 'not-a-key' }, format), 403, format);
      expectError(await post(without('service_code'), format), 400, format);
      expectError(await post({ ...valid(), service_code: 'unknown' }, format), 400, format);
      expectError(await post({ ...valid(), jurisdiction_id: 'elsewhere' }, format), 404, format);
      const noPlace = Object.fromEntries(Object.entries(valid()).filter(([k]) => !['lat', 'long', 'address_string'].includes(k)));
      expectError(await post(noPlace, format), 400, format);
      expectError(await post(without('long'), format), 400, format);
      expectError(await post({ ...valid(), lat: '123' }, format), 400, format);
      expectError(await post(without('attribute[size]'), format), 400, format);
      expectError(await post({ ...valid(), 'attribute[size]': 'huge' }, format), 400, format);
      expectError(await post({ ...valid(), 'attribute[hazards][]': ['fire'] }, format), 400, format);
      expectError(await post({ ...valid(), 'attribute[depth_cm]': 'deep' }, format), 400, format);
      expectError(await post({ ...valid(), 'attribute[seen_at]': 'yesterday' }, format), 400, format);
      expectError(await post({ ...valid(), 'attribute[notice]': 'x' }, format), 400, format);
      expectError(await post({ ...valid(), 'attribute[colour]': 'red' }, format), 400, format);
      expectError(await post({ ...valid(), media_url: 'ftp://x/y.jpg' }, format), 400, format);
      expectError(await post({ ...valid(), description: 'x'.repeat(4001) }, format), 400, format);
    }
    expect((await env.rt.ctx.db.selectFrom('cases').select('id').execute()).length).toBe(before);
  });

  it('takes a request in through the same intake as every channel and replies with its id and token (JSON)', async () => {
    const res = await post(valid(), 'json');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    schemas.postReply(body);
    const r = body[0];
    expect(r.service_request_id).toMatch(/^\d{8}-\d{6}$/);
    expect(r.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.service_notice).toBeTruthy();
    expect(r.status).toBe('open');
    expect(r.requested_datetime).toMatch(/\+08:00$/);
    expect(r).toMatchObject({ service_code: SERVICE, service_name: '道路坑洞', lat: 39.9912, long: 116.4701, media_url: 'https://img.example.org/pothole.jpg' });
    created.json = { id: r.service_request_id, token: r.token };

    const id = await env.rt.ctx.repos.cases.findIdByNumber(r.service_request_id);
    const stored = await env.rt.ctx.repos.cases.load(id as string);
    const state = stored?.state;
    expect(state?.channel).toBe('open311');
    expect(state?.status).toBe('received');
    expect(state?.categoryCode).toBe(categoryCode);
    expect(state?.receivedBy.username).toBe(`open311:${apiKey.slice(0, 8)}`);
    expect(state?.requester).toMatchObject({ name: '张三', phone: '13812345678' });
    expect(state?.detail).toContain('一米以上');
    // The location resolver placed it: 朝阳区 › 望京街道.
    expect(state?.location.districtCode).toBe('110105');
    expect(state?.location.streetCode).toBe('110105026');
    const history = state ? await env.rt.ctx.repos.cases.history(state) : [];
    expect(history.map((h) => h.action)).toEqual(['intake']);
    // Staff see it like any other case.
    const viaApi = await operator.get(`/api/cases/${id}`);
    expect(viaApi.statusCode).toBe(200);
    expect(viaApi.json().channel).toBe('open311');
  });

  it('replies in XML with the spec element names', async () => {
    const res = await post({ ...valid(), service_code: 'plain', 'attribute[size]': [], 'attribute[hazards][]': [], 'attribute[depth_cm]': [], 'attribute[seen_at]': [] }, 'xml');
    expect(res.statusCode, res.body).toBe(200);
    const doc = parseXml(res.body);
    const reqs = listAt(doc, 'service_requests.request');
    expect(reqs.length).toBe(1);
    expect(reqs[0]?.service_request_id).toMatch(/^\d{8}-\d{6}$/);
    expect(reqs[0]?.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(reqs[0]?.status).toBe('open');
    created.xml = { id: String(reqs[0]?.service_request_id), token: String(reqs[0]?.token) };
  });

  it('accepts lat/long alone and the parameters in the query string', async () => {
    const q = new URLSearchParams({ api_key: apiKey, service_code: 'plain', lat: '39.9', long: '116.4' });
    const res = await inject('POST', `${BASE}/requests.json?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    schemas.postReply(res.json());
    expect(res.json()[0].address).toContain('39.9');
  });
});

describe('tokens', () => {
  it('resolves a token to its service_request_id in JSON and XML', async () => {
    const json = await inject('GET', `${BASE}/tokens/${created.json?.token}.json`);
    expect(json.statusCode).toBe(200);
    schemas.token(json.json());
    expect(json.json()).toEqual([{ token: created.json?.token, service_request_id: created.json?.id }]);
    const xml = parseXml((await inject('GET', `${BASE}/tokens/${created.xml?.token}.xml`)).body);
    expect(at(xml, 'service_requests.request.0.service_request_id')).toBe(created.xml?.id);
    expect(at(xml, 'service_requests.request.0.token')).toBe(created.xml?.token);
  });

  it('answers an unknown token with 404', async () => {
    expectError(await inject('GET', `${BASE}/tokens/00000000-0000-0000-0000-000000000000.json`), 404, 'json');
    expectError(await inject('GET', `${BASE}/tokens/garbage.xml`), 404, 'xml');
  });
});

describe('GET requests', () => {
  it('lists Open311 requests of the last 90 days, newest first, in JSON and XML', async () => {
    // A phone case is not on the public feed.
    const phone = await operator.post('/api/cases', intakeBody());
    expect(phone.statusCode).toBe(201);
    const json = await inject('GET', `${BASE}/requests.json`);
    expect(json.statusCode).toBe(200);
    schemas.requests(json.json());
    const ids = json.json().map((r: { service_request_id: string }) => r.service_request_id);
    expect(ids).toContain(created.json?.id);
    expect(ids).toContain(created.xml?.id);
    expect(ids).not.toContain(phone.json().caseNumber);
    expect(json.body).not.toContain('13812345678');
    expect(json.body).not.toContain('张三');
    const xml = parseXml((await inject('GET', `${BASE}/requests.xml`)).body);
    expect(listAt(xml, 'service_requests.request').map((r) => r.service_request_id)).toEqual(ids);
    expect(at(xml, 'service_requests.request.0.requested_datetime')).toMatch(/\+08:00$/);
  });

  it('filters by service_request_id, service_code, status and dates, and pages', async () => {
    const byIds = await inject('GET', `${BASE}/requests.json?service_request_id=${created.json?.id},${created.xml?.id}`);
    schemas.requests(byIds.json());
    expect(byIds.json().length).toBe(2);
    const byCode = await inject('GET', `${BASE}/requests.json?service_code=${SERVICE}`);
    expect(byCode.json().map((r: { service_request_id: string }) => r.service_request_id)).toEqual([created.json?.id]);
    const open = await inject('GET', `${BASE}/requests.json?status=open`);
    expect(open.json().length).toBe(3);
    const closed = await inject('GET', `${BASE}/requests.xml?status=closed`);
    expect(listAt(parseXml(closed.body), 'service_requests.request')).toEqual([]);
    const future = await inject('GET', `${BASE}/requests.json?start_date=2099-01-01T00:00:00Z&end_date=2099-02-01T00:00:00Z`);
    expect(future.json()).toEqual([]);
    const today = new Date(env.rt.ctx.now().getTime() - 3_600_000).toISOString();
    expect((await inject('GET', `${BASE}/requests.json?start_date=${today}`)).json().length).toBe(3);
    const page1 = await inject('GET', `${BASE}/requests.json?page_size=2&page=1`);
    const page2 = await inject('GET', `${BASE}/requests.json?page_size=2&page=2`);
    expect(page1.json().length).toBe(2);
    expect(page2.json().length).toBe(1);
  });

  it('refuses bad filters with 400 in both formats', async () => {
    for (const format of ['json', 'xml'] as const) {
      expectError(await inject('GET', `${BASE}/requests.${format}?status=pending`), 400, format);
      expectError(await inject('GET', `${BASE}/requests.${format}?start_date=last-week`), 400, format);
      expectError(await inject('GET', `${BASE}/requests.${format}?start_date=2026-03-10&end_date=2026-03-01`), 400, format);
      expectError(await inject('GET', `${BASE}/requests.${format}?start_date=2025-01-01&end_date=2026-01-01`), 400, format);
      expectError(await inject('GET', `${BASE}/requests.${format}?page_size=5000`), 400, format);
      expectError(await inject('GET', `${BASE}/requests.${format}?page=0`), 400, format);
      expectError(await inject('GET', `${BASE}/requests.${format}?jurisdiction_id=elsewhere`), 404, format);
    }
  });

  it('returns one request by id, with extensions on request, and 404 for others', async () => {
    const plain = await inject('GET', `${BASE}/requests/${created.json?.id}.json`);
    expect(plain.statusCode).toBe(200);
    schemas.requests(plain.json());
    expect(plain.json()[0].extended_attributes).toBeUndefined();
    const ext = await inject('GET', `${BASE}/requests/${created.json?.id}.json?extensions=true`);
    schemas.requests(ext.json());
    expect(ext.json()[0].extended_attributes).toMatchObject({ jiesu_status: 'received', jiesu_status_label: '已受理', case_number: created.json?.id });
    expect(ext.json()[0].notes.map((n: { type: string }) => n.type)).toEqual(['intake']);
    const xml = parseXml((await inject('GET', `${BASE}/requests/${created.json?.id}.xml?extensions=true`)).body);
    expect(at(xml, 'service_requests.request.0.extended_attributes.jiesu_status')).toBe('received');
    expect(listAt(xml, 'service_requests.request.0.notes.note')[0]?.type).toBe('intake');
    expectError(await inject('GET', `${BASE}/requests/20200101-000001.json`), 404, 'json');
    expectError(await inject('GET', `${BASE}/requests/20200101-000001.xml`), 404, 'xml');
  });
});

describe('servicerequestupdates and the status once closed', () => {
  it('appends a requester comment as a public note; another client may not', async () => {
    const id = created.json?.id as string;
    const other = await inject('POST', `${BASE}/servicerequestupdates.json`, form({ api_key: otherKey, service_request_id: id, description: '我也看到了' }));
    expectError(other, 403, 'json');
    expectError(await inject('POST', `${BASE}/servicerequestupdates.xml`, form({ api_key: apiKey, service_request_id: id })), 400, 'xml');
    expectError(await inject('POST', `${BASE}/servicerequestupdates.json`, form({ service_request_id: id, description: 'x' })), 400, 'json');
    expectError(await inject('POST', `${BASE}/servicerequestupdates.json`, form({ api_key: apiKey, service_request_id: '20200101-000001', description: 'x' })), 404, 'json');
    const res = await inject('POST', `${BASE}/servicerequestupdates.json`, form({ api_key: apiKey, service_request_id: id, description: '坑里已经积水了' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()[0]).toMatchObject({ service_request_id: id, status: 'open', description: '诉求人补充：坑里已经积水了' });
    const caseId = (await env.rt.ctx.repos.cases.findIdByNumber(id)) as string;
    const loaded = await env.rt.ctx.repos.cases.load(caseId);
    const history = loaded ? await env.rt.ctx.repos.cases.history(loaded.state) : [];
    expect(history.at(-1)).toMatchObject({ action: 'note', note: '坑里已经积水了' });
  });

  it('shows closed with the public history only — no staff notes, no names', async () => {
    const id = created.json?.id as string;
    await closeCase(env, id);
    const res = await inject('GET', `${BASE}/requests/${id}.json?extensions=true`);
    schemas.requests(res.json());
    const r = res.json()[0];
    expect(r.status).toBe('closed');
    expect(r.extended_attributes.jiesu_status).toBe('closed');
    expect(r.agency_responsible).toBe('望京街道');
    expect(r.status_notes).toBe('已办结：已修补路面坑洞');
    expect(r.notes.map((n: { type: string }) => n.type)).toEqual(['intake', 'note', 'dispatch', 'sign', 'contact', 'close']);
    expect(res.body).not.toContain('内部备注');
    expect(res.body).not.toContain('孙磊');
    const closed = await inject('GET', `${BASE}/requests.json?status=closed`);
    expect(closed.json().map((x: { service_request_id: string }) => x.service_request_id)).toEqual([id]);

    const updates = await inject('GET', `${BASE}/servicerequestupdates.json`);
    expect(updates.statusCode).toBe(200);
    const mine = updates.json().filter((u: { service_request_id: string }) => u.service_request_id === id);
    expect(mine.map((u: { description: string }) => u.description)).toContain('已办结：已修补路面坑洞');
    expect(updates.body).not.toContain('内部备注');
    const xml = parseXml((await inject('GET', `${BASE}/servicerequestupdates.xml?start_date=2000-01-01&end_date=2099-01-01`)).body);
    expect(listAt(xml, 'service_request_updates.request_update').length).toBe(updates.json().length);
    expectError(await inject('GET', `${BASE}/servicerequestupdates.json?start_date=2026-03-10&end_date=2026-03-01`), 400, 'json');

    // A comment on a closed request is refused: the case no longer takes notes.
    const late = await inject('POST', `${BASE}/servicerequestupdates.json`, form({ api_key: apiKey, service_request_id: id, description: '谢谢' }));
    expectError(late, 409, 'json');
  });
});

describe('keys and limits', () => {
  it('refuses a revoked key with 403', async () => {
    const keys = (await admin.get('/api/open311/keys')).json() as Array<{ id: string; keyPrefix: string }>;
    const other = keys.find((k) => k.keyPrefix === otherKey.slice(0, 8)) as { id: string };
    const revoked = await admin.delete(`/api/open311/keys/${other.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expectError(await post({ ...valid(), api_key: otherKey }, 'xml'), 403, 'xml');
  });

  it('rate-limits every endpoint per client with 429 in the spec error format', async () => {
    const ctx = env.rt.ctx;
    const limited = await buildApp({ ctx: { ...ctx, config: { ...ctx.config, publicRateLimit: 2 } }, portalDir: null });
    try {
      // Limits count per route and client: GET {resource}.{fmt} and GET services/{code}.{fmt} each have their own.
      for (const url of [`${BASE}/services.json`, `${BASE}/services/plain.xml`]) {
        for (let i = 0; i < 2; i++) expect((await limited.inject({ method: 'GET', url })).statusCode).toBe(200);
        const res = await limited.inject({ method: 'GET', url });
        expectError(res, 429, url.endsWith('.json') ? 'json' : 'xml');
      }
      for (let i = 0; i < 2; i++) await limited.inject({ method: 'POST', url: `${BASE}/requests.json`, ...form({}) });
      expectError(await limited.inject({ method: 'POST', url: `${BASE}/requests.json`, ...form(valid()) }), 429, 'json');
    } finally {
      await limited.close();
    }
  });
});
