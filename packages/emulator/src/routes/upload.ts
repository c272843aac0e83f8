import type { GeminiFile } from '@gemkit/core';
import type { EmulatorState, RequestScope } from '../context.js';
import { parseJsonObject } from '../http/body.js';
import { badRequest, EmulatorApiError, notFound } from '../http/errors.js';
import { jsonResponse } from '../http/json.js';
import type { UploadSession } from '../store/files.js';
import { encodeBase64 } from '../util/base64.js';
import { concatBytes } from '../util/bytes.js';
import { expectObject, expectString } from '../validate/guards.js';

/** How long the API keeps an uploaded file. */
const FILE_LIFETIME_MS = 48 * 60 * 60 * 1000;
/** The granularity the API announces for resumable chunks (8 MiB, the SDK's chunk size). */
const CHUNK_GRANULARITY = String(8 * 1024 * 1024);
const FILE_ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/**
 * POST /upload/v1beta/files — the resumable upload protocol, as @google/genai's `files.upload` speaks it:
 * `X-Goog-Upload-Command: start` answers with an absolute `X-Goog-Upload-URL`; then each chunk is POSTed
 * there with `upload` (and `finalize` on the last), `X-Goog-Upload-Offset` giving its position.
 * `query` reports how much arrived; `cancel` drops the upload.
 */
export async function upload(state: EmulatorState, scope: RequestScope): Promise<Response> {
  const uploadId = scope.url.searchParams.get('upload_id');
  const commands = (scope.request.headers.get('x-goog-upload-command') ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);
  if (uploadId === null) return startUpload(state, scope, commands);
  const session = state.files.upload(uploadId);
  if (!session)
    throw notFound(`Upload '${uploadId}' not found: it was finalized, cancelled, or never started.`);
  return continueUpload(state, scope, session, commands);
}

function startUpload(state: EmulatorState, scope: RequestScope, commands: string[]): Response {
  const headers = scope.request.headers;
  const protocol = headers.get('x-goog-upload-protocol');
  if (protocol?.toLowerCase() !== 'resumable' || !commands.includes('start')) {
    throw badRequest(
      'The emulator supports the resumable upload protocol: send X-Goog-Upload-Protocol: resumable and X-Goog-Upload-Command: start.',
    );
  }
  const requested =
    scope.body.byteLength === 0 ? {} : expectObject(parseJsonObject(scope.body).file ?? {}, 'file');
  const declaredHeader = headers.get('x-goog-upload-header-content-length');
  const declaredSize = declaredHeader === null ? undefined : Number(declaredHeader);
  if (declaredSize !== undefined && !(Number.isInteger(declaredSize) && declaredSize >= 0)) {
    throw badRequest(`Invalid X-Goog-Upload-Header-Content-Length: "${declaredHeader}".`);
  }
  if (declaredSize !== undefined && declaredSize > state.options.maxFileBytes) {
    throw new EmulatorApiError(
      413,
      `File size ${declaredSize} exceeds the limit of ${state.options.maxFileBytes} bytes.`,
    );
  }
  const mimeType =
    headers.get('x-goog-upload-header-content-type') ??
    (requested.mimeType === undefined ? undefined : expectString(requested.mimeType, 'file.mimeType'));
  if (!mimeType) throw badRequest('The file has no MIME type: send X-Goog-Upload-Header-Content-Type.');
  const displayName =
    requested.displayName === undefined ? undefined : expectString(requested.displayName, 'file.displayName');
  const fileId = requestedFileId(state, requested.name) ?? state.options.generateId('file');
  const session: UploadSession = {
    id: state.options.generateId('upload'),
    fileId,
    declaredSize,
    mimeType,
    displayName,
    chunks: [],
    received: 0,
  };
  state.files.startUpload(session);
  const prefix = `${scope.url.origin}${state.options.basePath}`;
  return new Response(null, {
    status: 200,
    headers: {
      'x-goog-upload-url': `${prefix}/upload/v1beta/files?upload_id=${encodeURIComponent(session.id)}&upload_protocol=resumable`,
      'x-goog-upload-status': 'active',
      'x-goog-upload-chunk-granularity': CHUNK_GRANULARITY,
    },
  });
}

