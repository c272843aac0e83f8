import type { BucketSpec } from '../stores/types.js';

/*
 * Why a token bucket of our own instead of `rate-limiter-flexible` or `limiter` (both checked):
 * - rate-limiter-flexible counts points in fixed windows (its Redis backend is an INCR + EXPIRE script), so a
 *   client can spend twice its limit across a window edge; it has no token bucket, and it would bring its own
 *   storage classes where the route needs one small store interface shared with ownership records.
 * - limiter is a token bucket, but one in-process object per bucket, with no keyed map, no expiry and no
 *   shared backend, so it cannot hold a limit across instances.
 * The algorithm is the few lines below; the Redis store runs the same arithmetic in one Lua script.
 */

export interface BucketState {
  tokens: number;
  updatedMs: number;
}

export interface TakeOutcome {
  state: BucketState;
  allowed: boolean;
  retryAfterMs: number;
}

/** Refill for the time elapsed (a clock that went back refills nothing), then take one token if there is one. */
export function takeFromBucket(state: BucketState | undefined, spec: BucketSpec, nowMs: number): TakeOutcome {
  const elapsedMs = state ? Math.max(0, nowMs - state.updatedMs) : 0;
  const available = state
    ? Math.min(spec.capacity, state.tokens + (elapsedMs * spec.refillPerSecond) / 1000)
    : spec.capacity;
  if (available >= 1) {
    return { state: { tokens: available - 1, updatedMs: nowMs }, allowed: true, retryAfterMs: 0 };
  }
  const retryAfterMs = Math.ceil(((1 - available) * 1000) / spec.refillPerSecond);
  return { state: { tokens: available, updatedMs: nowMs }, allowed: false, retryAfterMs };
}

/** How long until an untouched bucket is full again: after that, forgetting it changes nothing. */
export function msUntilFull(state: BucketState, spec: BucketSpec): number {
  return Math.ceil(((spec.capacity - state.tokens) * 1000) / spec.refillPerSecond);
}
