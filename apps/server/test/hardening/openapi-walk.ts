// Walks the OpenAPI document the server publishes: every operation with its parameters and body
// schema. The fuzz test and the schema-bounds test both build on it.
import type { FastifyInstance } from 'fastify';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema | JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  [k: string]: unknown;
}

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/cases/{id} */
  path: string;
  pathParams: Array<{ name: string; schema: JsonSchema }>;
  query: Array<{ name: string; schema: JsonSchema; required: boolean }>;
  body: JsonSchema | null;
  bodyType: string | null;
  isPublic: boolean;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ in: string; name: string; required?: boolean; schema: JsonSchema }>;
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
        security?: unknown[];
      }
    >
  >;
}

export async function operationsOf(app: FastifyInstance): Promise<Operation[]> {
  await app.ready();
  const doc = (app as unknown as { swagger(): OpenApiDoc }).swagger();
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const [bodyType, media] = Object.entries(content)[0] ?? [null, null];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        body: media?.schema ?? null,
        bodyType,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
      });
    }
  }
  return ops;
}

/** Every schema node below (and including) s, with its JSON path. */
export function* schemaNodes(s: JsonSchema | undefined, path: string): Generator<{ node: JsonSchema; path: string }> {
  if (!s || typeof s !== 'object') return;
  yield { node: s, path };
  for (const [k, v] of Object.entries(s.properties ?? {})) yield* schemaNodes(v, `${path}.${k}`);
  if (Array.isArray(s.items)) for (const [i, v] of s.items.entries()) yield* schemaNodes(v, `${path}[${i}]`);
  else if (s.items) yield* schemaNodes(s.items, `${path}[]`);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) for (const v of s[key] ?? []) yield* schemaNodes(v, path);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') yield* schemaNodes(s.additionalProperties, `${path}.*`);
}

export function isType(s: JsonSchema, t: string): boolean {
  return s.type === t || (Array.isArray(s.type) && s.type.includes(t));
}
