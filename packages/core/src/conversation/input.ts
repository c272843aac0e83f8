import { UsageError } from '../errors.js';
import type { Content } from '../wire/index.js';

/** One part of what a user sends: text, a content block (an uploaded file's uri, say), or a File / Blob. */
export type InputPart = string | Content | Blob;

/** What `send` and `edit` take: text, or parts. */
export type MessageInput = string | readonly InputPart[];

export interface NormalizedInput {
  /** Text and content blocks, in the order given. */
  content: Content[];
  /** Files and Blobs to upload or inline, in the order given. */
  files: Blob[];
}

const CONTENT_TYPES = new Set(['text', 'image', 'audio', 'video', 'document']);

/** Checks and splits what the user sent; throws a UsageError for input that cannot be sent. */
export function normalizeInput(input: unknown): NormalizedInput {
  const parts: unknown[] = typeof input === 'string' ? [input] : Array.isArray(input) ? input : [];
  if (typeof input !== 'string' && !Array.isArray(input)) {
    throw new UsageError('A message is text or an array of parts (text, content blocks, Files or Blobs)');
  }
  const content: Content[] = [];
  const files: Blob[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      if (part !== '') content.push({ type: 'text', text: part });
    } else if (isBlob(part)) {
      files.push(part);
    } else if (isContent(part)) {
      content.push(part);
    } else {
      throw new UsageError(`Cannot send this part: ${describe(part)}`);
    }
  }
  if (content.length === 0 && files.length === 0) throw new UsageError('Cannot send an empty message');
  return { content, files };
}

/** The text parts joined: what a UI shows as the message. */
export function textOfContent(content: readonly Content[]): string {
  return content
    .filter((item) => item.type === 'text')
    .map((item) => (item as { text: string }).text)
    .join('\n');
}

/** Blob by shape as well as by class: a File from another realm (an iframe, jsdom) is still a Blob. */
export function isBlob(value: unknown): value is Blob {
  if (typeof Blob !== 'undefined' && value instanceof Blob) return true;
  const candidate = value as Partial<Blob> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.size === 'number' &&
    typeof candidate.type === 'string' &&
    typeof candidate.slice === 'function'
  );
}

function isContent(value: unknown): value is Content {
  const type = (value as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !CONTENT_TYPES.has(type)) return false;
  return type !== 'text' || typeof (value as { text?: unknown }).text === 'string';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' ? `a "${type}" part` : 'an object without a content type';
}
