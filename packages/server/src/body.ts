import {
  badRequest,
  payloadTooLarge,
  type RouteError,
  requestTimeout,
  unsupportedMediaType,
} from './errors.js';
import type { IncomingRequest } from './incoming.js';
import { readWhole } from './node-body.js';
import { NodeIncoming } from './node-incoming.js';

export interface BodyLimits {
  maxBytes: number;
  /** The whole body must arrive within this time (a slow-loris client holds a connection open for free). */
  timeoutMs: number;
}

/** Refuses early, on the declared length alone, what could never fit. */
export function checkDeclaredLength(request: IncomingRequest, maxBytes: number): void {
  const declared = Number(request.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
}

/**
 * Reads the whole body into memory under a size and a time limit. It reads the body's own stream (no
 * `limitBody` wrapper): this is on every create's path to the first byte, and a Web stream more per
 * request costs more than the few lines it saves.
 */
export async function readBodyBytes(
  request: IncomingRequest,
  limits: BodyLimits,
): Promise<Uint8Array<ArrayBuffer>> {
  checkDeclaredLength(request, limits.maxBytes);
  const source = request instanceof NodeIncoming ? request.takeNodeBody() : undefined;
  if (source) {
    // From node:http, read from the Node stream itself: no Web stream, no promise per chunk.
    const read = await readWhole(source, limits);
    if (read === 'too-large') throw tooLarge(limits.maxBytes);
    if (read === 'too-slow') throw slow(limits.timeoutMs);
    if (read === 'broken') throw badRequest('The request body could not be read.');
    return read;
  }
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  let late = false;
  const timer = setTimeout(() => {
    late = true;
    reader.cancel().catch(() => {});
  }, limits.timeoutMs);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch {
        throw late ? slow(limits.timeoutMs) : badRequest('The request body could not be read.');
      }
      // A cancelled reader reads as done: a body cut short by the timer is late, not complete.
      if (late) throw slow(limits.timeoutMs);
      if (result.done) return concat(chunks, total);
      total += result.value.byteLength;
      if (total > limits.maxBytes) {
        reader.cancel().catch(() => {});
        throw tooLarge(limits.maxBytes);
      }
      chunks.push(result.value);
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The body as a stream that errors with a 413 past `maxBytes` and with a 408 past `timeoutMs`, for bodies
 * that are passed on to the upstream as they arrive (file uploads) instead of being held in memory.
 * `failure()` tells afterwards which limit, if any, stopped it: the upstream only sees a broken body.
 */
export function limitBody(
  body: ReadableStream<Uint8Array>,
  { maxBytes, timeoutMs }: BodyLimits,
): ReadableStream<Uint8Array> & { failure(): RouteError | undefined } {
  const reader = body.getReader();
  let total = 0;
  let failure: RouteError | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = (error: RouteError, controller: ReadableStreamDefaultController<Uint8Array>) => {
    failure ??= error;
    clearTimeout(timer);
    controller.error(error);
    reader.cancel(error).catch(() => {});
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        timer = setTimeout(() => stop(slow(timeoutMs), controller), timeoutMs);
      },
      async pull(controller) {
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await reader.read();
        } catch {
          if (!failure) stop(badRequest('The request body could not be read.'), controller);
          return;
        }
        if (failure) return;
        if (result.done) {
          clearTimeout(timer);
          controller.close();
          return;
        }
        total += result.value.byteLength;
        if (total > maxBytes) return stop(tooLarge(maxBytes), controller);
        controller.enqueue(result.value);
      },
      cancel(reason) {
        clearTimeout(timer);
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return Object.assign(stream, { failure: () => failure });
}

export interface JsonBody {
  value: Record<string, unknown>;
  /** The bytes as received, forwarded as they are when the route has nothing to change. */
  bytes: Uint8Array<ArrayBuffer>;
}

/** Reads a JSON object body; anything else is the client's mistake and gets a 4xx, never a crash. */
export async function readJsonObject(request: IncomingRequest, limits: BodyLimits): Promise<JsonBody> {
  const body = await readOptionalJsonObject(request, limits);
  if (!body) throw badRequest('The request body must be a JSON object.');
  return body;
}

/** As `readJsonObject`, for calls whose body may be left out (cancel, the upload start). */
export async function readOptionalJsonObject(
  request: IncomingRequest,
  limits: BodyLimits,
): Promise<JsonBody | undefined> {
  const bytes = await readBodyBytes(request, limits);
  if (bytes.byteLength === 0) return undefined;
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw unsupportedMediaType('The request body must be sent as application/json.');
  }
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('The request body must be a JSON object.');
  }
  return { value: value as Record<string, unknown>, bytes };
}

/** Stateless between calls (no `stream` option), so one serves every request. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

function isJsonContentType(value: string | null): boolean {
  const type = value?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

function slow(timeoutMs: number): RouteError {
  return requestTimeout(`The request body did not arrive within ${timeoutMs} ms.`);
}

function tooLarge(maxBytes: number): RouteError {
  return payloadTooLarge(`The request body is larger than the ${maxBytes} bytes this server accepts.`);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  // Stream chunks are backed by plain ArrayBuffers (never shared memory): one chunk is used as it is.
  if (chunks.length === 1 && chunks[0]) return chunks[0] as Uint8Array<ArrayBuffer>;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
