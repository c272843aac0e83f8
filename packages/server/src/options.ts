import { consoleLogger, type RouteLogger, silentLogger } from './log.js';
import { normalizeBasePath } from './paths.js';
import { DEFAULT_ALLOWED_MODELS, type ModelAllowlist } from './policy/models.js';
import type { AllowedOrigins } from './policy/origin.js';
import { createMemoryStore } from './stores/memory.js';
import type { BucketSpec, RouteStore } from './stores/types.js';
import type { UpstreamFetch } from './upstream.js';

/** What `authorize` may answer: refuse (`false` or your own `Response`), allow, or allow as a named user. */
export type AuthorizeResult = boolean | Response | { user?: string } | null | undefined;

export interface ClientInfo {
  /** The user `authorize` named, if any. */
  user?: string;
  /** The peer address, when the adapter knows it (`toNodeHandler` does), or X-Forwarded-For with `trustProxy`. */
  clientAddress?: string;
}

export interface GeminiRouteOptions {
  /** Where the route is mounted; requests outside it get 404. Default `/api/gemini`. */
  basePath?: string;
  /** The Gemini API key. Default `process.env.GEMINI_API_KEY`. Without any, the embedded emulator answers. */
  apiKey?: string;
  /**
   * Another upstream than Google's: a base URL (a corporate proxy, a test server; used with the key when one
   * is set), or anything with a Web-standard `fetch(request)` such as an `@gemkit/emulator` instance.
   */
  upstream?: string | URL | { fetch: UpstreamFetch };
  /** A `fetch`-style upstream called in-process (tests, edge runtimes). Takes precedence over `upstream`. */
  upstreamFetch?: UpstreamFetch;

  /** Models a client may use; `'*'` allows any. Default: a short list of current Gemini text models. */
  allowedModels?: ModelAllowlist;
  /** Agents a client may use (`agent` instead of `model`). Default: none. */
  allowedAgents?: ModelAllowlist;
  /** Refuse requests asking for more output tokens than this, and send it when a request leaves it out. */
  maxOutputTokens?: number;
  /** Largest JSON body accepted. Default 4 MiB (inline images are base64 in JSON). */
  maxJsonBytes?: number;
  /** Largest file upload accepted (declared size, and bytes per upload request). Default 100 MiB. */
  maxUploadBytes?: number;
  /** Time a client has to send a JSON body. Default 10 s. */
  bodyTimeoutMs?: number;
  /** Time a client has to send one upload request's bytes. Default 5 min. */
  uploadTimeoutMs?: number;

  /** Per-client token bucket: `capacity` requests at once, refilled at `refillPerMinute`. `false` turns it off. */
  rateLimit?: false | { capacity?: number; refillPerMinute?: number };
  /** The rate-limit key of a request. Default: the user from `authorize`, else the client address. */
  identify?: (request: Request, client: ClientInfo) => string | undefined | Promise<string | undefined>;
  /** Your own auth. Return `{ user }` to turn on the ownership guard for that request's user. */
  authorize?: (request: Request) => AuthorizeResult | Promise<AuthorizeResult>;
  /** Where buckets and ownership records live. Default: `createMemoryStore()` (this process only). */
  store?: RouteStore;
  /** How long ownership of an interaction is remembered. Default 30 days (files: 48 h, as the Files API keeps them). */
  interactionOwnershipTtlMs?: number;

  /** Origins allowed to call the route from a browser besides its own. `'*'` allows every site (not advised). */
  allowedOrigins?: AllowedOrigins;
  /** Trust `X-Forwarded-For` / `X-Forwarded-Host` from a proxy in front (the last hop it appended). */
  trustProxy?: boolean;
  /** Extra request headers to pass upstream (lower case), e.g. `x-emulator-pacing` in tests. */
  forwardHeaders?: readonly string[];
  /** Where to log. Default `console`; `false` for silence. */
  logger?: RouteLogger | false;
}

export interface ResolvedOptions {
  basePath: string;
  allowedModels: ModelAllowlist;
  allowedAgents: ModelAllowlist;
  maxOutputTokens: number | undefined;
  json: { maxBytes: number; timeoutMs: number };
  upload: { maxBytes: number; timeoutMs: number };
  bucket: BucketSpec | undefined;
  identify: GeminiRouteOptions['identify'];
  authorize: GeminiRouteOptions['authorize'];
  store: RouteStore;
  interactionOwnershipTtlMs: number;
  allowedOrigins: AllowedOrigins;
  trustProxy: boolean;
  forwardHeaders: readonly string[];
  logger: RouteLogger;
}

const MiB = 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Headers that carry credentials or routing: never forwarded, whatever `forwardHeaders` says. */
const NEVER_FORWARDED = new Set(['x-goog-api-key', 'authorization', 'cookie', 'host', 'proxy-authorization']);

export function resolveOptions(options: GeminiRouteOptions): ResolvedOptions {
  const rateLimit = options.rateLimit ?? {};
  const forwardHeaders = (options.forwardHeaders ?? []).map((name) => name.toLowerCase());
  for (const name of forwardHeaders) {
    if (NEVER_FORWARDED.has(name)) throw new TypeError(`forwardHeaders may not include ${name}`);
  }
  return {
    basePath: normalizeBasePath(options.basePath ?? '/api/gemini'),
    allowedModels: options.allowedModels ?? DEFAULT_ALLOWED_MODELS,
    allowedAgents: options.allowedAgents ?? [],
    maxOutputTokens: positive('maxOutputTokens', options.maxOutputTokens, undefined),
    json: {
      maxBytes: positive('maxJsonBytes', options.maxJsonBytes, 4 * MiB),
      timeoutMs: positive('bodyTimeoutMs', options.bodyTimeoutMs, 10_000),
    },
    upload: {
      maxBytes: positive('maxUploadBytes', options.maxUploadBytes, 100 * MiB),
      timeoutMs: positive('uploadTimeoutMs', options.uploadTimeoutMs, 5 * 60_000),
    },
    bucket:
      rateLimit === false
        ? undefined
        : {
            capacity: positive('rateLimit.capacity', rateLimit.capacity, 20),
            refillPerSecond: positive('rateLimit.refillPerMinute', rateLimit.refillPerMinute, 30) / 60,
          },
    identify: options.identify,
    authorize: options.authorize,
    store: options.store ?? createMemoryStore(),
    interactionOwnershipTtlMs: positive(
      'interactionOwnershipTtlMs',
      options.interactionOwnershipTtlMs,
      30 * DAY_MS,
    ),
    allowedOrigins: options.allowedOrigins ?? [],
    trustProxy: options.trustProxy ?? false,
    forwardHeaders,
    logger: options.logger === false ? silentLogger : (options.logger ?? consoleLogger),
  };
}

function positive<T extends number | undefined>(
  name: string,
  value: number | undefined,
  fallback: T,
): number | T {
  if (value === undefined) return fallback;
  if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
    throw new TypeError(`${name} must be a positive number, got ${String(value)}`);
  }
  return value;
}
