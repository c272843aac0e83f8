import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { Abort } from './abort.js';
import { HANDLE_INCOMING, type IncomingHandler, type RouteReply } from './incoming.js';
import { takeNodeSource } from './node-body.js';
import { NodeIncoming, type NodeRequest } from './node-incoming.js';
import { isUnderBasePath } from './paths.js';

/** Any Web-standard handler: the route, or a Hono app's `fetch`. */
export type WebHandler = ((request: Request, context?: unknown) => Response | Promise<Response>) & {
  readonly basePath?: string;
};

export type NodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

export interface NodeHandlerOptions {
  /** Build URLs with `https:` (the route only uses it for the upload URL it hands back). Default: from the socket. */
  https?: boolean;
}

/**
 * Serves a Web-standard handler from node:http, Express (`app.use(toNodeHandler(route))`) and Vite's dev
 * server (`server.middlewares.use(toNodeHandler(route))`). With a `next` (Express, Connect) requests outside
 * the route's `basePath` fall through to it. The response body is written as it arrives, respecting
 * backpressure, and a client that disconnects aborts the request's signal (and so the upstream request).
 * No node: module is loaded at run time, so importing this from an edge bundle costs nothing.
 */
export function toNodeHandler(handler: WebHandler, options: NodeHandlerOptions = {}): NodeHandler {
  return (req, res, next) => {
    const path = (req as NodeRequest).originalUrl ?? req.url ?? '/';
    if (next && handler.basePath !== undefined && !isUnderBasePath(pathOnly(path), handler.basePath)) {
      next();
      return;
    }
    serve(handler, req as NodeRequest, res, path, options).catch((error: unknown) => {
      if (next) next(error);
      else if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      } else res.destroy();
    });
  };
}

async function serve(
  handler: WebHandler,
  req: NodeRequest,
  res: ServerResponse,
  path: string,
  options: NodeHandlerOptions,
): Promise<void> {
  const disconnected = new Abort();
  res.on('close', () => {
    if (!res.writableFinished) disconnected.abort();
  });

  const secure = options.https ?? Boolean((req.socket as { encrypted?: boolean }).encrypted);
  const host = req.headers.host ?? 'localhost';
  const url = `${secure ? 'https' : 'http'}://${host}${path.startsWith('/') ? path : `/${path}`}`;
  const incoming = new NodeIncoming(req, url, disconnected);
  const context = { clientAddress: req.socket.remoteAddress };
  // The route reads the Node request as it is (see incoming.ts); any other handler gets a Web Request.
  const handleIncoming = (handler as { [HANDLE_INCOMING]?: IncomingHandler })[HANDLE_INCOMING];
  let response: RouteReply;
  if (handleIncoming) response = await handleIncoming(incoming, context);
  else {
    let request: Request;
    try {
      request = incoming.toRequest();
    } catch {
      // A Host header or path that does not make a URL: nothing the handler could serve.
      res.statusCode = 400;
      res.end();
      return;
    }
    response = await handler(request, context);
  }
  // Answered before the body was read (a 413, a 408): do not keep reading a body nobody wants.
  const bodyUnread = !req.complete && !req.readableEnded;
  if (response instanceof Response) {
    res.statusCode = response.status;
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') res.setHeader(name, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) res.setHeader('set-cookie', cookies);
    if (bodyUnread) res.setHeader('connection', 'close');
  } else {
    // One flat list, which node:http checks and writes out as it is: `setHeader` would first store each
    // header in a map of its own, to be read back when the headers are written.
    const list: string[] = [];
    for (const name in response.headers) list.push(name, response.headers[name] as string);
    if (bodyUnread) list.push('connection', 'close');
    res.writeHead(response.status, list);
  }
  if (bodyUnread) res.on('finish', () => req.destroy());
  await writeBody(response, res, disconnected);
}

/**
 * How long a stream's headers wait for its first event, to leave in one write with it. Upstreams write
 * the first event right after the headers (the emulator and Gemini both do); sent together they cost the
 * route one socket write and the client one wake-up less before its first byte. Past this, the headers go
 * alone, so a stream whose first event is late still shows its status straight away.
 */
const HEADERS_WAIT_MS = 10;

/** Writes the body chunk by chunk, waiting for `drain` when the socket is full. */
async function writeBody(response: RouteReply, res: ServerResponse, disconnected: Abort): Promise<void> {
  const body = response instanceof Response ? response.body : null;
  const source = response instanceof Response ? body && takeNodeSource(body) : response.source;
  if (!body && !source) {
    res.end();
    return;
  }
  // The first event of a stream has usually arrived while the route handled the upstream's headers: it
  // leaves now, in one write with the headers, not a turn of the event loop later through `pipe`.
  const first = source?.read() as Uint8Array | null | undefined;
  if (first) res.write(first);
  const headersTimer =
    !first && (contentType(response) ?? '').startsWith('text/event-stream')
      ? setTimeout(() => res.flushHeaders(), HEADERS_WAIT_MS)
      : undefined;
  if (source) return pipeBody(source, res, disconnected, headersTimer);
  if (!body) return;
  const reader = body.getReader();
  const stopListening = disconnected.onAbort(() => {
    reader.cancel().catch(() => {});
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      clearTimeout(headersTimer);
      if (done) break;
      if (!res.write(value)) await drained(res, disconnected);
      if (disconnected.aborted) return;
    }
    res.end();
  } catch {
    // The stream broke (upstream cut, client gone): end the response abruptly so the client sees it.
    res.destroy();
  } finally {
    clearTimeout(headersTimer);
    stopListening();
  }
}

/**
 * An upstream answer that is a Node stream underneath (see node-body.ts), piped as it is: backpressure by
 * `pipe`, the upstream request closed when the client goes, the response cut when the upstream's is.
 */
function pipeBody(
  source: Readable,
  res: ServerResponse,
  disconnected: Abort,
  headersTimer: ReturnType<typeof setTimeout> | undefined,
): Promise<void> {
  return new Promise((resolve) => {
    const stopListening = disconnected.onAbort(() => source.destroy());
    const finish = (cut: boolean) => {
      clearTimeout(headersTimer);
      stopListening();
      if (cut) res.destroy();
      resolve();
    };
    if (headersTimer) source.once('data', () => clearTimeout(headersTimer));
    source.on('error', () => {});
    source.on('close', () => finish(!source.readableEnded));
    source.pipe(res);
  });
}

function contentType(response: RouteReply): string | null | undefined {
  return response instanceof Response
    ? response.headers.get('content-type')
    : response.headers['content-type'];
}

function drained(res: ServerResponse, disconnected: Abort): Promise<void> {
  return new Promise((resolve) => {
    let stopListening = () => {};
    const done = () => {
      res.off('drain', done);
      stopListening();
      resolve();
    };
    res.on('drain', done);
    stopListening = disconnected.onAbort(done);
  });
}

function pathOnly(path: string): string {
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}
