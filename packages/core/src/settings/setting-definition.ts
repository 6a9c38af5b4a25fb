// A setting is one named, validated value an administrator (or a street leader) may change: the
// case policy, scoring weights, intake rules … The server keeps every setting in one table
// (`settings`, key → JSON value) and runs `parse` on every read and every write, so a value that
// reaches a use case has always been checked by the core.
import { DomainError } from '../errors';

export interface SettingDefinition<T> {
  /** Stable, dotted key (`area.name`, or `area.name.<id>` for one value per unit). */
  readonly key: string;
  /** What applies while nobody has set the value. */
  readonly defaultValue: T;
  /** Checks an unknown value and returns it typed; throws VALIDATION_FAILED naming the field. */
  parse(value: unknown): T;
}

export function defineSetting<T>(key: string, defaultValue: T, parse: (value: unknown) => T): SettingDefinition<T> {
  return { key, defaultValue, parse };
}

/** A failed check names the field inside the value, e.g. `clocks.byUrgency.general.sign.amount`. */
export function invalidSetting(field: string, message: string, value?: unknown): DomainError {
  return new DomainError('VALIDATION_FAILED', `${field}: ${message}`, { field, value });
}

export function expectObject(value: unknown, field: string, allowed?: readonly string[]): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidSetting(field, 'must be an object.', value);
  const obj = value as Record<string, unknown>;
  if (allowed !== undefined) {
    const extra = Object.keys(obj).find((k) => !allowed.includes(k));
    if (extra !== undefined) throw invalidSetting(field === '' ? extra : `${field}.${extra}`, 'is not a known field.', obj[extra]);
  }
  return obj;
}

export function expectArray(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw invalidSetting(field, 'must be a list.', value);
  return value;
}

export function expectNumber(value: unknown, field: string, range: { min?: number; max?: number; integer?: boolean } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidSetting(field, 'must be a finite number.', value);
  if (range.integer === true && !Number.isInteger(value)) throw invalidSetting(field, 'must be a whole number.', value);
  if (range.min !== undefined && value < range.min) throw invalidSetting(field, `must be at least ${range.min}.`, value);
  if (range.max !== undefined && value > range.max) throw invalidSetting(field, `must be at most ${range.max}.`, value);
  return value;
}

export function expectBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw invalidSetting(field, 'must be true or false.', value);
  return value;
}

export function expectString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw invalidSetting(field, 'must be a string.', value);
  return value;
}

export function expectOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidSetting(field, `must be one of ${allowed.join(', ')}.`, value);
  }
  return value as T;
}

/** Joins a parent field and a child name ('' is the value itself). */
export const fieldOf = (parent: string, child: string | number): string => (typeof child === 'number' ? `${parent}[${child}]` : parent === '' ? child : `${parent}.${child}`);
