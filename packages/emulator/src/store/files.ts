import type { GeminiFile } from '@gemkit/core';

export interface StoredFile {
  file: GeminiFile;
  data: Uint8Array;
}

/** A resumable upload between its `start` and its `finalize`. */
export interface UploadSession {
  id: string;
  /** The id the file will get (`files/{fileId}`). */
  fileId: string;
  declaredSize: number | undefined;
  mimeType: string;
  displayName: string | undefined;
  chunks: Uint8Array[];
  received: number;
}

/** `…/files/{id}` (a Files API name or uri) → the id; anything else is not a Files API reference. */
const FILE_REFERENCE = /(?:^|\/)files\/([a-z0-9][a-z0-9-]{0,39})$/i;

export function fileIdFromUri(uri: string): string | undefined {
  const path = uri.split(/[?#]/, 1)[0] ?? '';
  return FILE_REFERENCE.exec(path)?.[1];
}

/** Uploaded files and the uploads still in progress, in memory. */
export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private readonly uploads = new Map<string, UploadSession>();

  get(id: string): StoredFile | undefined {
    return this.files.get(id);
  }

  has(id: string): boolean {
    return this.files.has(id) || [...this.uploads.values()].some((u) => u.fileId === id);
  }

  add(id: string, stored: StoredFile): void {
    this.files.set(id, stored);
  }

  delete(id: string): boolean {
    return this.files.delete(id);
  }

  list(): GeminiFile[] {
    return [...this.files.values()].map((f) => f.file);
  }

  startUpload(session: UploadSession): void {
    this.uploads.set(session.id, session);
  }

  upload(id: string): UploadSession | undefined {
    return this.uploads.get(id);
  }

  endUpload(id: string): void {
    this.uploads.delete(id);
  }

  clear(): void {
    this.files.clear();
    this.uploads.clear();
  }
}
