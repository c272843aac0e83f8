import type { Content } from '@gemkit/core';
import { badRequest } from '../http/errors.js';
import { decodeBase64 } from '../util/base64.js';
import {
  expectArray,
  expectKnownKeys,
  expectNumber,
  expectObject,
  expectString,
  field,
  invalid,
} from './guards.js';

export const CONTENT_TYPES = ['text', 'image', 'audio', 'video', 'document'] as const;

const KEYS: Readonly<Record<(typeof CONTENT_TYPES)[number], ReadonlySet<string>>> = {
  text: new Set(['type', 'text', 'annotations']),
  image: new Set(['type', 'uri', 'data', 'mime_type', 'resolution']),
  audio: new Set(['type', 'uri', 'data', 'mime_type', 'channels', 'sample_rate']),
  video: new Set(['type', 'uri', 'data', 'mime_type', 'resolution', 'name']),
  document: new Set(['type', 'uri', 'data', 'mime_type']),
};

export function isContentType(type: unknown): type is (typeof CONTENT_TYPES)[number] {
  return typeof type === 'string' && (CONTENT_TYPES as readonly string[]).includes(type);
}

/** Validates one content block; media must name exactly one source, and inline data must be base64. */
export function validateContent(value: unknown, path: string): Content {
  const content = expectObject(value, path);
  const type = content.type;
  if (!isContentType(type)) {
    return invalid(field(path, 'type'), `one of ${CONTENT_TYPES.map((t) => `"${t}"`).join(', ')}`, type);
  }
  expectKnownKeys(content, KEYS[type], path);
  if (type === 'text') {
    expectString(content.text, field(path, 'text'));
    if (content.annotations !== undefined) expectArray(content.annotations, field(path, 'annotations'));
    return content as unknown as Content;
  }
  for (const key of ['uri', 'mime_type', 'resolution', 'name'] as const) {
    if (content[key] !== undefined) expectString(content[key], field(path, key));
  }
  for (const key of ['channels', 'sample_rate'] as const) {
    if (content[key] !== undefined) expectNumber(content[key], field(path, key), { integer: true, min: 1 });
  }
  const hasUri = content.uri !== undefined;
  const hasData = content.data !== undefined;
  if (hasUri === hasData) {
    throw badRequest(`Invalid value at '${path}': ${type} content needs exactly one of 'uri' or 'data'.`);
  }
  if (hasData) {
    const data = expectString(content.data, field(path, 'data'));
    const bytes = decodeBase64(data);
    if (!bytes) throw badRequest(`Invalid value at '${field(path, 'data')}': the data is not valid base64.`);
    if (bytes.byteLength === 0)
      throw badRequest(`Invalid value at '${field(path, 'data')}': the data is empty.`);
    if (content.mime_type === undefined) {
      throw badRequest(`Invalid value at '${path}': inline ${type} data needs a 'mime_type'.`);
    }
  } else if ((content.uri as string).trim() === '') {
    return invalid(field(path, 'uri'), 'a non-empty string', content.uri);
  }
  return content as unknown as Content;
}

export function validateContentList(value: unknown, path: string): Content[] {
  return expectArray(value, path).map((item, i) => validateContent(item, field(path, i)));
}
