import type * as Http from 'node:http';
import type * as Https from 'node:https';
import type { Readable } from 'node:stream';
import type * as Zlib from 'node:zlib';
import { webStreamOf } from './node-body.js';
import { RawHeaders } from './raw-headers.js';
import type { UpstreamCaller, UpstreamInit, UpstreamResponse } from './upstream.js';

/**
 * The network upstream called with node:http(s) and keep-alive agents instead of `fetch`, on Node.
 *
 * Why: the route sits on the path to every stream's first byte, and on Node 20 a `fetch` (undici's WHATWG
 * layer: Request and Response objects, a Web stream for the request body, webidl checks) costs the calling
 * process about three times the CPU of the same request made with node:http — some 0.3 ms more per call
 * on the benchmark machine, on the route's first-byte path and on every stream it starts under load.
 *
 * What stays as with `fetch`: the answer's status, headers and a Web stream body (that pauses the socket
 * when nobody reads, and whose cancel closes the request), the abort (abort.ts) ending the request at any
 * point, a failure to connect rejecting. What differs, on purpose: redirects are not followed (the API never
 * redirects, and a redirect must not carry the key elsewhere), and the body is asked for unencoded
 * (`identity`), which saves the route inflating it; an encoded body is still decoded, as fetch would.
 *
 * The modules are taken with process.getBuiltinModule (Node ≥ 20.16), not imported, so that edge bundles of
 * the route never see a node: import; elsewhere (older Node, Bun, Deno, workers) the route uses `fetch`.
 */
export function nodeUpstreamCaller(): UpstreamCaller | undefined {
  const modules = nodeModules();
  if (!modules) return undefined;
  const { http, https, stream, zlib } = modules;
  // One pool per route: connections to the upstream are reused across requests (keep-alive), each new one
  // costing a TCP (and for Google, TLS) handshake on some client's first byte. An idle connection is closed
  // after IDLE_KEEP_ALIVE_MS, or a second before the server's `Keep-Alive: timeout` if that comes first (the
  // agent reads that hint only when it has a `timeout` of its own); a connection the server closes while a
  // request goes out on it fails that request, so the client must be the one to close first.
  const pool = { keepAlive: true, timeout: IDLE_KEEP_ALIVE_MS };
  const agents = { 'http:': new http.Agent(pool), 'https:': new https.Agent(pool) };

  return (url, init) =>
    new Promise<UpstreamResponse>((resolve, reject) => {
      const { abort } = init;
      if (abort.aborted) {
        reject(abort.reason);
        return;
      }
      const target = targetOf(url);
      const client = target.protocol === 'https:' ? https : http;
      const request = client.request({
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        path: target.path,
        method: init.method,
        headers: headerList(target, init),
        agent: agents[target.protocol],
        // As undici's fetch does: a connection silent this long is given up.
        timeout: IDLE_TIMEOUT_MS,
      });
      request.on(
        'close',
        abort.onAbort((reason) => request.destroy(reason as Error)),
      );
      request.on('timeout', () =>
        request.destroy(new Error(`No answer from the upstream in ${IDLE_TIMEOUT_MS} ms.`)),
      );
      request.on('error', reject);
      request.on('response', (response) => {
        try {
          resolve(toUpstreamResponse(response, stream, zlib));
        } catch (error) {
          response.destroy();
          reject(error);
        }
      });
      sendBody(request, init.body, stream).catch((error: unknown) => request.destroy(error as Error));
    });
}

interface Target {
  protocol: 'http:' | 'https:';
  hostname: string;
  port: string;
  /** The Host header: as the URL has it (an IPv6 address in brackets, a default port left out). */
  host: string;
  /** Path and query. */
  path: string;
}

/**
 * Where a request goes, as node:http's options. The route calls one origin over and over: that is parsed
 * once (a URL made and handed to node:http for every request cost a cold request a tenth of the time it
 * spends in the route before the upstream call), the path taken from the string as it is.
 */
const origins = new Map<string, Omit<Target, 'path'>>();
function targetOf(url: string): Target {
  const pathStart = url.indexOf('/', url.indexOf('//') + 2);
  const origin = pathStart === -1 ? url : url.slice(0, pathStart);
  let parsed = origins.get(origin);
  if (!parsed) {
    const { protocol, hostname, port, host } = new URL(origin);
    if (protocol !== 'http:' && protocol !== 'https:') throw new TypeError(`Not an http(s) URL: ${origin}`);
    // node:http wants an IPv6 address without its brackets.
    parsed = { protocol, hostname: hostname.replace(/^\[(.*)\]$/, '$1'), port, host };
    if (origins.size > 100) origins.clear();
    origins.set(origin, parsed);
  }
  return { ...parsed, path: pathStart === -1 ? '/' : url.slice(pathStart) };
}

