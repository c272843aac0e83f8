import {
  type FromNetworkWorker,
  networkWorkerProgram,
  type ToNetworkWorker,
  type WorkerRequestInit,
} from './worker-fetch-program.js';

export interface WorkerFetchOptions {
  /**
   * A response body reaches the page at most once per this many ms, as one batch of what arrived (default 40).
   * The first bytes of every response pass at once.
   */
  batchMs?: number;
}

/** Most of what a streamed answer costs a page is receiving it: one network chunk per few words. */
export const DEFAULT_BATCH_MS = 40;

/**
 * A `fetch` whose network reading happens in a dedicated worker. A streamed answer arrives as thousands of
 * small network chunks, and in a browser each one is a task on the thread that fetched it; here that thread
 * is the worker's, and the page gets a message per batch (~25 a second) instead of one per chunk, leaving its
 * main thread free for rendering and input.
 *
 * A drop-in for `fetch` for what a client sends (a URL, and a string, Blob or buffer body); anything else
 * (a `Request`, a stream or form body), and any place without workers, goes to the global fetch. Aborting works
 * as with fetch, before and during the body. If the worker cannot start (a Content-Security-Policy without
 * `worker-src blob:`, say), requests fall back to the global fetch and nothing is lost.
 */
export function createWorkerFetch(options: WorkerFetchOptions = {}): typeof fetch {
  const batchMs = options.batchMs ?? DEFAULT_BATCH_MS;
  return (input, init) => {
    const direct = () => globalThis.fetch(input, init);
    const message = init === undefined || isPlainInit(init) ? toWorkerRequest(input, init) : undefined;
    const link = message ? networkWorker() : undefined;
    if (!message || !link) return direct();
    return link.fetch(message, batchMs, init?.signal ?? undefined, direct);
  };
}

/** Whether a page can hand its fetches to a worker: a browser window (a worker's fetch is already off it). */
export function canFetchInWorker(): boolean {
  return (
    typeof Worker === 'function' &&
    typeof Blob === 'function' &&
    typeof URL.createObjectURL === 'function' &&
    typeof document !== 'undefined'
  );
}

type WorkerRequest = Pick<Extract<ToNetworkWorker, { kind: 'fetch' }>, 'url' | 'init'>;

function isPlainInit(init: RequestInit): boolean {
  const body = init.body;
  return (
    body === undefined ||
    body === null ||
    typeof body === 'string' ||
    body instanceof Blob ||
    body instanceof ArrayBuffer
  );
}

function toWorkerRequest(input: RequestInfo | URL, init: RequestInit | undefined): WorkerRequest | undefined {
  if (typeof input !== 'string' && !(input instanceof URL)) return undefined;
  // The worker's own base URL is a blob: URL; relative paths are resolved against the page's.
  const url = new URL(String(input), globalThis.location?.href).href;
  const headers: [string, string][] = [];
  new Headers(init?.headers).forEach((value, name) => {
    headers.push([name, value]);
  });
  return {
    url,
    init: {
      method: init?.method,
      headers,
      body: (init?.body ?? undefined) as WorkerRequestInit['body'],
      credentials: init?.credentials,
      cache: init?.cache,
      redirect: init?.redirect,
      referrerPolicy: init?.referrerPolicy,
      integrity: init?.integrity,
      keepalive: init?.keepalive,
    },
  };
}

/** Statuses whose Response must have no body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

interface InFlight {
  resolve(response: Response): void;
  reject(error: unknown): void;
  body: ReadableStreamDefaultController<Uint8Array> | undefined;
  /** Sends the request again through the global fetch: the worker died before it could send it. */
  direct(): Promise<Response>;
  detach(): void;
}

/** The page's one network worker, shared by every client; `null` once it is known not to work here. */
let shared: NetworkWorkerLink | null | undefined;

