import { concatBytes } from '../util/bytes.js';
import { badRequest, EmulatorApiError } from './errors.js';

function tooLarge(limit: number): EmulatorApiError {
  return new EmulatorApiError(413, `Request payload size exceeds the limit: ${limit} bytes.`);
}

/**
 * Reads a request body into memory, refusing (413) as soon as it grows past `limit` so an oversized
 * upload is never buffered whole.
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return concatBytes(chunks, total);
}

/** Parses a JSON request body the way the API does: it must be valid UTF-8 holding one JSON object. */
export function parseJsonObject(bytes: Uint8Array): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('Invalid JSON payload received. The body is not valid UTF-8.');
  }
  if (text.trim() === '') throw badRequest('Invalid JSON payload received. The request body is empty.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw badRequest(`Invalid JSON payload received. ${detail}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('Invalid JSON payload received. Expected a JSON object at the top level.');
  }
  return value as Record<string, unknown>;
}

/** Best-effort parse for the request log: JSON bodies are shown parsed, anything else by its size. */
export function describeBody(bytes: Uint8Array): unknown {
  if (bytes.byteLength === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { bytes: bytes.byteLength };
  }
}
