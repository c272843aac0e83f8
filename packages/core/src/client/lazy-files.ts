import type { FilesApi } from './files.js';
import type { Transport } from './http.js';

/**
 * The Files API, loaded on first use: most apps never upload, so their bundle need not carry the
 * resumable upload protocol (a chunk of its own in an app's build). A failed load is tried again next time.
 */
export function createLazyFilesApi(transport: Transport): FilesApi {
  let loading: Promise<FilesApi> | undefined;
  const load = () => {
    loading ??= import('./files.js').then(
      ({ createFilesApi }) => createFilesApi(transport),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  return {
    upload: async (file, options) => (await load()).upload(file, options),
    get: async (name, options) => (await load()).get(name, options),
    delete: async (name, options) => (await load()).delete(name, options),
  };
}
