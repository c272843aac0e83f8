import type { IncomingRequest, RouteReply } from '../incoming.js';

/** What a cross-origin page may read from our responses besides the CORS-safelisted headers. */
const EXPOSED_HEADERS = [
  'retry-after',
  'x-goog-upload-url',
  'x-goog-upload-status',
  'x-goog-upload-chunk-granularity',
  'x-goog-upload-size-received',
].join(', ');

/** Answers a preflight: only ever reached for an origin `checkOrigin` allowed (or same-origin / no browser). */
export function preflightResponse(request: IncomingRequest, origin: string | undefined): Response {
  const headers = new Headers({ allow: 'GET, POST, DELETE, OPTIONS' });
  if (origin) {
    headers.set('access-control-allow-methods', 'GET, POST, DELETE');
    // Anything the page asks to send may be sent: the route forwards only the headers it knows anyway.
    headers.set('access-control-allow-headers', request.headers.get('access-control-request-headers') ?? '');
    headers.set('access-control-max-age', '600');
  }
  return withCors(new Response(null, { status: 204, headers }), origin);
}

/** Lets an allowed cross-origin page read the response. */
export function withCors<R extends RouteReply>(response: R, origin: string | undefined): R | Response {
  if (!origin) return response;
  const cors = {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': EXPOSED_HEADERS,
    vary: 'Origin',
  };
  if (!(response instanceof Response)) {
    Object.assign(response.headers, cors);
    return response;
  }
  try {
    for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
    return response;
  } catch {
    // Headers of a response made by fetch (or by the app's `authorize`) may be immutable: copy it.
    const copy = new Response(response.body, response);
    for (const [name, value] of Object.entries(cors)) copy.headers.set(name, value);
    return copy;
  }
}
