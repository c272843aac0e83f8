/*
 * Request validation is hand-written rather than built on valibot or zod: the rules are few, the
 * handler must stay dependency-free so it runs unchanged in browsers (Storybook) and Node, and the
 * messages should read like the API's own ("Invalid value at 'generation_config.temperature' …").
 */
import { badRequest } from '../http/errors.js';

export type JsonObject = Record<string, unknown>;

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

export function invalid(path: string, expected: string, value: unknown): never {
  throw badRequest(`Invalid value at '${path}': expected ${expected}, got ${describeValue(value)}.`);
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectObject(value: unknown, path: string): JsonObject {
  return isObject(value) ? value : invalid(path, 'an object', value);
}

export function expectString(value: unknown, path: string, options: { nonEmpty?: boolean } = {}): string {
  if (typeof value !== 'string') return invalid(path, 'a string', value);
  if (options.nonEmpty && value.trim() === '') return invalid(path, 'a non-empty string', value);
  return value;
}

export function expectBoolean(value: unknown, path: string): boolean {
  return typeof value === 'boolean' ? value : invalid(path, 'a boolean', value);
}

export function expectNumber(
  value: unknown,
  path: string,
  range: { min?: number; max?: number; integer?: boolean } = {},
): number {
  const kind = range.integer ? 'an integer' : 'a number';
  if (typeof value !== 'number' || !Number.isFinite(value)) return invalid(path, kind, value);
  if (range.integer && !Number.isInteger(value)) return invalid(path, kind, value);
  if (range.min !== undefined && value < range.min) return invalid(path, `${kind} >= ${range.min}`, value);
  if (range.max !== undefined && value > range.max) return invalid(path, `${kind} <= ${range.max}`, value);
  return value;
}

export function expectArray(value: unknown, path: string): unknown[] {
  return Array.isArray(value) ? value : invalid(path, 'an array', value);
}

export function expectOneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return invalid(path, `one of ${allowed.map((v) => `"${v}"`).join(', ')}`, value);
}

/** Proto-JSON parsing rejects fields it does not know; so does the emulator, which catches client typos. */
export function expectKnownKeys(object: JsonObject, allowed: ReadonlySet<string>, path: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.has(key)) {
      const where = path ? ` at '${path}'` : '';
      throw badRequest(`Invalid JSON payload received. Unknown name "${key}"${where}: Cannot find field.`);
    }
  }
}

export const field = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
