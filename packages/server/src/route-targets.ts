import { badRequest, notFound, RouteError } from './errors.js';
import { isUnderBasePath, matchRoute, type RouteMatch } from './paths.js';

/** What the route reads of a request's URL. Never changed once made: one may serve many requests. */
export interface RequestTarget {
  /** `host[:port]` as the client addressed it. */
  readonly host: string;
  /** `http:` or `https:`. */
  readonly protocol: string;
  /** The call the method and path name, or why there is none (a 404, a 405). */
  readonly match: RouteMatch | RouteError;
}

/** How many request URLs are kept; past it the oldest goes. */
const KEPT = 64;

/** Longer URLs are matched every time, not kept: the API's own are far shorter, and 64 of these stay small. */
const LONGEST_KEPT = 2_048;

/**
 * Request URLs, parsed and matched once per method and URL, kept for the ones that come again: every turn of
 * every chat is a POST to the same URL, and a URL parse and a route match made anew cost a call at rest some
 * 30 µs of its first byte on the benchmark machine (code not run since the last request runs slowly). Only
 * matches are kept: URLs with ids in them (a read, a cancel) and a client's random URLs pass through once
 * each and push out the oldest, so the cache never holds more than `KEPT` URLs of at most `LONGEST_KEPT`
 * characters, and never answers differently from a fresh parse.
 */
export class RequestTargets {
  private readonly known = new Map<string, RequestTarget>();

  constructor(private readonly basePath: string) {}

  /** How many targets are kept now (never more than 64). */
  get size(): number {
    return this.known.size;
  }

  /**
   * The request's target: a 400 for a URL that does not parse, a 404 (thrown) for one outside the base
   * path; a path inside it that names no call comes back as its error in `match`, for the caller to throw
   * once it has answered CORS.
   */
  resolve(method: string, href: string): RequestTarget {
    const key = `${method} ${href}`;
    const kept = this.known.get(key);
    if (kept) return kept;
    const url = parseUrl(href);
    if (!isUnderBasePath(url.pathname, this.basePath)) throw notFound();
    const match = matchRoute(method, url, this.basePath);
    const target: RequestTarget = Object.freeze({
      host: url.host,
      protocol: url.protocol,
      match: match instanceof RouteError ? match : Object.freeze(match),
    });
    if (!(target.match instanceof RouteError) && key.length <= LONGEST_KEPT) {
      if (this.known.size >= KEPT) this.known.delete(this.known.keys().next().value as string);
      this.known.set(key, target);
    }
    return target;
  }
}

function parseUrl(value: string): URL {
  try {
    return new URL(value);
  } catch {
    throw badRequest('The request URL is not valid.');
  }
}
