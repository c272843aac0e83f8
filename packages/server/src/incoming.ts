import type { Readable } from 'node:stream';
import type { Abort } from './abort.js';
import type { HeaderReader } from './raw-headers.js';

/**
 * What the route reads of a client's request. A Web `Request` is one. `toNodeHandler` hands the route a
 * lighter one made straight from node:http's request (node-incoming.ts): building a Request on every call
 * (its Headers, a Web stream for its body, a signal following ours) cost more than all else the route does
 * before the upstream request leaves — about 0.25 ms of every stream's first byte at rest on the benchmark
 * machine, where a whole bare proxy adds about 0.8 ms.
 */
export interface IncomingRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: HeaderReader;
  /** Aborts when the client goes away. */
  readonly signal: AbortSignal;
  /**
   * The same as `signal`, heard without an AbortSignal listener (see abort.ts): what `toNodeHandler`'s
   * requests offer. Absent on a Web `Request`.
   */
  readonly closed?: Abort;
  readonly body: ReadableStream<Uint8Array> | null;
  /** The same request as a Web `Request`, made on demand; absent when this is a `Request` already. */
  toRequest?(): Request;
}

/** The request as the app's callbacks (`authorize`, `identify`) are promised it: a Web `Request`. */
export function asRequest(incoming: IncomingRequest): Request {
  return incoming.toRequest ? incoming.toRequest() : (incoming as Request);
}

/** A route's entry for adapters that make an `IncomingRequest` of their own (see `toNodeHandler`). */
export const HANDLE_INCOMING: unique symbol = Symbol.for('@gemkit/server.handleIncoming');

/**
 * An answer whose body is a Node stream to pipe as it is: what the route gives `toNodeHandler` for a
 * relayed stream instead of a `Response`, which would need a Web stream over the Node one and the Response
 * itself (some 0.1 ms of the first byte at rest on the benchmark machine). Only ever handed to the adapter
 * that asked through `HANDLE_INCOMING` with a Node request; other callers get Responses.
 */
export interface NodeReply {
  readonly status: number;
  /** Names in lower case. */
  readonly headers: Record<string, string>;
  readonly source: Readable;
}

/** What the route's handlers answer with. */
export type RouteReply = Response | NodeReply;

export type IncomingHandler = (request: IncomingRequest, context?: unknown) => Promise<RouteReply>;
