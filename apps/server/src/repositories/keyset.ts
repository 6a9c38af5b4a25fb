// Keyset cursors: a page ends at a row's sort key, and the next page starts strictly after it, so
// pages never skip or repeat a row however many rows share a timestamp (the key always ends with
// a unique id) and a deep page costs what the first one does. The cursor is opaque to clients
// (base64url JSON); a cursor that was not made here is refused with the field named.
import { DomainError } from '@jiesu/core';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';

/** A timestamptz as PostgreSQL prints it (`received_at::text`): full microseconds, so nothing is lost on the way. */
const PG_TIMESTAMP = /^((?:19|20|21)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-](0\d|1[0-4])(:[0-5]\d){0,2})?$/;

function isTimestamp(v: string): boolean {
  const m = PG_TIMESTAMP.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type CursorPart = { kind: 'timestamp' } | { kind: 'uuid' } | { kind: 'int' } | { kind: 'text'; maxLength: number };

export function encodeCursor(tag: string, values: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify([tag, ...values]), 'utf8').toString('base64url');
}

function refuse(field: string): never {
  throw new DomainError(
    'VALIDATION_FAILED',
    `${field} is not a cursor of this list: pass back the nextCursor of the previous page unchanged, or leave it out for the first page.`,
    {
      field,
    },
  );
}

/** The values of a cursor made by encodeCursor with this tag and these parts; a 400 naming `field` otherwise. */
export function decodeCursor(cursor: string, tag: string, parts: readonly CursorPart[], field = 'querystring.cursor'): Array<string | number> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    refuse(field);
  }
  if (!Array.isArray(decoded) || decoded.length !== parts.length + 1 || decoded[0] !== tag) refuse(field);
  return parts.map((p, i) => {
    const v: unknown = decoded[i + 1];
    switch (p.kind) {
      case 'timestamp':
        if (typeof v !== 'string' || !isTimestamp(v)) refuse(field);
        return v;
      case 'uuid':
        if (typeof v !== 'string' || !UUID.test(v)) refuse(field);
        return v;
      case 'int':
        if (typeof v !== 'number' || !Number.isSafeInteger(v)) refuse(field);
        return v;
      case 'text':
        if (typeof v !== 'string' || v.length > p.maxLength || v.includes('\u0000')) refuse(field);
        return v;
    }
  });
}

/** Totals: counted exactly up to this many rows; beyond, the planner's estimate (said so in the response). */
export const EXACT_TOTAL_CAP = 10_000;

/**
 * A list's total: counted up to the cap; past it, the planner's estimate of how many rows the
 * query returns (never less than the cap), with `totalExact: false`. When the estimate is already
 * past twice the cap, nothing is counted: the answer would be the estimate anyway, and counting a
 * big scope's first 10,000 rows reads up to 10,000 heap pages (a street's case list at 10 M cases:
 * 65–400 ms, more than the page itself). `base` is the list's query before its select, order and
 * limit.
 */
export async function cappedTotal<DB, TB extends keyof DB>(
  db: Kysely<DB>,
  base: SelectQueryBuilder<DB, TB, object>,
  cap = EXACT_TOTAL_CAP,
): Promise<{ total: number; totalExact: boolean }> {
  const one = base.select(sql<number>`1`.as('one'));
  const estimate = planRows((await one.explain('json'))[0]);
  if (estimate > 2 * cap) return { total: estimate, totalExact: false };
  const capped = await sql<{ n: number }>`select count(*)::int as n from (${one.limit(cap + 1)}) c`.execute(db);
  const n = capped.rows[0]?.n ?? 0;
  if (n <= cap) return { total: n, totalExact: true };
  return { total: Math.max(cap, estimate), totalExact: false };
}

/** The top node's row estimate of an EXPLAIN (FORMAT JSON) result. */
function planRows(row: Record<string, unknown> | undefined): number {
  const raw = row?.['QUERY PLAN'];
  const doc: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  const first = Array.isArray(doc) ? (doc[0] as { Plan?: { 'Plan Rows'?: number } } | undefined) : undefined;
  return Math.round(first?.Plan?.['Plan Rows'] ?? 0);
}
