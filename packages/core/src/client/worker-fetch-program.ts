/**
 * The program of the network worker (see worker-fetch.ts): it fetches, reads the body, and hands the page its
 * bytes in batches, at most one message per `batchMs` for each request.
 *
 * It runs from its own source text (`String(networkWorkerProgram)`), so it must be self-contained: no imports,
 * no outer names, and nothing a compiler turns into a call to a helper of its own (no async functions, for…of,
 * spread or classes), so that an app's bundler, whatever it targets, cannot break it.
 */

/** Page → worker. */
export type ToNetworkWorker =
  | { kind: 'fetch'; id: number; url: string; init: WorkerRequestInit; batchMs: number }
  | { kind: 'abort'; id: number };

/** Worker → page. */
export type FromNetworkWorker =
  | { kind: 'ready' }
  | {
      kind: 'head';
      id: number;
      status: number;
      statusText: string;
      headers: [string, string][];
      url: string;
      redirected: boolean;
    }
  | { kind: 'bytes'; id: number; bytes: Uint8Array }
  | { kind: 'end'; id: number }
  | { kind: 'error'; id: number; message: string };

/** The parts of a RequestInit that cross to the worker (all structured-cloneable). */
export interface WorkerRequestInit {
  method?: string;
  headers: [string, string][];
  body?: string | Blob | ArrayBuffer;
  credentials?: RequestCredentials;
  cache?: RequestCache;
  redirect?: RequestRedirect;
  referrerPolicy?: ReferrerPolicy;
  integrity?: string;
  keepalive?: boolean;
}

/** What the program needs of its global scope. */
export interface NetworkWorkerScope {
  postMessage(message: FromNetworkWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToNetworkWorker>) => void): void;
  fetch: typeof fetch;
}

export function networkWorkerProgram(scope: NetworkWorkerScope): void {
  interface Running {
    controller: AbortController;
    batchMs: number;
    chunks: Uint8Array[];
    size: number;
    timer: ReturnType<typeof setTimeout> | undefined;
    postedAt: number;
  }
  const running = new Map<number, Running>();

  // What arrived since the last message goes as one, its buffer moved rather than copied.
  function post(id: number, request: Running): void {
    if (request.timer !== undefined) clearTimeout(request.timer);
    request.timer = undefined;
    if (request.size === 0) return;
    let bytes = request.chunks[0] as Uint8Array;
    if (request.chunks.length > 1 || bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) {
      bytes = new Uint8Array(request.size);
      let offset = 0;
      for (let i = 0; i < request.chunks.length; i++) {
        const chunk = request.chunks[i] as Uint8Array;
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
    }
    request.chunks = [];
    request.size = 0;
    request.postedAt = Date.now();
    scope.postMessage({ kind: 'bytes', id, bytes }, [bytes.buffer as ArrayBuffer]);
  }

  function fail(id: number, error: unknown): void {
    const request = running.get(id);
    if (!request) return;
    // The bytes that came before the failure are the page's: a stream resumes after the last event it got.
    post(id, request);
    running.delete(id);
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ kind: 'error', id, message });
  }

  function pump(id: number, request: Running, reader: ReadableStreamDefaultReader<Uint8Array>): void {
    reader.read().then(
      (result) => {
        if (running.get(id) !== request) return;
        if (result.done) {
          post(id, request);
          running.delete(id);
          scope.postMessage({ kind: 'end', id });
          return;
        }
        request.chunks.push(result.value);
        request.size += result.value.byteLength;
        if (request.timer === undefined) {
          const wait = request.postedAt + request.batchMs - Date.now();
          if (wait <= 0) post(id, request);
          else request.timer = setTimeout(() => post(id, request), wait);
        }
        pump(id, request, reader);
      },
      (error: unknown) => fail(id, error),
    );
  }

  function start(message: Extract<ToNetworkWorker, { kind: 'fetch' }>): void {
    const id = message.id;
    const request: Running = {
      controller: new AbortController(),
      batchMs: message.batchMs,
      chunks: [],
      size: 0,
      timer: undefined,
      postedAt: 0,
    };
    running.set(id, request);
    const init: RequestInit = Object.assign({}, message.init, { signal: request.controller.signal });
    scope.fetch(message.url, init).then(
      (response) => {
        if (running.get(id) !== request) {
          response.body?.cancel().catch(() => {});
          return;
        }
        const headers: [string, string][] = [];
        response.headers.forEach((value, name) => {
          headers.push([name, value]);
        });
        scope.postMessage({
          kind: 'head',
          id,
          status: response.status,
          statusText: response.statusText,
          headers,
          url: response.url,
          redirected: response.redirected,
        });
        if (response.body) {
          pump(id, request, response.body.getReader());
        } else {
          running.delete(id);
          scope.postMessage({ kind: 'end', id });
        }
      },
      (error: unknown) => fail(id, error),
    );
  }

  scope.addEventListener('message', (event) => {
    const message = event.data;
    if (message.kind === 'fetch') {
      start(message);
    } else if (message.kind === 'abort') {
      const request = running.get(message.id);
      if (!request) return;
      running.delete(message.id);
      if (request.timer !== undefined) clearTimeout(request.timer);
      request.controller.abort();
    }
  });
  scope.postMessage({ kind: 'ready' });
}
