// Shared helpers for validating administrator-edited intake rules: every failure is a
// VALIDATION_FAILED naming the exact field (e.g. 'rules[3].pattern'), so the console can point at it.
import { DomainError } from '../errors';

export function invalidRule(field: string, message: string, value?: unknown): DomainError {
  return new DomainError('VALIDATION_FAILED', `${field}: ${message}`, { field, value });
}

export function requireNonEmptyString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw invalidRule(field, 'is required (a non-empty string).', value);
  return value.trim();
}

export function requireFiniteNumber(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidRule(field, 'must be a finite number.', value);
  return value;
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidRule(field, `must be one of ${allowed.join(', ')}.`, value);
  }
  return value as T;
}

/** Throws when an id repeats; ids are how audit logs and explanations name a rule. */
export function assertUniqueIds(ids: readonly string[], listField: string): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw invalidRule(`${listField}[${i}].id`, `duplicate rule id "${id}".`, id);
    seen.add(id);
  });
}
