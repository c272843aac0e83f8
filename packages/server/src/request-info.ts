import type { IncomingRequest } from './incoming.js';

/** The parts of the request's URL read here (a `URL` is one). */
interface Addressed {
  readonly host: string;
  readonly protocol: string;
}

/**
 * Facts about the client's request that depend on whether a proxy in front may be trusted. Without
 * `trustProxy`, forwarded headers are ignored: any client could send them.
 */

/** The `host[:port]` the client addressed, for comparing with `Origin`. */
export function ownHost(request: IncomingRequest, url: Addressed, trustProxy: boolean): string {
  const forwarded = trustProxy ? lastListed(request.headers.get('x-forwarded-host')) : undefined;
  return forwarded && HOST.test(forwarded) ? forwarded : url.host;
}

/** A bare host with an optional port: nothing that could change the shape of a URL built with it. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** `scheme://host[:port]` as the client sees this server, for URLs handed back to it (the upload URL). */
export function publicOrigin(request: IncomingRequest, url: Addressed, trustProxy: boolean): string {
  const proto = trustProxy ? lastListed(request.headers.get('x-forwarded-proto')) : undefined;
  const scheme = proto === 'https' || proto === 'http' ? `${proto}:` : url.protocol;
  return `${scheme}//${ownHost(request, url, trustProxy)}`;
}

/** The client's address: the one the nearest proxy appended to X-Forwarded-For, else the adapter's. */
export function clientAddress(
  request: IncomingRequest,
  context: unknown,
  trustProxy: boolean,
): string | undefined {
  const forwarded = trustProxy ? lastListed(request.headers.get('x-forwarded-for')) : undefined;
  if (forwarded) return forwarded;
  const given = (context as { clientAddress?: unknown } | undefined)?.clientAddress;
  return typeof given === 'string' && given !== '' ? given : undefined;
}

function lastListed(value: string | null): string | undefined {
  const last = value?.split(',').at(-1)?.trim();
  return last || undefined;
}
