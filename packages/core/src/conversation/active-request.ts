import { toGemkitError } from '../errors.js';
import type { InteractionRun, RunOutcome } from './interaction-run.js';

/**
 * A request in flight, from its first upload to the end of its run: stopping it aborts the uploads and stops
 * the run (which cancels upstream). Conversation and InteractionController each keep one.
 */
export class ActiveRequest {
  readonly uploads = new AbortController();
  run: InteractionRun | undefined;

  stop(): void {
    this.uploads.abort();
    this.run?.stop();
  }
}

/** The outcome of a request that failed before its run could report one (a bad request, a failed upload). */
export function failedOutcome(caught: unknown): RunOutcome {
  return { interaction: undefined, error: toGemkitError(caught), stopped: false, lastEventId: undefined };
}
