// Request validation: bodies are validated strictly (no type coercion, unknown fields refused);
// query strings and path params are coerced from text (they are always strings on the wire).
// Errors name the offending field: "body.roles[0] must be one of operator, dispatcher, …".
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaValidationError } from 'fastify/types/schema';

function makeAjv(coerce: boolean) {
  const ajv = new Ajv({
    allErrors: false,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

const strictAjv = makeAjv(false);
const coercingAjv = makeAjv(true);

export function validatorCompiler({ schema, httpPart }: { schema: object; httpPart?: string }) {
  return (httpPart === 'body' ? strictAjv : coercingAjv).compile(schema);
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