function networkWorker(): NetworkWorkerLink | undefined {
  if (shared === undefined) {
    try {
      shared = canFetchInWorker() ? new NetworkWorkerLink() : null;
    } catch {
      shared = null; // a CSP that forbids blob: workers may throw here
    }
  }
  return shared ?? undefined;
}

class NetworkWorkerLink {
  readonly #worker: Worker;
  readonly #sourceUrl: string;
  readonly #inFlight = new Map<number, InFlight>();
  #started = false;
  #nextId = 1;

  constructor() {
    const source = `(${String(networkWorkerProgram)})(self);`;
    this.#sourceUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    this.#worker = new Worker(this.#sourceUrl, { name: 'gemkit-network' });
    this.#worker.addEventListener('message', (event: MessageEvent<FromNetworkWorker>) =>
      this.#receive(event.data),
    );
    this.#worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#failed();
    });
  }

  fetch(
    request: WorkerRequest,
    batchMs: number,
    signal: AbortSignal | undefined,
    direct: () => Promise<Response>,
  ): Promise<Response> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const id = this.#nextId++;
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => {
        const entry = this.#inFlight.get(id);
        if (!entry) return;
        this.#end(id);
        this.#post({ kind: 'abort', id });
        if (entry.body) entry.body.error(signal?.reason);
        else reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#inFlight.set(id, {
        resolve,
        reject,
        body: undefined,
        direct,
        detach: () => signal?.removeEventListener('abort', onAbort),
      });
      this.#post({ kind: 'fetch', id, batchMs, ...request });
    });
  }

  #post(message: ToNetworkWorker): void {
    this.#worker.postMessage(message);
  }

  #end(id: number): InFlight | undefined {
    const entry = this.#inFlight.get(id);
    this.#inFlight.delete(id);
    entry?.detach();
    return entry;
  }

  #receive(message: FromNetworkWorker): void {
    if (message.kind === 'ready') {
      this.#started = true;
      URL.revokeObjectURL(this.#sourceUrl);
      return;
    }
    const entry = this.#inFlight.get(message.id);
    if (!entry) return; // aborted meanwhile
    if (message.kind === 'head') {
      entry.resolve(this.#response(message, entry));
    } else if (message.kind === 'bytes') {
      entry.body?.enqueue(message.bytes);
    } else if (message.kind === 'end') {
      this.#end(message.id);
      entry.body?.close();
    } else {
      this.#end(message.id);
      // What fetch itself rejects with for a network failure.
      const error = new TypeError(message.message);
      if (entry.body) entry.body.error(error);
      else entry.reject(error);
    }
  }

  #response(head: Extract<FromNetworkWorker, { kind: 'head' }>, entry: InFlight): Response {
    const { id } = head;
    const body = NULL_BODY.has(head.status)
      ? null
      : new ReadableStream<Uint8Array>({
          start: (controller) => {
            entry.body = controller;
          },
          cancel: () => {
            if (!this.#end(id)) return;
            this.#post({ kind: 'abort', id });
          },
        });
    const response = new Response(body, {
      status: head.status,
      statusText: head.statusText,
      headers: head.headers,
    });
    // Read-only on a constructed Response; set so that it reads as the worker's response did.
    Object.defineProperty(response, 'url', { value: head.url });
    Object.defineProperty(response, 'redirected', { value: head.redirected });
    return response;
  }

  /** The worker died. Before it ever ran, nothing was sent: every request goes to the global fetch instead. */
  #failed(): void {
    const entries = [...this.#inFlight.values()];
    this.#inFlight.clear();
    URL.revokeObjectURL(this.#sourceUrl);
    this.#worker.terminate();
    if (!this.#started) {
      shared = null;
      for (const entry of entries) {
        entry.detach();
        entry.direct().then(entry.resolve, entry.reject);
      }
      return;
    }
    shared = undefined; // the next request starts a new worker
    for (const entry of entries) {
      entry.detach();
      const error = new TypeError('The network worker stopped');
      if (entry.body) entry.body.error(error);
      else entry.reject(error);
    }
  }
}
