import type { ApiErrorResponse } from '@gemkit/core';

/** Google's canonical status names, keyed by the HTTP status the API sends them with. */
const CANONICAL_STATUS: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  // Neither 405 nor 413 has a canonical name of its own; Google's front end reports both as bad arguments.
  405: 'INVALID_ARGUMENT',
  409: 'ABORTED',
  413: 'INVALID_ARGUMENT',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

export function canonicalStatus(httpStatus: number): string {
  return CANONICAL_STATUS[httpStatus] ?? (httpStatus >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT');
}

/**
 * An error the emulator answers with an HTTP status and the API's error body. Routes throw it;
 * scripted responders may throw it too, to make a create fail the way the real API would.
 */
export class EmulatorApiError extends Error {
  readonly status: number;
  readonly apiStatus: string;
  readonly retryAfterSeconds: number | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    message: string,
    options: { apiStatus?: string; retryAfterSeconds?: number; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'EmulatorApiError';
    this.status = status;
    this.apiStatus = options.apiStatus ?? canonicalStatus(status);
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.headers = options.headers ?? {};
  }
}

export const badRequest = (message: string): EmulatorApiError => new EmulatorApiError(400, message);
export const notFound = (message: string): EmulatorApiError => new EmulatorApiError(404, message);

export function errorBody(error: EmulatorApiError): ApiErrorResponse {
  return { error: { code: error.status, message: error.message, status: error.apiStatus } };
}

export function errorResponse(error: EmulatorApiError): Response {
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8', ...error.headers });
  if (error.retryAfterSeconds !== undefined) headers.set('retry-after', String(error.retryAfterSeconds));
  return new Response(JSON.stringify(errorBody(error)), { status: error.status, headers });
}

/** Anything thrown inside the emulator becomes an API error; unknown throws are the emulator's own bug (500). */
export function toApiError(thrown: unknown): EmulatorApiError {
  if (thrown instanceof EmulatorApiError) return thrown;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new EmulatorApiError(500, `Internal error in the emulator: ${message}`);
}
