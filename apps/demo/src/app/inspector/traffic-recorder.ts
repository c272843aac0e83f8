import { createSseSplitter, type RawSseEvent } from './sse-parse';

/** An SSE event as the page received it, with when. */
export interface RecordedEvent extends RawSseEvent {
  /** 0-based position in its exchange. */
  index: number;
  /** Milliseconds from the start of the request to the arrival of the chunk that completed this event. */
  at: number;
  /** The `data` parsed as JSON (the API's events are JSON objects), or undefined if it is not. */
  payload: Record<string, unknown> | undefined;
}

export type ExchangeKind = 'create' | 'stream' | 'read' | 'cancel' | 'delete' | 'upload' | 'file' | 'other';
export type ExchangeState = 'pending' | 'streaming' | 'done' | 'failed' | 'aborted';

/** One HTTP request the page made to the route, and what came back. */
export interface Exchange {
  id: number;
  kind: ExchangeKind;
  method: string;
  /** Path and query, as requested. */
  url: string;
  /** Wall-clock start (ms since the epoch). */
  startedAt: number;
  state: ExchangeState;
  status: number | undefined;
  contentType: string | undefined;
  /** Milliseconds from the start to the response headers, and to the end of the body. */
  headersAt: number | undefined;
  endedAt: number | undefined;
  /** The JSON body sent (parsed), or a note of the bytes for an upload. */
  requestBody: unknown;
  /** A JSON response body (parsed); streams are in `events` instead. */
  responseBody: unknown;
  events: readonly RecordedEvent[];
  /** Bytes after the last complete event when the stream ended: a cut-off event. */
  trailing: string | undefined;
  interactionId: string | undefined;
  /** The model message (turn) that was in flight when the request started. */
  turnId: string | undefined;
  conversationId: string | undefined;
  error: string | undefined;
}

/** Who the page is working for when a request starts: asked at request time. */
export type TurnContext = () => { conversationId?: string; turnId?: string } | undefined;

const MAX_EXCHANGES = 300;

/**
 * Records every request the Gemkit client makes — the developer-tools view of what the hooks see — by
 * wrapping the `fetch` the client is given. Streams are passed through untouched, chunk by chunk, while a copy
 * of each chunk is split into SSE events stamped with their arrival time. A store for useSyncExternalStore;
 * subscribers hear about changes at most once per frame.
 */
export class TrafficRecorder {
  /** What actually sends: the global fetch unless told otherwise (the app gives it core's worker fetch). */
  readonly #send: typeof fetch;
  #exchanges: readonly Exchange[] = [];
  #listeners = new Set<() => void>();
  #scheduled = false;
  #nextId = 1;
  #context: TurnContext | undefined;

