import { checkDeclaredLength, limitBody, readOptionalJsonObject } from '../body.js';
import type { Call } from '../call.js';
import { badGateway, badRequest, payloadTooLarge } from '../errors.js';
import type { RouteReply } from '../incoming.js';
import { publicOrigin } from '../request-info.js';
import type { UpstreamResponse } from '../upstream.js';

/** The Files API keeps a file 48 hours; its ownership record needs to last no longer. */
const FILE_TTL_MS = 48 * 60 * 60 * 1000;
/** A resumable upload session that is not finished within a day is abandoned. */
const UPLOAD_SESSION_TTL_MS = 24 * 60 * 60 * 1000;

const UPLOAD_COMMANDS = new Set(['upload', 'finalize', 'query', 'cancel']);

/**
 * `POST …/upload/v1beta/files` with `X-Goog-Upload-Command: start`: the first step of the resumable protocol.
 * The upload URL the upstream answers with is rewritten to point at this route, so the bytes come here too
 * (and the browser never learns, nor needs, the upstream's address or key).
 */
export async function startUpload(call: Call): Promise<RouteReply> {
  const { request, options } = call;
  if (request.headers.get('x-goog-upload-protocol')?.toLowerCase() !== 'resumable') {
    throw badRequest('Only the resumable upload protocol is supported (X-Goog-Upload-Protocol: resumable).');
  }
  if (request.headers.get('x-goog-upload-command')?.toLowerCase() !== 'start') {
    throw badRequest('An upload starts with X-Goog-Upload-Command: start.');
  }
  const declared = request.headers.get('x-goog-upload-header-content-length');
  if (declared !== null) {
    if (!/^\d{1,16}$/.test(declared))
      throw badRequest('X-Goog-Upload-Header-Content-Length must be a byte count.');
    if (Number(declared) > options.upload.maxBytes) {
      throw payloadTooLarge(`Files larger than ${options.upload.maxBytes} bytes are not accepted here.`);
    }
  }
  const metadata = await readOptionalJsonObject(request, options.json);
  const upstream = await call.send(metadata ? metadata.bytes : null);
  if (!upstream.ok) return call.relayError(upstream);

  const uploadUrl = parseUploadUrl(upstream.headers.get('x-goog-upload-url'));
  if (!uploadUrl) {
    await upstream.body?.cancel();
    call.release();
    throw badGateway('The upstream did not answer with an upload URL.');
  }
  await call.guard?.record('upload', uploadUrl.uploadId, call.user, UPLOAD_SESSION_TTL_MS);
  const ownUrl = `${publicOrigin(request, call.target, options.trustProxy)}${options.basePath}/upload/v1beta/files?${uploadUrl.query}`;
  return call.relay(upstream, { headers: { 'x-goog-upload-url': ownUrl } });
}

/**
 * `POST …/upload/v1beta/files?upload_id=…`: the bytes (`upload`, `upload, finalize`, `query`). Streamed to
 * the upstream as they arrive, under the upload size and time limits.
 */
export async function uploadBytes(call: Call): Promise<RouteReply> {
  const { request, options, guard, user } = call;
  const uploadId = new URLSearchParams(call.match.query).get('upload_id') ?? '';
  if (guard) await guard.check('upload', uploadId, user);
  const commands = (request.headers.get('x-goog-upload-command') ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase());
  if (!commands.every((command) => UPLOAD_COMMANDS.has(command))) {
    throw badRequest('Unknown X-Goog-Upload-Command.');
  }
  const offsetHeader = request.headers.get('x-goog-upload-offset') ?? '0';
  if (!/^\d{1,16}$/.test(offsetHeader)) throw badRequest('X-Goog-Upload-Offset must be a byte count.');
  const room = options.upload.maxBytes - Number(offsetHeader);
  if (room < 0)
    throw payloadTooLarge(`Files larger than ${options.upload.maxBytes} bytes are not accepted here.`);
  checkDeclaredLength(request, room);

  const body = request.body
    ? limitBody(request.body, { maxBytes: room, timeoutMs: options.upload.timeoutMs })
    : null;
  let upstream: UpstreamResponse;
  try {
    upstream = await call.send(body);
  } catch (error) {
    throw body?.failure() ?? error;
  }
  const failure = body?.failure();
  if (failure) {
    // The upstream saw a broken body; what the client needs to know is which limit it hit.
    await upstream.body?.cancel();
    call.release();
    throw failure;
  }
  if (!upstream.ok) return call.relayError(upstream);
  if (upstream.headers.get('x-goog-upload-status')?.toLowerCase() !== 'final' || !guard)
    return call.relay(upstream);

  const { text, value } = await call.readJson(upstream);
  const fileId = fileIdOf(value);
  if (fileId) await guard.record('file', fileId, user, FILE_TTL_MS);
  await guard.forget('upload', uploadId);
  return call.respondWith(upstream, text);
}

/** The upstream's upload URL, reduced to what the route forwards later: its `upload_id` (and protocol). */
function parseUploadUrl(value: string | null): { uploadId: string; query: string } | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const uploadId = url.searchParams.get('upload_id');
  if (!uploadId) return undefined;
  const query = new URLSearchParams({ upload_id: uploadId });
  const protocol = url.searchParams.get('upload_protocol');
  if (protocol) query.set('upload_protocol', protocol);
  return { uploadId, query: query.toString() };
}

function fileIdOf(value: unknown): string | undefined {
  const name = (value as { file?: { name?: unknown } } | undefined)?.file?.name;
  if (typeof name !== 'string' || !name.startsWith('files/')) return undefined;
  return name.slice('files/'.length);
}
