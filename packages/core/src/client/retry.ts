import { AbortError, ApiError, NetworkError } from '../errors.js';

/**
 * Backoff is written here rather than taken from p-retry: the policy needs Retry-After and the
 * typed errors anyway, p-retry would add its own dependency chain, and the whole of this file is
 * smaller than the gzip budget a library would take from core + react (8 KB).
 */
export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** First backoff step (default 500 ms); doubles per attempt, with jitter. */
  baseDelayMs?: number;
  /** Longest wait (default 8 s). A Retry-After above it is not waited for: the ApiError surfaces. */
  maxDelayMs?: number;
  /** Consecutive resumes of a broken stream without a new event in between (default 3). */
  maxResumeAttempts?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxResumeAttempts: 3,
};

/** Statuses where the server did no work and asks to come back later. */
const RETRYABLE_STATUS = new Set([429, 503]);

export function resolveRetryPolicy(options: RetryOptions | undefined): RetryPolicy {
  const policy = { ...DEFAULT_RETRY };
  for (const key of Object.keys(policy) as (keyof RetryPolicy)[]) {
    const value = options?.[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) policy[key] = value;
  }
  return policy;
}

/**
 * How long to wait before attempt `attempt + 1`, or undefined to give up. `idempotent` requests may
 * also repeat after a connection broke mid-response; a create may not: the server had started.
 */
export function retryDelay(
  error: unknown,
  attempt: number,
  policy: RetryPolicy,
  idempotent: boolean,
  random: () => number = Math.random,
): number | undefined {
  if (attempt >= policy.maxRetries) return undefined;
  if (error instanceof ApiError && RETRYABLE_STATUS.has(error.status)) {
    if (error.retryAfter !== undefined) {
      const ms = error.retryAfter * 1000;
      return ms <= policy.maxDelayMs ? ms : undefined;
    }
    return backoff(attempt, policy, random);
  }
  if (error instanceof NetworkError && (error.beforeResponse || idempotent)) {
    return backoff(attempt, policy, random);
  }
  return undefined;
}

/** Exponential backoff with "equal jitter": half fixed, half random, so clients spread out. */
export function backoff(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}

/**
 * Retries `run` after its first attempt failed with `error`, per the policy `options` resolve to; rethrows
 * the last error when the policy gives up. Loaded only when a request fails.
 */
export async function retryAfterFailure<T>(
  error: unknown,
  run: () => Promise<T>,
  options: RetryOptions | undefined,
  idempotent: boolean,
  signal: AbortSignal | undefined,
): Promise<T> {
  const policy = resolveRetryPolicy(options);
  let last = error;
  for (let attempt = 0; ; attempt++) {
    const delay = retryDelay(last, attempt, policy, idempotent);
    if (delay === undefined) throw last;
    await sleep(delay, signal);
    try {
      return await run();
    } catch (caught) {
      last = caught;
    }
  }
}

/** A wait that an AbortSignal ends early with AbortError. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError('The operation was aborted'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError('The operation was aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
