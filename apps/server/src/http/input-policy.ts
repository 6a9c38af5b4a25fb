// The one input policy at the edge, applied to every route by construction (hooks and parsers on
// the root instance, inherited by every plugin): JSON bodies have a depth limit; every string in a
// body, query string or path refuses NUL and lone UTF-16 surrogates; multipart needs a boundary.
// Integer bounds and date ranges are the validator's (validation.ts). Every refusal is a 400 in
// the error catalogue's shape, naming the field.
import { DomainError } from '@jiesu/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Deeper JSON than this is refused before parsing (no contract nests more than a few levels). */
export const MAX_JSON_DEPTH = 32;

/** Depth of a JSON text's nesting, counted without parsing (brackets inside strings do not count). */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string may not be stored, or null: PostgreSQL text refuses NUL, and a lone surrogate is not Unicode. */
export function badStringReason(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain a NUL character (U+0000)';
  if (LONE_SURROGATE.test(s)) return 'must be valid Unicode (it has a lone UTF-16 surrogate)';
  return null;
}

function refuse(field: string, reason: string): never {
  throw new DomainError('VALIDATION_FAILED', `${field} ${reason}.`, { field });
}

/** Walks a parsed value and refuses the first bad string (keys included), naming its path. */
export function checkStrings(value: unknown, path: string, depth = 0): void {
  if (depth > MAX_JSON_DEPTH) refuse(path, `is nested deeper than ${MAX_JSON_DEPTH} levels`);
  if (typeof value === 'string') {
    const reason = badStringReason(value);
    if (reason) refuse(path, reason);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkStrings(v, `${path}[${i}]`, depth + 1));
    return;
  }
  if (value !== null && typeof value === 'object') {
    // streams, buffers and dates are not text to check (path params come in a class of their own, so no prototype test)
    if (Buffer.isBuffer(value) || value instanceof Date || typeof (value as { pipe?: unknown }).pipe === 'function') return;
    for (const [k, v] of Object.entries(value)) {
      const keyReason = badStringReason(k);
      if (keyReason) refuse(`${path} (a field name)`, keyReason);
      checkStrings(v, `${path}.${k}`, depth + 1);
    }
  }
}

/** A multipart file name we are willing to keep: no control characters, valid Unicode, at most 255 characters. */
export function checkFileName(name: string | null | undefined, field = 'file.filename'): string | null {
  if (name === null || name === undefined || name === '') return null;
  const reason = badStringReason(name);
  if (reason) refuse(field, reason);
  // eslint-disable-next-line no-control-regex
  if (/[\u0001-\u001f\u007f]/.test(name)) refuse(field, 'must not contain control characters');
  if (name.length > 255) refuse(field, 'must be at most 255 characters');
  return name;
}

function checkRequest(request: FastifyRequest): void {
  checkStrings(request.params, 'params');
  checkStrings(request.query, 'querystring');
  checkStrings(request.body, 'body');
}

export function registerInputPolicy(app: FastifyInstance, opts: { bodyLimit: number }): void {
  // JSON: depth checked on the text, so a body nested thousands of levels deep never reaches a
  // recursive parser or validator; invalid JSON is a 400 naming the body.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: opts.bodyLimit }, (_request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, undefined);
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      return done(new DomainError('VALIDATION_FAILED', `body is nested deeper than ${MAX_JSON_DEPTH} levels.`, { field: 'body' }), undefined);
    }
    try {
      // a "__proto__" key is dropped, so a later spread or merge cannot poison a prototype
      done(
        null,
        JSON.parse(text, (k, v: unknown) => (k === '__proto__' ? undefined : v)),
      );
    } catch (e) {
      done(new DomainError('VALIDATION_FAILED', `The request body is not valid JSON: ${(e as Error).message}`, { field: 'body' }), undefined);
    }
  });

  app.addHook('onRequest', async (request) => {
    const type = request.headers['content-type'];
    if (typeof type === 'string' && /^multipart\//i.test(type) && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(type)) {
      // Raised before any route runs, so it speaks to residents and staff alike: Chinese first, as the upload refusals do.
      throw new DomainError(
        'VALIDATION_FAILED',
        '上传的内容格式不对（请求头 Content-Type 缺少 boundary），请重新选择文件后再试。A multipart body needs a boundary in its Content-Type header (multipart/form-data; boundary=…).',
        { field: 'headers.content-type' },
      );
    }
  });
  app.addHook('preValidation', async (request) => checkRequest(request));
}

/** One uploaded file from a multipart request, with its name checked; a malformed body is a 400 naming the body. */
export async function readUpload(request: FastifyRequest, limits: { fileSize: number }) {
  if (!request.isMultipart()) throw new DomainError('VALIDATION_FAILED', 'Send the file as multipart/form-data.', { field: 'body' });
  let file: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    file = await request.file({ limits: { fileSize: limits.fileSize, files: 1 } });
  } catch (e) {
    if (e instanceof DomainError) throw e;
    const status = (e as { statusCode?: number }).statusCode;
    if (status === 413) throw new DomainError('ATTACHMENT_TOO_LARGE', 'The upload is too large.', { field: 'file' });
    throw new DomainError('VALIDATION_FAILED', `The multipart body could not be read: ${(e as Error).message}`, { field: 'body' });
  }
  if (!file) throw new DomainError('VALIDATION_FAILED', 'No file in the upload.', { field: 'file' });
  return { file: file.file, mimeType: file.mimetype, name: checkFileName(file.filename) };
}
