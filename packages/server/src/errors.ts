import type { ApiErrorResponse } from '@gemkit/core';

/** Google's canonical status names that this route answers with. */
export type ApiStatusName =
  | 'INVALID_ARGUMENT'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'RESOURCE_EXHAUSTED'
  | 'DEADLINE_EXCEEDED'
  | 'INTERNAL'
  | 'UNAVAILABLE';

/**
 * A refusal decided by the route itself. Thrown anywhere inside the handler and turned into a response
 * in the API's own error shape, so clients (core's `ApiError`, the official SDK) read it like any API error.
 */
export class RouteError extends Error {
  override readonly name = 'RouteError';

  constructor(
    readonly httpStatus: number,
    readonly apiStatus: ApiStatusName,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new RouteError(400, 'INVALID_ARGUMENT', message);
export const unauthenticated = (message: string) => new RouteError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message: string) => new RouteError(403, 'PERMISSION_DENIED', message);
export const notFound = (message = 'Not found.') => new RouteError(404, 'NOT_FOUND', message);
// The API has no canonical status of its own for these three; Google answers them as INVALID_ARGUMENT.
export const payloadTooLarge = (message: string) => new RouteError(413, 'INVALID_ARGUMENT', message);
export const unsupportedMediaType = (message: string) => new RouteError(415, 'INVALID_ARGUMENT', message);
export const methodNotAllowed = (allow: readonly string[]) =>
  new RouteError(405, 'INVALID_ARGUMENT', 'Method not allowed on this path.', { allow: allow.join(', ') });
export const requestTimeout = (message: string) => new RouteError(408, 'DEADLINE_EXCEEDED', message);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new RouteError(429, 'RESOURCE_EXHAUSTED', 'Too many requests: slow down and retry later.', {
    'retry-after': String(retryAfterSeconds),
  });
export const badGateway = (message: string) => new RouteError(502, 'UNAVAILABLE', message);

/** Headers every response of the route carries: nothing it returns is for a shared cache. */
export const PRIVATE_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function errorResponse(error: RouteError): Response {
  const body: ApiErrorResponse = {
    error: { code: error.httpStatus, message: error.message, status: error.apiStatus },
  };
  return new Response(JSON.stringify(body), {
    status: error.httpStatus,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      ...PRIVATE_RESPONSE_HEADERS,
      ...error.headers,
    },
  });
}
