import { AbortError, ApiError, type NetworkError, StreamInterruptedError } from '../errors.js';
import type { Interaction } from '../wire/index.js';
import type { InteractionStreamInit } from './interaction-stream.js';
import { backoff, resolveRetryPolicy, sleep } from './retry.js';

/** Where the broken stream was. */
export interface StreamPosition {
  interactionId: string | undefined;
  lastEventId: string | undefined;
  snapshot: Interaction | undefined;
}

/**
 * Re-opens a broken stream after its last event id, after a backoff; or throws a StreamInterruptedError that
 * says why it cannot be (not stored, never named, or `attempt` beyond the policy's resumes). Loaded with the
 * first break: most streams never break.
 */
export async function reopenStream(
  { resumable, retry, reopen, controller }: InteractionStreamInit,
  { interactionId, lastEventId, snapshot }: StreamPosition,
  cause: NetworkError,
  attempt: number,
): Promise<Response> {
  const policy = resolveRetryPolicy(retry);
  const interrupted = (reason: 'not_stored' | 'no_interaction_id' | 'resume_failed', error: unknown) =>
    new StreamInterruptedError(reason, { interactionId, lastEventId }, { cause: error, snapshot });
  if (!interactionId) throw interrupted('no_interaction_id', cause);
  if (!resumable) throw interrupted('not_stored', cause);
  if (attempt > policy.maxResumeAttempts) throw interrupted('resume_failed', cause);
  await sleep(backoff(attempt - 1, policy), controller.signal);
  try {
    return await reopen(interactionId, lastEventId, controller.signal);
  } catch (error) {
    if (error instanceof AbortError) throw error;
    throw interrupted(
      error instanceof ApiError && error.status === 404 ? 'not_stored' : 'resume_failed',
      error,
    );
  }
}
