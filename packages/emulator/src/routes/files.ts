import type { EmulatorState } from '../context.js';
import { notFound } from '../http/errors.js';
import { jsonResponse } from '../http/json.js';

function stored(state: EmulatorState, id: string) {
  const file = state.files.get(id);
  if (!file) throw notFound(`File 'files/${id}' not found.`);
  return file;
}

/** GET /v1beta/files/{id} — the File resource (camelCase, as the Files API sends it). */
export function getFile(state: EmulatorState, id: string): Response {
  return jsonResponse(stored(state, id).file);
}

/** DELETE /v1beta/files/{id} */
export function deleteFile(state: EmulatorState, id: string): Response {
  stored(state, id);
  state.files.delete(id);
  return jsonResponse({});
}

/** GET /v1beta/files — every stored file, in one page. */
export function listFiles(state: EmulatorState): Response {
  return jsonResponse({ files: state.files.list() });
}
