import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { Abort } from './abort.js';
import type { IncomingRequest } from './incoming.js';
import { feed } from './node-body.js';
import { type HeaderReader, RawHeaders } from './raw-headers.js';

/** node:http's request, plus what Express and Connect (Vite) add to it. */
export type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

/**
 * A node:http request as the route reads it, without building a Web `Request` (see incoming.ts): headers
 * read from the raw list, the body left a Node stream until something asks for the Web one, and a real
 * `Request` made only for a handler that is not the route, or for the app's own callbacks.
 */
export class NodeIncoming implements IncomingRequest {
  readonly method: string;
  readonly headers: HeaderReader;
  private webBody: ReadableStream<Uint8Array> | null | undefined;
  private request: Request | undefined;

  constructor(
    private readonly req: NodeRequest,
    readonly url: string,
    readonly closed: Abort,
  ) {
    this.method = req.method ?? 'GET';
    this.headers = new RawHeaders(req.rawHeaders);
  }

  /** Made only when asked for (a Web Request, an error answer): the route itself listens to `closed`. */
  get signal(): AbortSignal {
    return this.closed.signal;
  }

  get body(): ReadableStream<Uint8Array> | null {
    // Once a Request is made, its body is the one to read: `clone()` on it swaps in a branch of a tee.
    if (this.request) return this.request.body;
    if (this.webBody === undefined) this.webBody = this.hasBody() ? bodyOf(this.req) : null;
    return this.webBody;
  }

  /**
   * The body as the Node stream it is, for reading it whole without a Web stream in between: only while
   * nobody has asked for the Web one (and no body parser has read it already), and only once.
   */
  takeNodeBody(): Readable | undefined {
    if (this.webBody !== undefined || !this.hasBody() || this.req.readableEnded) return undefined;
    this.webBody = null;
    return this.req;
  }

  toRequest(): Request {
    if (!this.request) {
      const init: RequestInit & { duplex?: 'half' } = {
        method: this.method,
        headers: toHeaders(this.req.rawHeaders),
        signal: this.signal,
      };
      if (this.hasBody()) {
        init.body = this.body;
        init.duplex = 'half';
      }
      this.request = new Request(this.url, init);
    }
    return this.request;
  }

  private hasBody(): boolean {
    return this.method !== 'GET' && this.method !== 'HEAD';
  }
}

function toHeaders(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (!name.startsWith(':')) headers.append(name, raw[i + 1] as string);
  }
  return headers;
}

/**
 * The request body as a Web stream, read only as fast as the handler pulls. If a body parser (Express's
 * `express.json()`, …) has already read it, its result is used instead (mount the route before parsers to
 * keep the original bytes).
 */
function bodyOf(req: NodeRequest): ReadableStream<Uint8Array> {
  if (req.readableEnded && req.body !== undefined) {
    const parsed = req.body;
    const init =
      typeof parsed === 'string' || parsed instanceof Uint8Array
        ? (parsed as BodyInit)
        : JSON.stringify(parsed);
    return new Response(init).body as ReadableStream<Uint8Array>;
  }
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        feed(req, controller, () => req.complete, 'The client left before sending its body.');
      },
      pull() {
        req.resume();
      },
      cancel() {
        req.pause();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}
