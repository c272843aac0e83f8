import type { GemkitClient } from '../client/create-client.js';
import { UsageError } from '../errors.js';
import type { MediaContent } from '../wire/index.js';
import { mediaTypeOf } from './media-type.js';

export interface PrepareAttachmentOptions {
  client: GemkitClient;
  /** Files up to this size are sent inline as base64; larger ones go through the Files API. */
  inlineMaxBytes: number;
  signal?: AbortSignal | undefined;
  /** Upload progress, 0 to 1. */
  onProgress?: (fraction: number) => void;
}

/** Turns a File or Blob into the content block that sends it: inline base64, or a Files API upload's uri. */
export async function prepareAttachment(
  file: Blob,
  options: PrepareAttachmentOptions,
): Promise<MediaContent> {
  const mimeType = file.type;
  if (!mimeType) throw new UsageError('An attachment needs a MIME type: give the Blob a type');
  const type = mediaTypeOf(mimeType);
  if (file.size <= options.inlineMaxBytes) {
    const data = await blobToBase64(file);
    options.onProgress?.(1);
    return { type, mime_type: mimeType, data } as MediaContent;
  }
  const uploaded = await options.client.files.upload(file, {
    mimeType,
    signal: options.signal,
    onProgress: ({ loaded, total }) => options.onProgress?.(total > 0 ? loaded / total : 1),
  });
  return {
    type,
    mime_type: uploaded.mimeType ?? mimeType,
    uri: uploaded.uri ?? uploaded.name,
  } as MediaContent;
}

export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await readBytes(blob));
  let binary = '';
  // String.fromCharCode takes arguments: chunked, so a large file does not overflow the call stack.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

/** Blob.arrayBuffer where it exists; FileReader for Blob implementations without it. */
function readBytes(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
