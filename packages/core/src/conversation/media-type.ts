import type { MediaContent } from '../wire/index.js';

/** The content block type the API expects for a MIME type; anything not image, audio or video is a document. */
export function mediaTypeOf(mimeType: string): MediaContent['type'] {
  const family = mimeType.split('/')[0];
  return family === 'image' || family === 'audio' || family === 'video' ? family : 'document';
}
