// Shapes shared by every endpoint: the error body, pagination, a few scalar formats.
import { type Static, type TSchema, Type } from 'typebox';

/** A string enum as { type: 'string', enum: [...] }: one clear error message, clean OpenAPI. */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable error code, e.g. VALIDATION_FAILED, OUT_OF_SCOPE, ILLEGAL_TRANSITION' }),
      message: Type.String({ description: 'What was wrong and what to do' }),
      field: Type.Optional(Type.String({ description: 'The offending field, e.g. body.username' })),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { $id: 'ErrorBody' },
);
export type ErrorBody = Static<typeof ErrorBody>;

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
};

export function Page<T extends TSchema>(item: T) {
  return Type.Object({ total: Type.Integer(), items: Type.Array(item) });
}

/**
 * Keyset pages (stable: every ordering ends with a unique key): pass `nextCursor` back as `cursor`
 * for the next page; null when this is the last. `total` is exact when `totalExact`, otherwise a
 * lower bound or the planner's estimate of a large set (counting millions on every page would
 * cost more than the page).
 */
export const CursorQuery = {
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 400, pattern: '^[A-Za-z0-9_-]+$', description: 'nextCursor of the previous page (opaque)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
};

export function KeysetPage<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ minimum: 0 }),
    totalExact: Type.Boolean(),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  });
}

/** An instant: serialised as an ISO 8601 string with its offset; handlers may return a Date. */
export const IsoDateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
export const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', description: 'YYYY-MM-DD in the city time zone' });

/** A value or null. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