function requestedFileId(state: EmulatorState, name: unknown): string | undefined {
  if (name === undefined) return undefined;
  const id = expectString(name, 'file.name').replace(/^files\//, '');
  if (!FILE_ID.test(id)) {
    throw badRequest(
      `Invalid file name '${String(name)}': use lowercase letters, digits and dashes (at most 40).`,
    );
  }
  if (state.files.has(id))
    throw new EmulatorApiError(409, `File 'files/${id}' already exists.`, { apiStatus: 'ALREADY_EXISTS' });
  return id;
}

async function continueUpload(
  state: EmulatorState,
  scope: RequestScope,
  session: UploadSession,
  commands: string[],
): Promise<Response> {
  const status = (value: string, extra: Record<string, string> = {}) =>
    new Response(null, { status: 200, headers: { 'x-goog-upload-status': value, ...extra } });
  if (commands.includes('cancel')) {
    state.files.endUpload(session.id);
    return status('cancelled');
  }
  if (commands.includes('query'))
    return status('active', { 'x-goog-upload-size-received': String(session.received) });
  if (!commands.includes('upload') && !commands.includes('finalize')) {
    throw badRequest(
      `Unknown X-Goog-Upload-Command "${commands.join(', ')}": use upload, finalize, query or cancel.`,
    );
  }
  const offsetHeader = scope.request.headers.get('x-goog-upload-offset');
  const offset = offsetHeader === null ? session.received : Number(offsetHeader);
  if (offset !== session.received) {
    throw badRequest(
      `X-Goog-Upload-Offset ${offsetHeader} does not match the ${session.received} bytes received so far.`,
    );
  }
  if (session.received + scope.body.byteLength > state.options.maxFileBytes) {
    state.files.endUpload(session.id);
    throw new EmulatorApiError(413, `File size exceeds the limit of ${state.options.maxFileBytes} bytes.`);
  }
  session.chunks.push(scope.body);
  session.received += scope.body.byteLength;
  if (!commands.includes('finalize')) return status('active');

  if (session.declaredSize !== undefined && session.declaredSize !== session.received) {
    state.files.endUpload(session.id);
    throw badRequest(`The upload declared ${session.declaredSize} bytes but ${session.received} arrived.`);
  }
  const data = concatBytes(session.chunks, session.received);
  const file = await describeFile(state, scope, session, data);
  state.files.endUpload(session.id);
  state.files.add(session.fileId, { file, data });
  state.stats.filesUploaded++;
  return jsonResponse({ file }, { headers: { 'x-goog-upload-status': 'final' } });
}

async function describeFile(
  state: EmulatorState,
  scope: RequestScope,
  session: UploadSession,
  data: Uint8Array,
): Promise<GeminiFile> {
  const now = state.options.now();
  const time = now.toISOString();
  const name = `files/${session.fileId}`;
  return {
    name,
    ...(session.displayName === undefined ? {} : { displayName: session.displayName }),
    mimeType: session.mimeType,
    sizeBytes: String(data.byteLength),
    createTime: time,
    updateTime: time,
    expirationTime: new Date(now.getTime() + FILE_LIFETIME_MS).toISOString(),
    ...(await sha256(data)),
    uri: `${scope.url.origin}${state.options.basePath}/v1beta/${name}`,
    state: 'ACTIVE',
    source: 'UPLOADED',
  };
}

/** crypto.subtle exists only in secure contexts in browsers; without it the hash is simply omitted. */
async function sha256(data: Uint8Array): Promise<{ sha256Hash?: string }> {
  if (!globalThis.crypto?.subtle) return {};
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return { sha256Hash: encodeBase64(new Uint8Array(digest)) };
}
