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

/** The longest side of a thumbnail, in pixels: sharp on a 2× screen at the size chat previews show. */
const THUMBNAIL_SIZE = 256;

/**
 * A small `data:image/webp` (or PNG where WebP encoding is missing) of an image, for previews that outlive
 * the bytes. Undefined where it cannot be made: not an image, a format the browser cannot decode, or no
 * canvas (Node, a worker without OffscreenCanvas). Never throws: a preview is not worth failing a send.
 */
export async function makeThumbnail(file: Blob): Promise<string | undefined> {
  if (!file.type.startsWith('image/')) return undefined;
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return undefined;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, THUMBNAIL_SIZE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const url = canvas.toDataURL('image/webp', 0.8);
    return url.startsWith('data:image/') ? url : undefined;
  } catch {
    return undefined;
  }
}
