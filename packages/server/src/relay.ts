import { PRIVATE_RESPONSE_HEADERS } from './errors.js';
import { redact } from './log.js';
import type { UpstreamResponse } from './upstream.js';

/**
 * Response headers that reach the client. Not `content-length`/`content-encoding`: fetch has already
 * decoded the body, and the length of what is relayed is the runtime's business. Not `set-cookie` or
 * anything else the upstream might say about itself. `x-goog-upload-url` is rewritten, not copied.
 */
const RETURNED_RESPONSE_HEADERS = [
  'content-type',
  'retry-after',
  'x-goog-upload-status',
  'x-goog-upload-chunk-granularity',
  'x-goog-upload-size-received',
];

/** Error bodies are small; one larger than this is cut rather than held in memory. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

export function isEventStream(response: UpstreamResponse): boolean {
  return (response.headers.get('content-type') ?? '').toLowerCase().startsWith('text/event-stream');
}

/**
 * The headers of a relayed answer, names in lower case: a plain record, which a `Response` takes and a Node
 * response is given as it is (see `NodeReply`), with no `Headers` validated and sorted on the way.
 */
export function responseHeaders(
  upstream: UpstreamResponse,
  extra: Record<string, string> = {},
): Record<string, string> {
  const headers: Record<string, string> = { ...PRIVATE_RESPONSE_HEADERS };
  for (const name of RETURNED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  if (isEventStream(upstream)) {
    // Keep proxies (nginx, some CDNs) from holding events back or compressing them into batches.
    headers['cache-control'] = 'no-cache, no-transform';
    headers['x-accel-buffering'] = 'no';
  }
  for (const [name, value] of Object.entries(extra)) headers[name.toLowerCase()] = value;
  return headers;
}

/**
 * An upstream error, read whole (it is small) so that nothing secret can ride along: the key is removed
 * if the upstream ever echoed it.
 */
export async function relayError(
  upstream: UpstreamResponse,
  secrets: readonly (string | undefined)[],
): Promise<Response> {
  const text = await readCapped(upstream, MAX_ERROR_BODY_BYTES);
  return new Response(redact(text, secrets), { status: upstream.status, headers: responseHeaders(upstream) });
}

async function readCapped(response: UpstreamResponse, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    text += decoder.decode(value, { stream: true });
    if (bytes >= maxBytes) {
      await reader.cancel().catch(() => {});
      break;
    }
  }
  return text + decoder.decode();
}

export interface RelayHooks {
  /**
   * Sees each chunk before the client does, until it returns true. Awaited, so it can record what it found
   * (an interaction id) before the client can act on it.
   */
  inspect?: (chunk: Uint8Array) => boolean | Promise<boolean>;
  /** Aborts the upstream request: called when the client stops reading. */
  abortUpstream: () => void;
  /** Called once, however the relay ends. */
  done: () => void;
}

/**
 * The upstream body, passed on chunk by chunk as it arrives: not buffered, not re-encoded, pulled only as
 * fast as the client reads (highWaterMark 0), and the upstream request is aborted when the client goes away.
 */
export function relayBody(source: ReadableStream<Uint8Array>, hooks: RelayHooks): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let inspect = hooks.inspect;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    hooks.done();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            finish();
            controller.close();
            return;
          }
          if (inspect && (await inspect(value))) inspect = undefined;
          controller.enqueue(value);
        } catch (error) {
          hooks.abortUpstream();
          finish();
          controller.error(error);
        }
      },
      async cancel(reason) {
        hooks.abortUpstream();
        finish();
        await reader.cancel(reason).catch(() => {});
      },
    },
    { highWaterMark: 0 },
  );
}
