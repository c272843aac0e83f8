import { ProtocolError, UsageError } from '../errors.js';
import { isObject } from '../util/is-object.js';
import type { GeminiFile } from '../wire/index.js';
import { type RequestOptions, readJson, type Transport } from './http.js';

export interface UploadProgress {
  /** Bytes the server has confirmed. */
  loaded: number;
  total: number;
}

export interface UploadOptions extends RequestOptions {
  /** Defaults to the Blob's `type`; required when that is empty. */
  mimeType?: string;
  /** Defaults to the File's `name`. */
  displayName?: string;
  /** Called with 0 when the upload session opens, then after every chunk the server accepted. */
  onProgress?: (progress: UploadProgress) => void;
  /** Bytes per request (default 8 MiB, as the SDK); smaller chunks mean finer progress. */
  chunkSize?: number;
}

export interface FilesApi {
  /** The Files API's resumable upload; the result's `uri` goes into an image/audio/… content's `uri`. */
  upload(file: Blob, options?: UploadOptions): Promise<GeminiFile>;
  /** `name` is 'files/abc' (or just 'abc'). */
  get(name: string, options?: RequestOptions): Promise<GeminiFile>;
  delete(name: string, options?: RequestOptions): Promise<void>;
}

const DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;

export function createFilesApi(transport: Transport): FilesApi {
  const pathOf = (name: unknown) => {
    if (typeof name !== 'string' || name.replace(/^files\//, '').trim() === '') {
      throw new UsageError("A file name must be a non-empty string like 'files/abc'");
    }
    return `/v1beta/files/${encodeURIComponent(name.replace(/^files\//, ''))}`;
  };

  return {
    async upload(file, options = {}) {
      if (!(file instanceof Blob)) throw new UsageError('upload() takes a Blob or File');
      const mimeType = options.mimeType || file.type;
      if (!mimeType) throw new UsageError('The mimeType of the upload is unknown: pass options.mimeType');
      const displayName = options.displayName ?? (file as Partial<File>).name;
      const { signal, onProgress } = options;
      const total = file.size;

      // 1. Open the session, as @google/genai's fetchUploadUrl does; the server answers with the URL to send bytes to.
      const start = await transport.send({
        method: 'POST',
        path: '/upload/v1beta/files',
        headers: {
          'X-Goog-Upload-Protocol': 'resumable',
          'X-Goog-Upload-Command': 'start',
          'X-Goog-Upload-Header-Content-Length': String(total),
          'X-Goog-Upload-Header-Content-Type': mimeType,
        },
        body: { file: { mimeType, sizeBytes: String(total), ...(displayName ? { displayName } : {}) } },
        signal,
        idempotent: true,
      });
      await start.body?.cancel().catch(() => {});
      const uploadUrl = start.headers.get('x-goog-upload-url');
      if (!uploadUrl) throw new ProtocolError('The upload start response has no X-Goog-Upload-URL header');
      const chunkSize = alignChunk(options.chunkSize ?? DEFAULT_CHUNK_SIZE, start.headers);
      onProgress?.({ loaded: 0, total });

      // 2. Send the bytes in chunks, as the SDK's uploadBlob does; the last one carries `finalize`.
      let offset = 0;
      do {
        const end = Math.min(total, offset + chunkSize);
        const response = await transport.send({
          method: 'POST',
          path: '',
          url: uploadUrl,
          headers: {
            'X-Goog-Upload-Command': end >= total ? 'upload, finalize' : 'upload',
            'X-Goog-Upload-Offset': String(offset),
          },
          body: file.slice(offset, end),
          signal,
          idempotent: true,
        });
        offset = end;
        const status = response.headers.get('x-goog-upload-status');
        if (status === 'final') {
          const json = await readJson<{ file?: GeminiFile }>(response, signal);
          if (!isObject(json.file)) throw new ProtocolError('The finalized upload did not return a file');
          onProgress?.({ loaded: total, total });
          return json.file;
        }
        await response.body?.cancel().catch(() => {});
        if (status !== 'active') throw new ProtocolError(`Unexpected upload status: ${status ?? 'none'}`);
        onProgress?.({ loaded: offset, total });
      } while (offset < total);
      throw new ProtocolError('All bytes were sent but the upload was not finalized');
    },

    async get(name, options = {}) {
      const json = await transport.sendJson<GeminiFile | { file: GeminiFile }>({
        method: 'GET',
        path: pathOf(name),
        signal: options.signal,
        idempotent: true,
      });
      // files.get answers with the File itself; accept the upload's `{file}` wrapper as well.
      return 'file' in json && isObject(json.file) ? json.file : (json as GeminiFile);
    },

    async delete(name, options = {}) {
      await transport.sendJson({
        method: 'DELETE',
        path: pathOf(name),
        signal: options.signal,
        idempotent: true,
      });
    },
  };
}

/** Chunks other than the last must be multiples of the server's granularity (256 KiB on Google). */
function alignChunk(requested: number, headers: Headers): number {
  const size = Number.isFinite(requested) && requested >= 1 ? Math.floor(requested) : DEFAULT_CHUNK_SIZE;
  const granularity = Number(headers.get('x-goog-upload-chunk-granularity'));
  if (!Number.isInteger(granularity) || granularity <= 0) return size;
  return Math.max(granularity, Math.round(size / granularity) * granularity);
}
