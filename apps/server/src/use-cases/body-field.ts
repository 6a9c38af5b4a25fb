// Core checks name the field inside the value they check (rules[2].pattern); the API names it
// inside the request body (body.rules[2].pattern).
import { DomainError } from '@jiesu/core';

function inBody(e: unknown): unknown {
  if (e instanceof DomainError && e.code === 'VALIDATION_FAILED' && typeof e.details?.field === 'string') {
    return new DomainError('VALIDATION_FAILED', e.message, { ...e.details, field: e.details.field === '' ? 'body' : `body.${e.details.field}` });
  }
  return e;
}

export function asBodyField<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    throw inBody(e);
  }
}

export async function asBodyFieldAsync<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (e) {
    throw inBody(e);
  }
}