  constructor(send: typeof fetch = (input, init) => globalThis.fetch(input, init)) {
    this.#send = send;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): readonly Exchange[] => this.#exchanges;

  /** Tells the recorder which conversation and turn requests belong to; returns a function to forget it. */
  setContext(context: TurnContext): () => void {
    this.#context = context;
    return () => {
      if (this.#context === context) this.#context = undefined;
    };
  }

  clear(): void {
    this.#exchanges = [];
    this.#notify();
  }

  /** A `fetch` that records, for `createClient({ fetch })`. */
  fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const url = relativeUrl(input instanceof Request ? input.url : String(input));
    const start = performance.now();
    const context = safely(() => this.#context?.());
    const id = this.#add({
      id: this.#nextId++,
      kind: kindOf(method, url),
      method,
      url,
      startedAt: Date.now(),
      state: 'pending',
      status: undefined,
      contentType: undefined,
      headersAt: undefined,
      endedAt: undefined,
      requestBody: describeBody(init?.body),
      responseBody: undefined,
      events: [],
      trailing: undefined,
      interactionId: interactionIdInPath(url),
      turnId: context?.turnId,
      conversationId: context?.conversationId,
      error: undefined,
    });
    const since = () => Math.round(performance.now() - start);

    let response: Response;
    try {
      response = await this.#send(input, init);
    } catch (error) {
      this.#update(id, {
        state: init?.signal?.aborted ? 'aborted' : 'failed',
        endedAt: since(),
        error: messageOf(error),
      });
      throw error;
    }
    const contentType = response.headers.get('content-type') ?? undefined;
    this.#update(id, { status: response.status, contentType, headersAt: since() });

    if (contentType?.startsWith('text/event-stream') && response.body) {
      this.#update(id, { state: 'streaming' });
      return this.#tapStream(id, response, since, init?.signal);
    }
    // Read a copy of a plain body for display; the client reads the original.
    response
      .clone()
      .text()
      .then(
        (text) => this.#update(id, { state: 'done', endedAt: since(), responseBody: parseJson(text) }),
        (error) => this.#update(id, { state: 'failed', endedAt: since(), error: messageOf(error) }),
      );
    return response;
  };

  #tapStream(
    id: number,
    response: Response,
    since: () => number,
    signal: AbortSignal | null | undefined,
  ): Response {
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const splitter = createSseSplitter();
    const end = (state: ExchangeState, error?: unknown) => {
      const trailing = splitter.rest().trim();
      this.#update(id, {
        state,
        endedAt: since(),
        trailing: trailing === '' ? undefined : trailing,
        error: error === undefined ? undefined : messageOf(error),
      });
    };
    const body = new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          end(signal?.aborted ? 'aborted' : 'failed', error);
          controller.error(error);
          return;
        }
        if (chunk.done) {
          end('done');
          controller.close();
          return;
        }
        const at = since();
        const events = splitter.push(decoder.decode(chunk.value, { stream: true }));
        if (events.length > 0) this.#appendEvents(id, events, at);
        controller.enqueue(chunk.value);
      },
      cancel: (reason) => {
        end('aborted');
        return reader.cancel(reason);
      },
    });
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }

  #appendEvents(id: number, raw: RawSseEvent[], at: number): void {
    const exchange = this.#find(id);
    if (!exchange) return;
    const events = [...exchange.events];
    let interactionId = exchange.interactionId;
    for (const event of raw) {
      const payload = parseJson(event.data);
      const record = isObject(payload) ? payload : undefined;
      interactionId ??= interactionIdOf(record);
      events.push({ ...event, index: events.length, at, payload: record });
    }
    this.#update(id, { events, interactionId });
  }

  #add(exchange: Exchange): number {
    const kept = this.#exchanges.length >= MAX_EXCHANGES ? this.#exchanges.slice(1) : this.#exchanges;
    this.#exchanges = [...kept, exchange];
    this.#notify();
    return exchange.id;
  }

  #find(id: number): Exchange | undefined {
    return this.#exchanges.find((exchange) => exchange.id === id);
  }

  #update(id: number, patch: Partial<Exchange>): void {
    this.#exchanges = this.#exchanges.map((exchange) =>
      exchange.id === id ? { ...exchange, ...patch } : exchange,
    );
    this.#notify();
  }

  #notify(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    const run = () => {
      this.#scheduled = false;
      for (const listener of [...this.#listeners]) listener();
    };
    if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') {
      requestAnimationFrame(run);
    } else setTimeout(run, 16);
  }
}

function kindOf(method: string, url: string): ExchangeKind {
  const path = url.split('?')[0] ?? '';
  if (path.includes('/upload/')) return 'upload';
  if (path.includes('/files/')) return 'file';
  if (/\/interactions\/[^/]+\/cancel$/.test(path)) return 'cancel';
  if (/\/interactions\/[^/]+$/.test(path)) {
    if (method === 'DELETE') return 'delete';
    return /[?&]stream=true/.test(url) ? 'stream' : 'read';
  }
  if (path.endsWith('/interactions') && method === 'POST') return 'create';
  return 'other';
}

function interactionIdInPath(url: string): string | undefined {
  const match = /\/interactions\/([^/?]+)/.exec(url);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

function interactionIdOf(payload: Record<string, unknown> | undefined): string | undefined {
  const interaction = payload?.interaction;
  if (isObject(interaction) && typeof interaction.id === 'string') return interaction.id;
  return typeof payload?.interaction_id === 'string' ? payload.interaction_id : undefined;
}

function describeBody(body: BodyInit | null | undefined): unknown {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return parseJson(body);
  if (body instanceof Blob) return { bytes: body.size, type: body.type || undefined };
  return '(a body that is not text)';
}

function relativeUrl(url: string): string {
  try {
    const parsed = new URL(url, location.href);
    return parsed.origin === location.origin ? parsed.pathname + parsed.search : parsed.href;
  } catch {
    return url;
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
