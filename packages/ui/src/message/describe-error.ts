import type { AnyGemkitError } from '@gemkit/react';
import type { GemkitStrings } from '../strings/default-strings';

export interface ErrorDescription {
  /** What happened, in the user's words (from the strings, so it is localized). */
  title: string;
  /** The server's or the library's own message, when it adds something the title does not say. */
  detail: string | undefined;
}

/** The sentence a UI shows for a failed turn, chosen by the error's kind and HTTP status. */
export function describeError(error: AnyGemkitError, strings: GemkitStrings): ErrorDescription {
  switch (error.kind) {
    case 'api':
      if (error.status === 429)
        return { title: strings.errorRateLimited(retrySeconds(error.retryAfter)), detail: undefined };
      if (error.status === 401 || error.status === 403)
        return { title: strings.errorUnauthorized, detail: error.message };
      return { title: strings.errorGeneric, detail: error.message };
    case 'network':
      return { title: strings.errorNetwork, detail: undefined };
    case 'interrupted':
      return { title: strings.errorInterrupted, detail: undefined };
    case 'stream':
      return { title: strings.errorStream, detail: error.message };
    default:
      return { title: strings.errorGeneric, detail: error.message || undefined };
  }
}

/** `retryAfter` is in seconds and may be fractional or absent; people read whole seconds. */
function retrySeconds(retryAfter: number | undefined): number | undefined {
  if (retryAfter === undefined || !Number.isFinite(retryAfter) || retryAfter < 0) return undefined;
  return Math.max(1, Math.ceil(retryAfter));
}
