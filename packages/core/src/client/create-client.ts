import type { FilesApi } from './files.js';
import type { ClientOptions } from './http.js';
import type { InteractionsApi } from './interactions.js';

export interface GemkitClient {
  interactions: InteractionsApi;
  files: FilesApi;
}

/**
 * A fetch-based client for the Interactions and Files APIs. Runs in browsers (with a relative
 * `baseUrl` to a server route that holds the key), Node and edge runtimes.
 *
 * The code behind it (the transport, the Interactions API, and through them the stream's decoder and
 * reducer) loads on the first call, or earlier through `prefetchClient()`, which a chat calls on mount:
 * a page that only renders a chat need not carry it up front. A failed load is tried again on the next call.
 */
export function createClient(options: ClientOptions = {}): GemkitClient {
  let loading: Promise<GemkitClient> | undefined;
  const load = () => {
    loading ??= import('./client-apis.js').then(
      ({ createClientApis }) => createClientApis(options ?? {}),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  // Each method waits for the code, then calls the real one with the same arguments.
  const lazy = <A extends keyof GemkitClient>(api: A, methods: (keyof GemkitClient[A])[]) =>
    Object.fromEntries(
      methods.map((method) => [
        method,
        async (...args: unknown[]) =>
          ((await load())[api][method] as (...args: unknown[]) => Promise<unknown>)(...args),
      ]),
    ) as unknown as GemkitClient[A];
  return {
    interactions: lazy('interactions', ['create', 'get', 'delete', 'cancel']),
    files: lazy('files', ['upload', 'get', 'delete']),
  };
}
