/**
 * The Files API resource. Unlike the Interactions API, the Files API is the older v1beta surface
 * and its JSON uses camelCase (`mimeType`, `sizeBytes`): these names are as on the wire.
 */
export type FileState = 'STATE_UNSPECIFIED' | 'PROCESSING' | 'ACTIVE' | 'FAILED' | (string & {});

export interface GeminiFile {
  /** `files/{id}` */
  name: string;
  displayName?: string;
  mimeType?: string;
  /** int64 as a decimal string, as the API sends it. */
  sizeBytes?: string;
  createTime?: string;
  updateTime?: string;
  expirationTime?: string;
  sha256Hash?: string;
  /** What to put in `ImageContent.uri` (etc.) to refer to this file. */
  uri?: string;
  state?: FileState;
  source?: string;
  error?: { code?: number; message?: string };
}
