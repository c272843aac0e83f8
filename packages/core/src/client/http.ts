import { AbortError, NetworkError, ProtocolError } from '../errors.js';
import type { RetryOptions } from './retry.js';
import { canFetchInWorker, createWorkerFetch } from './worker-fetch.js';

export interface ClientOptions {
  /** `https://generativelanguage.googleapis.com` (the default), an emulator, or a relative proxy path like '/api/gemini'. */
  baseUrl?: string;
  /** Sent as `x-goog-api-key` when given. Browsers talk to a server route and have none. */
  apiKey?: string;
  headers?: Record<string, string>;
  /**
   * Defaults to the global fetch, looked up at call time (so polyfills and test spies apply); in a browser
   * page, to the global fetch run in a worker (see `offMainThread`).
   */
  fetch?: typeof fetch;
  /**
   * In a browser page, read responses in a dedicated worker that hands the page a batch of bytes at most every
   * 40 ms, instead of one task per network chunk: most of what a streamed answer costs the main thread (see
   * `createWorkerFetch`). Default true; ignored when `fetch` is given or where there are no workers.
   */
  offMainThread?: boolean;
  apiRevision?: string;
  retry?: RetryOptions;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export const DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com';
export const DEFAULT_API_REVISION = '2026-05-20';

export type Query = Record<string, string | number | boolean | undefined>;

export interface SendInit {
  method: 'GET' | 'POST' | 'DELETE';
  /** A path under baseUrl: '/v1beta/…'. */
  path: string;
  /** Used as is instead of baseUrl + path: the session URL of a resumable upload. */
  url?: string;
  query?: Query;
  /** An object is sent as JSON; a Blob as is. */
  body?: object | Blob;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** May the request be repeated after a response had started arriving? */
  idempotent: boolean;
}

export interface Transport {
  /** The retry options as given; resolved into a policy only when a request fails. */
  readonly retry: RetryOptions | undefined;
  /** One request, retried per policy on 429/503 and lost connections; resolves with a 2xx Response. */
  send(init: SendInit): Promise<Response>;
  /** `send` plus reading the JSON body; an idempotent request is repeated if the body breaks. */
  sendJson<T>(init: SendInit): Promise<T>;
}

export function createTransport(options: ClientOptions): Transport {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const doFetch: typeof fetch =
    options.fetch ??
    (options.offMainThread !== false && canFetchInWorker()
      ? createWorkerFetch()
      : (input, init) => globalThis.fetch(input, init));

  const headersFor = (init: SendInit): Headers => {
    const headers = new Headers({ 'Api-Revision': options.apiRevision ?? DEFAULT_API_REVISION });
    if (options.apiKey) headers.set('x-goog-api-key', options.apiKey);
    if (init.body !== undefined && !(init.body instanceof Blob))
      headers.set('Content-Type', 'application/json');
    for (const source of [options.headers, init.headers]) {
      for (const [name, value] of Object.entries(source ?? {})) headers.set(name, value);
    }
    return headers;
  };

  const sendOnce = async (init: SendInit): Promise<Response> => {
    const body = init.body === undefined || init.body instanceof Blob ? init.body : JSON.stringify(init.body);
    let response: Response;
    try {
      response = await doFetch(init.url ?? buildUrl(baseUrl, init.path, init.query), {
        method: init.method,
        headers: headersFor(init),
        body,
        signal: init.signal,
      });
    } catch (error) {
      throw failure(error, init.signal, true);
    }
    // Reading Google's error body (and Retry-After) is code only a failure needs: it loads then.
    if (!response.ok) throw await (await import('./api-error.js')).toApiError(response);
    return response;
  };

  // Most requests succeed at once: the retry policy and backoff load with the first failure.
  const attempt = async <T>(run: () => Promise<T>, init: SendInit): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      const { retryAfterFailure } = await import('./retry.js');
      return retryAfterFailure(error, run, options.retry, init.idempotent, init.signal);
    }
  };

  return {
    retry: options.retry,
    send: (init) => attempt(() => sendOnce(init), init),
    sendJson: <T>(init: SendInit) =>
      attempt(async () => readJson<T>(await sendOnce(init), init.signal), init),
  };
}

export async function readJson<T>(response: Response, signal: AbortSignal | undefined): Promise<T> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw failure(error, signal, false);
  }
  if (text === '') return {} as T;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new ProtocolError(`The response is not JSON (HTTP ${response.status})`, { cause: error });
  }
}

/** A rejected fetch or body read: our abort, or the network. */
export function failure(error: unknown, signal: AbortSignal | undefined, beforeResponse: boolean) {
  if (signal?.aborted) return new AbortError('The operation was aborted', { cause: signal.reason });
  const detail = error instanceof Error ? error.message : String(error);
  return new NetworkError(`Network failure: ${detail}`, beforeResponse, { cause: error });
}

/** String concatenation rather than `new URL`, which cannot hold a relative base like '/api/gemini'. */
export function buildUrl(baseUrl: string, path: string, query?: Query): string {
  const url = `${baseUrl}${path}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return search === '' ? url : `${url}?${search}`;
}
