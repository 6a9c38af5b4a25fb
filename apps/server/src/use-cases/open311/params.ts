// Open311 parameters arrive as query strings or form fields, every value text, sometimes
// repeated (attribute[code][]=a&attribute[code][]=b). These read one value, check it, and throw
// VALIDATION_FAILED naming the parameter — the spec's "400: missing or invalid parameter".
import { DomainError } from '@jiesu/core';

export type Open311Params = Record<string, string | string[] | undefined>;

export function one(p: Open311Params, name: string): string | undefined {
  const v = p[name];
  const s = Array.isArray(v) ? v[v.length - 1] : v;
  return s === undefined || s.trim() === '' ? undefined : s.trim();
}

export function required(p: Open311Params, name: string, hint = ''): string {
  const v = one(p, name);
  if (v === undefined) throw new DomainError('VALIDATION_FAILED', `${name} was not provided.${hint ? ` ${hint}` : ''}`, { field: name });
  return v;
}

export function number(p: Open311Params, name: string, min: number, max: number): number | undefined {
  const v = one(p, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new DomainError('VALIDATION_FAILED', `${name} must be a number from ${min} to ${max}; got "${v}".`, { field: name });
  return n;
}

export function integer(p: Open311Params, name: string, min: number, max: number): number | undefined {
  const n = number(p, name, min, max);
  if (n !== undefined && !Number.isInteger(n)) throw new DomainError('VALIDATION_FAILED', `${name} must be a whole number.`, { field: name });
  return n;
}

export function list(p: Open311Params, name: string): string[] | undefined {
  const v = one(p, name);
  if (v === undefined) return undefined;
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

export function flag(p: Open311Params, name: string): boolean {
  const v = one(p, name)?.toLowerCase();
  return v === 'true' || v === '1' || v === 'yes';
}

/** attribute[code]=v and attribute[code][]=v1&attribute[code][]=v2 as code → values. */
export function attributes(p: Open311Params): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, raw] of Object.entries(p)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (!m || !m[1] || raw === undefined) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter((v) => v !== '');
    out.set(m[1], [...(out.get(m[1]) ?? []), ...values]);
  }
  return out;
}

export function jurisdiction(p: Open311Params, configured: string): void {
  const j = one(p, 'jurisdiction_id');
  if (j !== undefined && j !== configured) {
    throw new DomainError('NOT_FOUND', `jurisdiction_id ${j} is not served here; this endpoint serves ${configured}.`, { field: 'jurisdiction_id' });
  }
}
