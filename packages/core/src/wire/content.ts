/**
 * Content blocks, as the Interactions API (revision 2026-05-20) puts them on the wire.
 * Field names are the API's own snake_case. String unions end in `(string & {})`
 * because the API adds values over time: editors still autocomplete the known ones.
 */

export type OpenString = string & {};

export type MediaResolution = 'low' | 'medium' | 'high' | 'ultra_high' | OpenString;

export type Modality = 'text' | 'image' | 'audio' | 'video' | 'document' | OpenString;

/** A citation or other annotation on a span of text; kept loose because its variants grow. */
export interface Annotation {
  type?: string;
  start_index?: number;
  end_index?: number;
  [key: string]: unknown;
}

export interface TextContent {
  type: 'text';
  text: string;
  annotations?: Annotation[];
}

export type ImageMimeType =
  | 'image/png'
  | 'image/jpeg'
  | 'image/webp'
  | 'image/heic'
  | 'image/heif'
  | 'image/gif'
  | 'image/bmp'
  | 'image/tiff'
  | OpenString;

/** Media is given either by `uri` (a Files API upload) or inline base64 `data`. */
export interface ImageContent {
  type: 'image';
  uri?: string;
  data?: string;
  mime_type?: ImageMimeType;
  resolution?: MediaResolution;
}

export interface AudioContent {
  type: 'audio';
  uri?: string;
  data?: string;
  mime_type?: string;
  channels?: number;
  sample_rate?: number;
}

export interface VideoContent {
  type: 'video';
  uri?: string;
  data?: string;
  mime_type?: string;
  name?: string;
  resolution?: MediaResolution;
}

export interface DocumentContent {
  type: 'document';
  uri?: string;
  data?: string;
  mime_type?: string;
}

export type MediaContent = ImageContent | AudioContent | VideoContent | DocumentContent;

/** Every content block the API documents for input and output. */
export type Content = TextContent | MediaContent;
