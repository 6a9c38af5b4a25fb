// GeoReport v2 output: the format comes from the path's extension (.xml, required by the spec, or
// .json); XML uses the spec's element names (services/service, service_requests/request,
// service_definition/attributes/attribute/values/value, errors/error …). Errors are the spec's
// list of {code, description} with the HTTP status as the code.
import type { FastifyReply } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';

export type Open311Format = 'json' | 'xml';

const builder = new XMLBuilder({ format: true, ignoreAttributes: true, suppressEmptyNode: false });

/** Element name of one item of each list the spec names. */
const ITEM_OF: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  notes: 'note',
  endpoints: 'endpoint',
  formats: 'format',
};

function toXmlValue(v: unknown, key: string): unknown {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) {
    const item = ITEM_OF[key];
    const items = v.map((x) => toXmlValue(x, item ?? key));
    return item ? { [item]: items } : items;
  }
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = toXmlValue(x, k);
    return out;
  }
  return String(v);
}

/** `<root><item>…</item>…</root>` for a list, `<root>…</root>` for one object. */
export function toXml(root: string, body: unknown, item?: string): string {
  const inner = Array.isArray(body) ? { [item ?? 'item']: body.map((x) => toXmlValue(x, item ?? 'item')) } : toXmlValue(body, root);
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: inner }) as string}`;
}

export function sendOpen311(reply: FastifyReply, format: Open311Format, root: string, item: string | undefined, body: unknown, status = 200): FastifyReply {
  reply.status(status);
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
  return reply.type('text/xml; charset=utf-8').send(toXml(root, body, item));
}

export function sendOpen311Error(reply: FastifyReply, format: Open311Format, status: number, description: string): FastifyReply {
  return sendOpen311(reply, format, 'errors', 'error', [{ code: status, description }], status);
}

/** `services.xml` → { name: 'services', format: 'xml' }; null without a known extension. */
export function splitFormat(file: string): { name: string; format: Open311Format } | null {
  const m = /^(.+)\.(json|xml)$/i.exec(file);
  if (!m || !m[1] || !m[2]) return null;
  return { name: m[1], format: m[2].toLowerCase() as Open311Format };
}

/** The format an error should be in, from the URL's extension (XML, the spec's default, otherwise). */
export function formatOfUrl(url: string): Open311Format {
  return /\.json$/i.test(url.split('?')[0] ?? '') ? 'json' : 'xml';
}
