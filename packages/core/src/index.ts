export { createClient, type GemkitClient } from './client/create-client.js';
export type { FilesApi, UploadOptions, UploadProgress } from './client/files.js';
export {
  type ClientOptions,
  DEFAULT_API_REVISION,
  DEFAULT_BASE_URL,
  type RequestOptions,
} from './client/http.js';
export { InteractionStream } from './client/interaction-stream.js';
export type { InteractionsApi, StreamRequestOptions } from './client/interactions.js';
export type { RetryOptions } from './client/retry.js';
export { canFetchInWorker, createWorkerFetch, type WorkerFetchOptions } from './client/worker-fetch.js';
export * from './conversation/index.js';
export * from './errors.js';
export { reduceInteraction } from './reduce/reduce-interaction.js';
export { getText, getThoughtSummary } from './reduce/text.js';
export { createEventDecoder, type EventDecoder } from './sse/decode.js';
export { readEvents } from './sse/read-events.js';
export * from './store/index.js';
export * from './wire/index.js';
