// Request validation: bodies are validated strictly (no type coercion, unknown fields refused);
// query strings and path params are coerced from text (they are always strings on the wire).
// Errors name the offending field: "body.roles[0] must be one of operator, dispatcher, …".
// Part of the input policy (input-policy.ts): an integer a schema leaves unbounded is held to the
// PostgreSQL integer range here (and a test fails on any route that leaves one unbounded); numbers
// must be finite; dates and date-times must be real ones between the years 1900 and 2199.
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaValidationError } from 'fastify/types/schema';

/** The range of a PostgreSQL `integer`: the bound given to an integer its schema leaves open. */
export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** YYYY-MM-DD, a real day in range. */
export function isLocalDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** RFC 3339 date-time with an offset (or Z), a real instant in range. */
export function isDateTime(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(s);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 60) return false;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false;
  return !Number.isNaN(Date.parse(s));
}

function makeAjv(coerce: boolean) {
  const ajv = new Ajv({
    allErrors: false,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
    strictNumbers: true,
  });
  addFormats(ajv);
  ajv.addFormat('date', { type: 'string', validate: isLocalDate });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  return ajv;
}

const strictAjv = makeAjv(false);
const coercingAjv = makeAjv(true);

function isIntegerSchema(s: Record<string, unknown>): boolean {
  return s.type === 'integer' || (Array.isArray(s.type) && s.type.includes('integer'));
}

/** A copy of the schema where every integer without a bound gets the PostgreSQL integer range. */
export function boundIntegers(schema: unknown, isPropertyMap = false): unknown {
  if (Array.isArray(schema)) return schema.map((s) => boundIntegers(s));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema as Record<string, unknown>)) {
    const isData = !isPropertyMap && (k === 'enum' || k === 'const' || k === 'default' || k === 'examples');
    out[k] = isData ? v : boundIntegers(v, !isPropertyMap && (k === 'properties' || k === 'patternProperties' || k === '$defs' || k === 'definitions'));
  }
  if (isPropertyMap) return out;
  if (isIntegerSchema(out)) {
    if (out.minimum === undefined && out.exclusiveMinimum === undefined) out.minimum = INT_MIN;
    if (out.maximum === undefined && out.exclusiveMaximum === undefined) out.maximum = INT_MAX;
  }
  return out;
}

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * Compiled validators by schema text and part: routes share schemas (an `{ id }` path, a page
 * query), and an app built again in the same process (tests, the CLI) compiles nothing anew.
 */
const compiled = new Map<string, Validate>();

export function validatorCompiler({ schema, httpPart }: { schema: object; httpPart?: string }): Validate {
  const key = `${httpPart === 'body' ? 'body' : 'text'}:${JSON.stringify(schema)}`;
  let validate = compiled.get(key);
  if (!validate) compiled.set(key, (validate = compileValidator(schema, httpPart)));
  return validate;
}

function compileValidator(schema: object, httpPart: string | undefined): Validate {
  const bounded = boundIntegers(schema) as object;
  const strict = strictAjv.compile(bounded);
  if (httpPart === 'body') return strict;
  // Text from the query string or path is coerced first, then checked again without coercion:
  // ajv's coercion lets "1e400" through as Infinity past an integer's maximum.
  const coercing = coercingAjv.compile(bounded);
  const validate: Validate = (data) => {
    const ok = coercing(data) && strict(data);
    validate.errors = ok ? null : (coercing.errors ?? strict.errors ?? null);
    return ok;
  };
  return validate;
}

/** Turns the first ajv error into a field path and a sentence. */
export function describeValidationError(errors: Array<ErrorObject | FastifySchemaValidationError>, dataVar: string): { field: string; message: string } {
  const e = errors[0];
  if (!e) return { field: dataVar, message: `${dataVar} is not valid` };
  const path = (e.instancePath ?? '')
    .split('/')
    .filter(Boolean)
    .map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : `.${seg}`))
    .join('');
  let field = `${dataVar}${path}`;
  const params = (e.params ?? {}) as Record<string, unknown>;
  let message: string;
  switch (e.keyword) {
    case 'additionalProperties':
      field = `${field}.${String(params.additionalProperty)}`;
      message = `${field} is not a known field`;
      break;
    case 'required':
      field = `${field}.${String(params.missingProperty)}`;
      message = `${field} is required`;
      break;
    case 'enum':
      message = `${field} must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
      break;
    case 'type':
      message = `${field} must be ${String(params.type)}`;
      break;
    default:
      message = `${field} ${e.message ?? 'is not valid'}`;
  }
  return { field, message };
}
