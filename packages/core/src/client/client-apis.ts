import type { GemkitClient } from './create-client.js';
import { type ClientOptions, createTransport } from './http.js';
import { createInteractionsApi } from './interactions.js';
import { createLazyFilesApi } from './lazy-files.js';

/** The client's APIs over one transport: what `createClient` loads on first use (see create-client.ts). */
export function createClientApis(options: ClientOptions): GemkitClient {
  const transport = createTransport(options);
  return { interactions: createInteractionsApi(transport), files: createLazyFilesApi(transport) };
}
