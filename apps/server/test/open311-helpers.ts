// Helpers for the Open311 and public-portal tests: the official GeoReport v2 JSON Schemas (from
// ../shared/open311) compiled with ajv, an XML parser that keeps the spec's lists as lists, form
// bodies, and walking a case to closed through the staff API.
import { existsSync, readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { expect } from 'vitest';
import type { Client, TestEnv } from './harness';

const SCHEMA_DIR = new URL('../../../../shared/open311/', import.meta.url);
export const HAS_SCHEMAS = existsSync(new URL('request.json', SCHEMA_DIR));
if (!HAS_SCHEMAS) console.warn(`Open311 schema folder ${SCHEMA_DIR.pathname} is absent: JSON schema checks are skipped.`);

function load(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), 'utf8')) as Record<string, unknown>;
}

type Check = (body: unknown) => void;

function makeChecks() {
  if (!HAS_SCHEMAS) {
    const skip: Check = () => {};
    return { services: skip, serviceDefinition: skip, requests: skip, postReply: skip, token: skip, errors: skip };
  }
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('uid', true);
  ajv.addSchema(load('request.json'), 'request.json');
  ajv.addSchema(load('service.json'), 'service.json');
  const swagger = load('swagger.json') as { definitions: Record<string, Record<string, unknown>> };
  const compiled =
    (v: ValidateFunction, what: string): Check =>
    (body) => {
      const ok = v(body);
      expect(ok, `${what}: ${ajv.errorsText(v.errors)}\n${JSON.stringify(body).slice(0, 500)}`).toBe(true);
    };
  const services = compiled(ajv.compile(load('services.json')), 'services.json');
  const definition = compiled(ajv.compile(load('service-definition.json')), 'service-definition.json');
  const requests = compiled(ajv.compile(load('requests.json')), 'requests.json');
  const requestResponse = compiled(ajv.compile({ type: 'array', items: swagger.definitions.RequestResponse }), 'swagger RequestResponse');
  const token = compiled(ajv.compile({ type: 'array', items: swagger.definitions.TokenResponse, minItems: 1 }), 'swagger TokenResponse');
  const errors = compiled(
    ajv.compile({
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['code', 'description'],
        properties: { code: { type: 'integer' }, description: { type: 'string', minLength: 1 } },
        additionalProperties: false,
      },
    }),
    'GeoReport errors',
  );
  return {
    services,
    serviceDefinition: definition,
    requests,
    /** POST requests replies: full requests (requests.json) that are also the spec's RequestResponse. */
    postReply: (b: unknown) => {
      requests(b);
      requestResponse(b);
    },
    token,
    errors,
  };
}

export const schemas = makeChecks();

const LISTS = new Set(['service', 'request', 'error', 'attribute', 'value', 'note', 'request_update', 'endpoint', 'format']);
const parser = new XMLParser({ isArray: (name) => LISTS.has(name), parseTagValue: false });

export type XmlNode = { [key: string]: unknown };

export function parseXml(body: string): XmlNode {
  expect(body.startsWith('<?xml')).toBe(true);
  return parser.parse(body) as XmlNode;
}

/** The value at a dotted path ('services.service.0.service_code'); undefined when absent. */
export function at(node: unknown, path: string): unknown {
  let cur: unknown = node;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function listAt(node: unknown, path: string): XmlNode[] {
  const v = at(node, path);
  return Array.isArray(v) ? (v as XmlNode[]) : [];
}

export function form(fields: Record<string, string | string[]>) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return { payload: p.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}

/** Dispatch → sign → contact → feedback → close, by the demo staff. */
export async function closeCase(env: TestEnv, caseNumber: string): Promise<string> {
  const id = await env.rt.ctx.repos.cases.findIdByNumber(caseNumber);
  if (!id) throw new Error(`no case ${caseNumber}`);
  const [dispatcher, wangjing] = await Promise.all([env.as('dispatcher'), env.as('wangjing.handler')]);
  const step = async (c: Client, action: string, body: Record<string, unknown> = {}) => {
    const res = await c.post(`/api/cases/${id}/${action}`, body);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  };
  await step(dispatcher, 'dispatch', { lead: '110105026' });
  await step(wangjing, 'sign');
  await step(wangjing, 'contact', { method: 'phone' });
  await step(wangjing, 'note', { note: '内部备注：施工队周三进场' });
  await step(wangjing, 'submit-feedback', { summary: '已修补路面坑洞', isSolved: true });
  await step(dispatcher, 'close');
  return id;
}
