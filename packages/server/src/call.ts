import { Abort } from './abort.js';
import { callUpstream } from './forward.js';
import type { IncomingRequest, RouteReply } from './incoming.js';
import { NodeIncoming } from './node-incoming.js';
import type { ResolvedOptions } from './options.js';
import type { OwnershipGuard } from './ownership/guard.js';
import type { RouteMatch } from './paths.js';
import { isEventStream, type RelayHooks, relayBody, relayError, responseHeaders } from './relay.js';
import type { RequestTarget } from './route-targets.js';
import type { Upstream, UpstreamResponse } from './upstream.js';

/**
 * One client request on its way through the route: what the prelude decided about it (route, user), and
 * the upstream request it leads to, which is aborted when the client goes away.
 */
export class Call {
  private readonly upstreamAbort = new Abort();
  private readonly stopFollowingClient: () => void;
  private released = false;

  constructor(
    readonly request: IncomingRequest,
    readonly target: RequestTarget,
    readonly match: RouteMatch,
    /** The user `authorize` named; `undefined` for an anonymous request. */
    readonly user: string | undefined,
    readonly options: ResolvedOptions,
    readonly upstream: Upstream,
    /** Present when the app identifies users (`authorize` is set): ownership is enforced. */
    readonly guard: OwnershipGuard | undefined,
  ) {
    this.stopFollowingClient = whenClientGoes(request, (reason) => this.upstreamAbort.abort(reason));
  }

  get id(): string {
    // Every route that reads `id` has one in its pattern.
    return this.match.id as string;
  }

  /** Sends this call upstream: same method, the matched path and query, the given body. */
  send(body: BodyInit | null, headers?: Record<string, string>): Promise<UpstreamResponse> {
    return callUpstream(
      this.upstream,
      {
        method: this.request.method,
        path: this.match.upstreamPath,
        query: this.match.query,
        request: this.request,
        body,
        abort: this.upstreamAbort,
        extraForwardedHeaders: this.options.forwardHeaders,
        headers,
      },
      this.options.logger,
    );
  }

  /** The upstream response for the client: its body streamed through, its headers filtered. */
  relay(
    upstream: UpstreamResponse,
    options: { inspect?: RelayHooks['inspect']; headers?: Record<string, string> } = {},
  ): RouteReply {
    const headers = responseHeaders(upstream, options.headers);
    if (!options.inspect && this.request instanceof NodeIncoming) {
      // From node:http to node:http: the upstream's Node stream is piped to the client as it is.
      const source = upstream.takeNodeBody?.();
      if (source) return { status: upstream.status, headers, source };
    }
    if (!upstream.body) {
      this.release();
      return new Response(null, { status: upstream.status, headers });
    }
    if (!options.inspect) {
      // Nothing to look at: the upstream body is the client's body, one Web stream hop less per chunk.
      // Cancelling it (the client went away) aborts the upstream fetch, as the client's signal also does;
      // so the call stays listening to that signal until the request is gone.
      return new Response(upstream.body, { status: upstream.status, headers });
    }
    const body = relayBody(upstream.body, {
      inspect: options.inspect,
      abortUpstream: () => this.upstreamAbort.abort(),
      done: () => this.release(),
    });
    return new Response(body, { status: upstream.status, headers });
  }

  /** The upstream's error as the client sees it: status and body kept, the key removed if echoed. */
  async relayError(upstream: UpstreamResponse): Promise<Response> {
    try {
      return await relayError(upstream, [this.upstream.apiKey]);
    } finally {
      this.release();
    }
  }

  /** A small JSON upstream response, read whole so the route can look inside (ids, file names). */
  async readJson(upstream: UpstreamResponse): Promise<{ text: string; value: unknown }> {
    try {
      const text = await upstream.text();
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        value = undefined;
      }
      return { text, value };
    } finally {
      this.release();
    }
  }

  /** A response made from text the route has read (see `readJson`), with the upstream's status and headers. */
  respondWith(upstream: UpstreamResponse, text: string): Response {
    return new Response(text, { status: upstream.status, headers: responseHeaders(upstream) });
  }

  isEventStream(upstream: UpstreamResponse): boolean {
    return isEventStream(upstream);
  }

  /** Stops listening for the client to go; the upstream request is over (or never started). */
  release(): void {
    if (this.released) return;
    this.released = true;
    this.stopFollowingClient();
  }
}

/**
 * Calls `gone` when the client goes away: through `closed` where the request has it (no AbortSignal
 * listener, see abort.ts), else through its signal. Returns the way to stop listening.
 */
function whenClientGoes(request: IncomingRequest, gone: (reason: unknown) => void): () => void {
  if (request.closed) return request.closed.onAbort(gone);
  const { signal } = request;
  if (signal.aborted) {
    gone(signal.reason);
    return () => {};
  }
  const listener = () => gone(signal.reason);
  signal.addEventListener('abort', listener, { once: true });
  return () => signal.removeEventListener('abort', listener);
}
