import type { MediaContent } from '../wire/index.js';
import type { PrepareAttachmentOptions } from './attachments.js';

/**
 * Small enough to inline by default. Inline data is sent again with every later turn in stateless mode,
 * and it counts against the request size limit, so anything bigger is uploaded once and referred to by uri.
 */
export const DEFAULT_INLINE_MAX_BYTES = 256 * 1024;

/*
 * The attachment code (base64 encoding, and through it the Files API upload) loads with the first
 * attachment: most turns have none, so a chat's bundle need not carry it. These are the only ways in, so
 * that it stays a chunk of its own in the published build and in an app's.
 */

/** Turns a File or Blob into the content block that sends it: inline base64, or a Files API upload's uri. */
export async function prepareAttachment(
  file: Blob,
  options: PrepareAttachmentOptions,
): Promise<MediaContent> {
  return (await import('./attachments.js')).prepareAttachment(file, options);
}

/** A Blob's bytes as base64, as `data` of inline content. */
export async function blobToBase64(blob: Blob): Promise<string> {
  return (await import('./attachments.js')).blobToBase64(blob);
}

/** A small data URL preview of an image, saved with the conversation (undefined where none can be made). */
export async function makeThumbnail(file: Blob): Promise<string | undefined> {
  return (await import('./attachments.js')).makeThumbnail(file);
}
