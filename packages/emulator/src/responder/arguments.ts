import { pick } from '../util/random.js';
import { isObject as isRecord } from '../validate/guards.js';

type Schema = Record<string, unknown>;

const PLACES = ['Paris', 'Tokyo', 'Lima', 'Nairobi', 'Oslo', 'Montreal', 'Hanoi', 'Seville'];
const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Edsger Dijkstra'];
const WORDS = ['lantern', 'harbor', 'meadow', 'copper', 'orbit', 'velvet', 'summit', 'quartz'];
/** Past this depth a schema is not followed further (a recursive schema must still end). */
const MAX_DEPTH = 6;

/**
 * Arguments for a declared function, made up from its JSON-schema `parameters`: every required property
 * gets a plausible value of its type (an enum member, a number within its bounds, a city for a `city`,
 * a date for a `format: date`…), optional ones are left out, as a model mostly does. Deterministic: the
 * values come from `random`, which the emulator seeds from the conversation and `generation_config.seed`.
 */
export function synthesizeArguments(parameters: unknown, random: () => number): Record<string, unknown> {
  const value = valueFor(asSchema(parameters), 'arguments', random, 0);
  return isRecord(value) ? value : {};
}

function valueFor(schema: Schema, name: string, random: () => number, depth: number): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return pick(random, schema.enum);
  if (schema.default !== undefined) return schema.default;
  const variants = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(variants) && variants.length > 0)
    return valueFor(asSchema(variants[0]), name, random, depth);
  switch (typeOf(schema)) {
    case 'object':
      return depth >= MAX_DEPTH ? {} : objectFor(schema, random, depth + 1);
    case 'array': {
      if (depth >= MAX_DEPTH) return [];
      const count = Math.max(typeof schema.minItems === 'number' ? schema.minItems : 1, 1);
      const items = asSchema(schema.items);
      return Array.from({ length: Math.min(count, 5) }, () => valueFor(items, name, random, depth + 1));
    }
    case 'integer':
      return numberFor(schema, random, true);
    case 'number':
      return numberFor(schema, random, false);
    case 'boolean':
      return random() < 0.5;
    case 'null':
      return null;
    default:
      return stringFor(schema, name, random);
  }
}

function objectFor(schema: Schema, random: () => number, depth: number): Record<string, unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((k) => typeof k === 'string') : [];
  const out: Record<string, unknown> = {};
  for (const key of required) out[key] = valueFor(asSchema(properties[key]), key, random, depth);
  return out;
}

function numberFor(schema: Schema, random: () => number, integer: boolean): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : integer ? 1 : 0;
  const max = typeof schema.maximum === 'number' ? schema.maximum : Math.max(min, 0) + 100;
  const value = min + random() * (max - min);
  return integer ? Math.min(Math.max(Math.round(value), Math.ceil(min)), Math.floor(max)) : round2(value);
}

function stringFor(schema: Schema, name: string, random: () => number): string {
  const format = typeof schema.format === 'string' ? schema.format : '';
  const day = 1 + Math.floor(random() * 28);
  const date = `2026-05-${String(day).padStart(2, '0')}`;
  if (format === 'date') return date;
  if (format === 'date-time')
    return `${date}T${String(8 + Math.floor(random() * 10)).padStart(2, '0')}:00:00Z`;
  if (format === 'email') return `${pick(random, WORDS)}@example.com`;
  if (format === 'uri' || format === 'url') return `https://example.com/${pick(random, WORDS)}`;
  const key = name.toLowerCase();
  if (/city|location|place|town|destination|address/.test(key)) return pick(random, PLACES);
  if (/name|person|user|author/.test(key)) return pick(random, NAMES);
  if (/date|day/.test(key)) return date;
  if (/query|question|text|topic|search/.test(key)) return `${pick(random, WORDS)} ${pick(random, WORDS)}`;
  return pick(random, WORDS);
}

/** JSON Schema's lowercase types, and Gemini's OpenAPI-style uppercase ones; a list picks its first non-null. */
function typeOf(schema: Schema): string {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (typeof type === 'string') return type.toLowerCase();
  if (isRecord(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return 'string';
}

function asSchema(value: unknown): Schema {
  return isRecord(value) ? value : {};
}

const round2 = (n: number) => Math.round(n * 100) / 100;
