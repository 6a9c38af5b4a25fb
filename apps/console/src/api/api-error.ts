// Every failed call becomes an ApiError carrying the server's stable code (see
// packages/core/src/errors.ts); screens show messageFor(code), never the raw body.
export type ClientErrorCode = 'NETWORK' | 'INTERNAL' | 'BAD_RESPONSE';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** A server error code (VALIDATION_FAILED, VERSION_CONFLICT …) or a client-side one. */
    readonly code: string,
    readonly status: number,
    /** The server's own (English) message, for logs and as detail; not shown as the headline. */
    readonly serverMessage: string,
    readonly field: string | null = null,
    readonly details: Record<string, unknown> | null = null,
  ) {
    super(`${code}: ${serverMessage}`);
  }
}

interface ErrorBodyShape {
  error: { code: string; message?: string; field?: string; details?: Record<string, unknown> };
}

function isErrorBody(v: unknown): v is ErrorBodyShape {
  if (typeof v !== 'object' || v === null || !('error' in v)) return false;
  const e = (v as { error: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string';
}

/** Turns a non-2xx response's status and body text into an ApiError. */
export function errorFromResponse(status: number, bodyText: string): ApiError {
  let parsed: unknown;
  try {
    parsed = bodyText ? JSON.parse(bodyText) : null;
  } catch {
    parsed = null;
  }
  if (isErrorBody(parsed)) {
    const e = parsed.error;
    return new ApiError(e.code, status, e.message ?? '', e.field ?? null, e.details ?? null);
  }
  if (status === 429) return new ApiError('RATE_LIMITED', status, bodyText.slice(0, 200));
  if (status === 401) return new ApiError('UNAUTHENTICATED', status, bodyText.slice(0, 200));
  if (status === 403) return new ApiError('FORBIDDEN', status, bodyText.slice(0, 200));
  if (status === 404) return new ApiError('NOT_FOUND', status, bodyText.slice(0, 200));
  if (status >= 500) return new ApiError('INTERNAL', status, bodyText.slice(0, 200));
  return new ApiError('BAD_RESPONSE', status, bodyText.slice(0, 200));
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError('NETWORK', 0, e instanceof Error ? e.message : String(e));
}