/** As undici's default `keepAliveTimeout` (what `fetch` did). */
const IDLE_KEEP_ALIVE_MS = 4_000;

/** undici's default `headersTimeout` and `bodyTimeout`, which `fetch` applies. */
const IDLE_TIMEOUT_MS = 300_000;

/** node:stream as process.getBuiltinModule hands it out. */
type StreamModule = typeof import('node:stream');

interface NodeModules {
  http: typeof Http;
  https: typeof Https;
  stream: StreamModule;
  zlib: typeof Zlib;
}

function nodeModules(): NodeModules | undefined {
  const runtime = globalThis as {
    process?: { versions?: { bun?: string }; getBuiltinModule?: NodeJS.Process['getBuiltinModule'] };
    Deno?: unknown;
  };
  const get = runtime.process?.getBuiltinModule;
  // Bun and Deno offer node:http too, over their own fetch: there, fetch itself is the shorter way.
  if (typeof get !== 'function' || runtime.process?.versions?.bun || runtime.Deno) return undefined;
  return {
    http: get('node:http'),
    https: get('node:https'),
    stream: get('node:stream'),
    zlib: get('node:zlib'),
  };
}

/**
 * The request's headers as one flat list, which node:http writes out as they are: given as a record, each
 * would be validated and stored one by one (`setHeader`), then looked up again for `host` and `expect`. Names
 * come in lower case (see forward.ts); the body is asked for unencoded (see above), and a body in hand has
 * its length here. A streamed body (an upload) is sent chunked, as node:http does without a length.
 */
function headerList(target: Target, init: UpstreamInit): string[] {
  const list = ['host', target.host, 'accept-encoding', 'identity'];
  for (const name in init.headers) {
    if (
      name !== 'host' &&
      name !== 'accept-encoding' &&
      name !== 'content-length' &&
      name !== 'transfer-encoding'
    )
      list.push(name, init.headers[name] as string);
  }
  const { body } = init;
  if (body === null) {
    if (init.method !== 'GET' && init.method !== 'HEAD' && init.method !== 'DELETE')
      list.push('content-length', '0');
  } else if (typeof body === 'string' || body instanceof Uint8Array)
    list.push('content-length', String(Buffer.byteLength(body)));
  else list.push('transfer-encoding', 'chunked');
  return list;
}

async function sendBody(
  request: Http.ClientRequest,
  body: BodyInit | null,
  stream: StreamModule,
): Promise<void> {
  if (body === null) {
    request.end();
    return;
  }
  if (typeof body === 'string' || body instanceof Uint8Array) {
    request.end(body);
    return;
  }
  if (body instanceof ReadableStream) {
    // An upload passing through as it arrives: written as fast as the upstream takes it. A body that
    // fails (a limit the route enforces) destroys the request, so the upstream sees it broken.
    await stream.promises.pipeline(stream.Readable.fromWeb(body as never), request);
    return;
  }
  throw new TypeError('The route only sends strings, bytes and streams upstream.');
}

function toUpstreamResponse(
  response: Http.IncomingMessage,
  stream: StreamModule,
  zlib: typeof Zlib,
): UpstreamResponse {
  const status = response.statusCode ?? 502;
  const headers = new RawHeaders(response.rawHeaders);
  const ok = status >= 200 && status < 300;
  if (NULL_BODY_STATUSES.has(status)) {
    response.resume();
    return { ok, status, headers, body: null, text: async () => '' };
  }
  const decoded = decode(response, headers.get('content-encoding'), stream, zlib);
  // The Web stream is made only when asked for: a stream relayed to a Node response never needs one.
  let body: ReadableStream<Uint8Array> | null | undefined;
  return {
    ok,
    status,
    headers,
    get body() {
      // Paused while nobody reads; a cancel destroys the request.
      if (body === undefined) body = webStreamOf(decoded);
      return body;
    },
    takeNodeBody() {
      if (body !== undefined) return undefined;
      body = null;
      return decoded;
    },
    // A Response is made only when the route reads a body whole (small JSON answers), not for streams.
    text() {
      return new Response(this.body).text();
    },
  };
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function decode(
  response: Http.IncomingMessage,
  encoding: string | null,
  stream: StreamModule,
  zlib: typeof Zlib,
): Readable {
  const coding = encoding?.trim().toLowerCase();
  const decoder =
    coding === 'gzip' || coding === 'x-gzip'
      ? zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH })
      : coding === 'deflate'
        ? zlib.createInflate({ flush: zlib.constants.Z_SYNC_FLUSH })
        : coding === 'br'
          ? zlib.createBrotliDecompress({ flush: zlib.constants.BROTLI_OPERATION_FLUSH })
          : undefined;
  if (!decoder) return response;
  // A failure on either side ends both, and the Web stream over the decoder errors.
  stream.pipeline(response, decoder, () => {});
  return decoder;
}
