import { forbidden } from '../errors.js';
import type { IncomingRequest } from '../incoming.js';

export type AllowedOrigins = readonly string[] | '*';

/**
 * Browsers label every request with where it comes from; a page on another site must not be able to spend
 * the server's key through a user's browser. Requests without these headers are not from a browser page
 * (the SDK on a server, curl) and cannot be forged by one, so they pass; the other policies still apply.
 * Returns the origin to answer CORS for when the request is an allowed cross-origin one.
 */
export function checkOrigin(
  request: IncomingRequest,
  ownHost: string,
  allowed: AllowedOrigins,
): string | undefined {
  if (allowed === '*') return request.headers.get('origin') ?? undefined;
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  const listed = origin !== null && allowed.includes(origin);
  if (site === 'same-origin' || site === 'none') return undefined;
  if (site !== null) {
    // 'same-site' (a sibling subdomain) and 'cross-site' must be listed explicitly.
    if (listed) return origin;
    throw forbidden('Cross-origin requests to this route are not allowed.');
  }
  if (origin === null) return undefined;
  if (listed) return origin;
  if (hostOf(origin) === ownHost.toLowerCase()) return undefined;
  throw forbidden('Cross-origin requests to this route are not allowed.');
}

/** The host:port of an origin; scheme aside on purpose, as TLS is often ended by a proxy in front. */
function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}
