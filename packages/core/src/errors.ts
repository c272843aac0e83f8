import type { Interaction } from './wire/index.js';

/**
 * Every failure core reports is a GemkitError with a `kind`, so a UI can switch on it as a value
 * (`switch (error.kind)`) after `toGemkitError(caught)`, and show or store it via `toJSON()`.
 */
export type GemkitErrorKind =
  | 'api'
  | 'stream'
  | 'network'
  | 'abort'
  | 'protocol'
  | 'interrupted'
  | 'usage'
  | 'tool_limit'
  | 'unexpected';

export interface GemkitErrorOptions {
  cause?: unknown;
  /** The Interaction as far as it had streamed when the failure happened. */
  snapshot?: Interaction | undefined;
}

export abstract class GemkitError extends Error {
  abstract readonly kind: GemkitErrorKind;
  /** Set when the error ended a stream: the partial Interaction rebuilt so far (kept out of `toJSON`). */
  snapshot: Interaction | undefined;

  constructor(message: string, options: GemkitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.snapshot = options.snapshot;
  }

  /** Plain data for logs, `postMessage` and UI state: kind, name, message and the subclass fields. */
  toJSON(): Record<string, unknown> {
    const { snapshot: _snapshot, ...fields } = this as unknown as Record<string, unknown>;
    const cause = this.cause instanceof Error ? this.cause.message : this.cause;
    return { name: this.name, message: this.message, ...fields, ...(cause === undefined ? {} : { cause }) };
  }
}

export interface ApiErrorInit {
  status: number;
  code: number | string;
  apiStatus?: string | undefined;
  message: string;
  details?: Record<string, unknown>[] | undefined;
  retryAfter?: number | undefined;
}

/** A non-2xx HTTP response, with the fields of Google's error body. */
export class ApiError extends GemkitError {
  readonly kind = 'api';
  override readonly name = 'ApiError';
  /** HTTP status. */
  readonly status: number;
  /** `error.code` of the body (the HTTP status as a number on Google APIs). */
  readonly code: number | string;
  /** `error.status`, the canonical name: `INVALID_ARGUMENT`, `RESOURCE_EXHAUSTED`, … */
  readonly apiStatus: string | undefined;
  readonly details: Record<string, unknown>[] | undefined;
  /** Seconds the server asked to wait (`Retry-After` header or a RetryInfo detail). */
  readonly retryAfter: number | undefined;

  constructor(init: ApiErrorInit, options?: GemkitErrorOptions) {
    super(init.message, options);
    this.status = init.status;
    this.code = init.code;
    this.apiStatus = init.apiStatus;
    this.details = init.details;
    this.retryAfter = init.retryAfter;
  }
}

/** An `error` event inside a stream: generation failed after the response had started. */
export class StreamError extends GemkitError {
  readonly kind = 'stream';
  override readonly name = 'StreamError';
  readonly code: string | undefined;

  constructor(code: string | undefined, message: string, options?: GemkitErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** The connection failed or broke: DNS, refused, reset, or a body that stopped mid-way. */
export class NetworkError extends GemkitError {
  readonly kind = 'network';
  override readonly name = 'NetworkError';
  /** True when nothing at all was received, so repeating the request cannot duplicate work. */
  readonly beforeResponse: boolean;

  constructor(message: string, beforeResponse: boolean, options?: GemkitErrorOptions) {
    super(message, options);
    this.beforeResponse = beforeResponse;
  }
}

/** The caller aborted (an AbortSignal, `stream.abort()`, or leaving a `for await` early). */
export class AbortError extends GemkitError {
  readonly kind = 'abort';
  override readonly name = 'AbortError';
}

/** The server answered something that is not the protocol: malformed SSE/JSON, missing headers. */
export class ProtocolError extends GemkitError {
  readonly kind = 'protocol';
  override readonly name = 'ProtocolError';
}

export type InterruptedReason = 'not_stored' | 'no_interaction_id' | 'resume_failed';

/** A stream broke and could not be resumed; `snapshot` keeps what had arrived, `cause` the last failure. */
export class StreamInterruptedError extends GemkitError {
  readonly kind = 'interrupted';
  override readonly name = 'StreamInterruptedError';
  readonly reason: InterruptedReason;
  readonly interactionId: string | undefined;
  readonly lastEventId: string | undefined;

  constructor(
    reason: InterruptedReason,
    ids: { interactionId: string | undefined; lastEventId: string | undefined },
    options: GemkitErrorOptions,
  ) {
    super(`The stream broke and could not be resumed (${reason.replace(/_/g, ' ')})`, options);
    this.reason = reason;
    this.interactionId = ids.interactionId;
    this.lastEventId = ids.lastEventId;
  }
}

/** The client was called wrongly: an empty id, a body that is not an object, a stream iterated twice. */
export class UsageError extends GemkitError {
  readonly kind = 'usage';
  override readonly name = 'UsageError';
}

/**
 * The model kept calling functions: after `maxToolRoundtrips` rounds of results sent back, it called again,
 * and the turn ended here instead of running the functions once more. Its last calls stay unanswered.
 */
export class ToolRoundtripLimitError extends GemkitError {
  readonly kind = 'tool_limit';
  override readonly name = 'ToolRoundtripLimitError';
  /** The `maxToolRoundtrips` that was reached. */
  readonly limit: number;

  constructor(limit: number, options?: GemkitErrorOptions) {
    super(
      `The model called functions again after ${limit} round trip${limit === 1 ? '' : 's'} of results (maxToolRoundtrips); the turn was ended`,
      options,
    );
    this.limit = limit;
  }
}

/** Anything else that was thrown, wrapped so that callers always get a GemkitError. */
export class UnexpectedError extends GemkitError {
  readonly kind = 'unexpected';
  override readonly name = 'UnexpectedError';
}

export type AnyGemkitError =
  | ApiError
  | StreamError
  | NetworkError
  | AbortError
  | ProtocolError
  | StreamInterruptedError
  | UsageError
  | ToolRoundtripLimitError
  | UnexpectedError;

/** Turns anything caught into a typed error value (`error.kind` narrows it). */
export function toGemkitError(error: unknown): AnyGemkitError {
  if (error instanceof GemkitError) return error as AnyGemkitError;
  if (isAbortLike(error)) return new AbortError('The operation was aborted', { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new UnexpectedError(message, { cause: error });
}

export function isGemkitError(error: unknown): error is AnyGemkitError {
  return error instanceof GemkitError;
}

/** DOMException AbortError / TimeoutError from fetch and AbortSignal, across runtimes. */
export function isAbortLike(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'TimeoutError';
}
