import { ApiError } from '../errors.js';
import { isObject } from '../util/is-object.js';
import type { ApiErrorResponse } from '../wire/index.js';

/**
 * A non-2xx response as an ApiError. Google's body is `{error: {code, message, status, details}}`;
 * anything else (a proxy's HTML page, an empty body) still yields an error with the HTTP status.
 */
export async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: Partial<ApiErrorResponse['error']> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (isObject(parsed) && isObject(parsed.error)) body = parsed.error;
  } catch {
    // Not JSON: the text itself becomes the message below.
  }
  const details = Array.isArray(body.details) ? body.details : undefined;
  return new ApiError({
    status: response.status,
    code: typeof body.code === 'number' || typeof body.code === 'string' ? body.code : response.status,
    apiStatus: typeof body.status === 'string' ? body.status : undefined,
    message:
      typeof body.message === 'string' && body.message !== ''
        ? body.message
        : `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
    details,
    retryAfter: parseRetryAfter(response.headers.get('retry-after')) ?? retryInfoDelay(details),
  });
}

/** `Retry-After` is either delta-seconds or an HTTP-date; the result is seconds from now. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** Gemini often says when to come back in a `google.rpc.RetryInfo` detail (`retryDelay: "20s"`). */
function retryInfoDelay(details: Record<string, unknown>[] | undefined): number | undefined {
  for (const detail of details ?? []) {
    const type = detail['@type'];
    const delay = detail.retryDelay;
    if (typeof type === 'string' && type.endsWith('google.rpc.RetryInfo') && typeof delay === 'string') {
      const match = /^(\d+(?:\.\d+)?)s$/.exec(delay);
      if (match) return Number(match[1]);
    }
  }
  return undefined;
}
