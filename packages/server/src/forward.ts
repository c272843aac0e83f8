import type { Abort } from './abort.js';
import { badGateway } from './errors.js';
import type { IncomingRequest } from './incoming.js';
import type { RouteLogger } from './log.js';
import { redact } from './log.js';
import type { Upstream, UpstreamInit, UpstreamResponse } from './upstream.js';

/**
 * Request headers that reach the upstream: what the API and the resumable upload protocol read, and
 * nothing that identifies or authenticates the browser (its `x-goog-api-key`, `Authorization`, cookies).
 */
const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'content-type',
  'api-revision',
  'x-goog-api-client',
  'x-goog-upload-protocol',
  'x-goog-upload-command',
  'x-goog-upload-header-content-length',
  'x-goog-upload-header-content-type',
  'x-goog-upload-offset',
  'x-goog-upload-file-name',
];

export interface UpstreamCall {
  method: string;
  path: string;
  /** Without `?`; empty for none. */
  query: string;
  /** The client's request, for its headers. */
  request: IncomingRequest;
  body: BodyInit | null;
  /** Aborts the upstream request: the client went away. */
  abort: Abort;
  extraForwardedHeaders: readonly string[];
  /** Overrides, e.g. `content-type` for a body the route rewrote. */
  headers?: Record<string, string>;
}

export async function callUpstream(
  upstream: Upstream,
  call: UpstreamCall,
  logger: RouteLogger,
): Promise<UpstreamResponse> {
  // A plain record (names in lower case): the Node caller hands it to node:http as it is, and fetch takes one.
  const headers: Record<string, string> = {};
  const copy = (names: readonly string[]) => {
    for (const name of names) {
      const value = call.request.headers.get(name);
      if (value !== null) headers[name] = value;
    }
  };
  copy(FORWARDED_REQUEST_HEADERS);
  copy(call.extraForwardedHeaders);
  for (const [name, value] of Object.entries(call.headers ?? {})) headers[name.toLowerCase()] = value;
  if (upstream.apiKey) headers['x-goog-api-key'] = upstream.apiKey;

  const { query } = call;
  const init: UpstreamInit = { method: call.method, headers, body: call.body, abort: call.abort };
  try {
    return await upstream.fetch(`${upstream.baseUrl}${call.path}${query ? `?${query}` : ''}`, init);
  } catch (error) {
    if (call.abort.aborted) throw error;
    // The cause can hold the upstream URL and more: it goes to the operator's log (redacted), not the client.
    logger.error(redact(`Upstream request failed: ${describe(error)}`, [upstream.apiKey]));
    throw badGateway('The Gemini API could not be reached.');
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
