import type { FilesApi } from './files.js';
import { type ClientOptions, createTransport } from './http.js';
import { createInteractionsApi, type InteractionsApi } from './interactions.js';
import { createLazyFilesApi } from './lazy-files.js';

export interface GemkitClient {
  interactions: InteractionsApi;
  files: FilesApi;
}

/**
 * A fetch-based client for the Interactions and Files APIs. Runs in browsers (with a relative
 * `baseUrl` to a server route that holds the key), Node and edge runtimes.
 */
export function createClient(options: ClientOptions = {}): GemkitClient {
  const transport = createTransport(options ?? {});
  return { interactions: createInteractionsApi(transport), files: createLazyFilesApi(transport) };
}
