import {
  AbortError,
  type AnyGemkitError,
  ApiError,
  type InterruptedReason,
  NetworkError,
  ProtocolError,
  StreamError,
  StreamInterruptedError,
  ToolRoundtripLimitError,
  UnexpectedError,
  UsageError,
} from '../errors.js';

/** A GemkitError as plain data (its `toJSON()`), as it is kept in storage. */
export type SerializedError = Record<string, unknown>;

/** Rebuilds the typed error that `toJSON()` described, so a restored failed turn reads as it did before. */
export function reviveError(data: unknown): AnyGemkitError | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const fields = data as Record<string, unknown>;
  const message = typeof fields.message === 'string' ? fields.message : 'Unknown error';
  const string = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : undefined);
  switch (fields.kind) {
    case 'api':
      return new ApiError({
        status: typeof fields.status === 'number' ? fields.status : 0,
        code: typeof fields.code === 'number' || typeof fields.code === 'string' ? fields.code : 0,
        apiStatus: string('apiStatus'),
        message,
        details: Array.isArray(fields.details) ? (fields.details as Record<string, unknown>[]) : undefined,
        retryAfter: typeof fields.retryAfter === 'number' ? fields.retryAfter : undefined,
      });
    case 'stream':
      return new StreamError(string('code'), message);
    case 'network':
      return new NetworkError(message, fields.beforeResponse === true);
    case 'abort':
      return new AbortError(message);
    case 'protocol':
      return new ProtocolError(message);
    case 'interrupted':
      return new StreamInterruptedError(
        (string('reason') ?? 'resume_failed') as InterruptedReason,
        { interactionId: string('interactionId'), lastEventId: string('lastEventId') },
        {},
      );
    case 'usage':
      return new UsageError(message);
    case 'tool_limit':
      return new ToolRoundtripLimitError(
        typeof fields.limit === 'number' && Number.isInteger(fields.limit) && fields.limit >= 0
          ? fields.limit
          : 0,
      );
    default:
      return new UnexpectedError(message);
  }
}
