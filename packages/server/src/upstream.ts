import type { Readable } from 'node:stream';
import type { Abort } from './abort.js';
import type { RouteLogger } from './log.js';
import type { HeaderReader } from './raw-headers.js';
import { nodeUpstreamCaller } from './upstream-node.js';

export type UpstreamFetch = (request: Request) => Promise<Response>;

/**
 * How the route calls its upstream: with a URL and init, much as `fetch` is called. A network upstream on
 * another runtime hands them to `fetch` as they are; building a `Request` first would cost a second Request
 * construction inside fetch and, for a body, an identity TransformStream piping it (undici's "proxy" of a
 * Request's body).
 */
export type UpstreamCaller = (url: string, init: UpstreamInit) => Promise<UpstreamResponse>;

/** What the route sends: headers with names in lower case, and an `Abort` where fetch takes a signal. */
export interface UpstreamInit {
  method: string;
  headers: Record<string, string>;
  body: BodyInit | null;
  abort: Abort;
}

/** The init as `fetch` and `Request` take it. */
function toRequestInit(init: UpstreamInit): RequestInit & { duplex?: 'half' } {
  const request: RequestInit & { duplex?: 'half' } = {
    method: init.method,
    headers: init.headers,
    signal: init.abort.signal,
  };
  if (init.body !== null) {
    request.body = init.body;
    // Needed by fetch for a streamed request body (uploads pass through as they arrive).
    request.duplex = 'half';
  }
  return request;
}

/**
 * What the route reads of the upstream's answer. A fetch `Response` is one; the Node caller answers with a
 * plain object instead, sparing a Response construction on every call's path to its first byte.
 */
export interface UpstreamResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: HeaderReader;
  readonly body: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
  /**
   * The body as the Node stream it arrives on, to be piped to a Node response as it is (see node.ts):
   * given once, and only while `body` has not been asked for. Only the Node caller has one.
   */
  takeNodeBody?(): Readable | undefined;
}

export interface Upstream {
  /** Origin plus optional path prefix, without a trailing slash; the API paths are appended to it. */
  baseUrl: string;
  fetch: UpstreamCaller;
  /** The key to send as `x-goog-api-key`; absent for the embedded emulator or a keyless `upstream`. */
  apiKey: string | undefined;
}

export const GEMINI_API_BASE_URL = 'https://generativelanguage.googleapis.com';

/** The URL an in-process upstream is addressed with; it never leaves the process. */
const IN_PROCESS_BASE_URL = 'http://upstream.gemkit.invalid';

/** The emulator fallback is announced once per process, however many routes are created. */
let saidEmulator = false;

export interface UpstreamChoice {
  apiKey?: string;
  upstream?: string | URL | { fetch: UpstreamFetch };
  upstreamFetch?: UpstreamFetch;
}

/**
 * Picks the upstream once, when the route is created: an in-process fetch, a base URL, Google's API with the
 * key, or (no key at all) the embedded emulator, created on first use so that apps with a key never load it.
 * Known upstreams are handed back as they are, not in a promise: awaiting one would cost every call a turn
 * of the microtask queue on its way to the first byte.
 */
export function chooseUpstream(
  choice: UpstreamChoice,
  logger: RouteLogger,
): () => Upstream | Promise<Upstream> {
  const apiKey = choice.apiKey || readEnv('GEMINI_API_KEY') || undefined;
  const inProcess = choice.upstreamFetch ?? (isFetchHolder(choice.upstream) ? choice.upstream : undefined);
  if (inProcess) {
    const handler: UpstreamFetch =
      typeof inProcess === 'function' ? inProcess : (request) => inProcess.fetch(request);
    return constant({ baseUrl: IN_PROCESS_BASE_URL, fetch: inProcessCaller(handler), apiKey });
  }
  if (choice.upstream !== undefined) {
    const baseUrl = normalizeBaseUrl(choice.upstream as string | URL);
    return constant({ baseUrl, fetch: networkCaller(), apiKey });
  }
  if (apiKey) {
    return constant({ baseUrl: GEMINI_API_BASE_URL, fetch: networkCaller(), apiKey });
  }
  if (!saidEmulator) {
    saidEmulator = true;
    logger.warn(
      'No GEMINI_API_KEY (nor apiKey, nor upstream) is set: answering with the embedded @gemkit/emulator, not Gemini.',
    );
  }
  let loading: Promise<Upstream> | undefined;
  let emulator: Upstream | undefined;
  return () => {
    if (emulator) return emulator;
    loading ??= import('@gemkit/emulator').then(({ createEmulator }) => {
      const instance = createEmulator({});
      emulator = {
        baseUrl: IN_PROCESS_BASE_URL,
        fetch: inProcessCaller((request) => instance.fetch(request)),
        apiKey: undefined,
      };
      return emulator;
    });
    return loading;
  };
}

/** node:http on Node (see upstream-node.ts for why), `fetch` on every other runtime. */
function networkCaller(): UpstreamCaller {
  return nodeUpstreamCaller() ?? ((url, init) => globalThis.fetch(url, toRequestInit(init)));
}

/** An in-process handler takes a Request, as `upstreamFetch` is documented to. */
function inProcessCaller(handler: UpstreamFetch): UpstreamCaller {
  return (url, init) => handler(new Request(url, toRequestInit(init)));
}

function constant(upstream: Upstream): () => Upstream {
  return () => upstream;
}

function isFetchHolder(value: unknown): value is { fetch: UpstreamFetch } {
  return typeof value === 'object' && value !== null && !(value instanceof URL) && 'fetch' in value;
}

function normalizeBaseUrl(value: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new TypeError(`upstream must be an absolute http(s) URL, got ${JSON.stringify(String(value))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`upstream must be an http(s) URL, got ${url.protocol}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new TypeError('upstream must not carry a query, a fragment or credentials (use apiKey)');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** `process.env` where there is one (Node, Bun, Deno's Node mode); edge runtimes pass `apiKey` instead. */
function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[name];
}
