import { describe, expect, test } from 'vitest';
import { AbortError, ApiError, NetworkError, ProtocolError } from '../errors.js';
import { backoff, resolveRetryPolicy, retryDelay, sleep } from './retry.js';

const policy = resolveRetryPolicy({ maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000 });
const apiError = (status: number, retryAfter?: number) =>
  new ApiError({ status, code: status, message: 'x', retryAfter });
const half = () => 0.5;

describe('retryDelay', () => {
  test('429 and 503 back off exponentially with jitter, up to maxRetries', () => {
    expect(retryDelay(apiError(429), 0, policy, false, () => 0)).toBe(50);
    expect(retryDelay(apiError(503), 1, policy, false, () => 1)).toBe(200);
    expect(retryDelay(apiError(503), 2, policy, false, half)).toBe(300);
    expect(retryDelay(apiError(429), 3, policy, false, half)).toBeUndefined();
  });

  test('Retry-After is honoured exactly, and not waited for beyond maxDelayMs', () => {
    expect(retryDelay(apiError(429, 0.5), 0, policy, false)).toBe(500);
    expect(retryDelay(apiError(429, 30), 0, policy, false)).toBeUndefined();
  });

  test('other statuses and protocol errors are not retried', () => {
    for (const status of [400, 401, 404, 500])
      expect(retryDelay(apiError(status), 0, policy, true)).toBeUndefined();
    expect(retryDelay(new ProtocolError('x'), 0, policy, true)).toBeUndefined();
    expect(retryDelay(new AbortError('x'), 0, policy, true)).toBeUndefined();
  });

  test('a lost connection is retried before the first byte always, after it only when idempotent', () => {
    expect(retryDelay(new NetworkError('x', true), 0, policy, false, half)).toBe(75);
    expect(retryDelay(new NetworkError('x', false), 0, policy, false)).toBeUndefined();
    expect(retryDelay(new NetworkError('x', false), 0, policy, true, half)).toBe(75);
  });
});

test('backoff is capped by maxDelayMs', () => {
  expect(backoff(20, policy, () => 1)).toBe(1000);
});

test('resolveRetryPolicy ignores invalid numbers', () => {
  expect(resolveRetryPolicy({ maxRetries: -1, baseDelayMs: Number.NaN, maxDelayMs: 5 })).toMatchObject({
    maxRetries: 3,
    baseDelayMs: 500,
    maxDelayMs: 5,
  });
});

test('sleep rejects with AbortError when aborted, before or during the wait', async () => {
  const controller = new AbortController();
  const waiting = sleep(60_000, controller.signal);
  controller.abort();
  await expect(waiting).rejects.toBeInstanceOf(AbortError);
  await expect(sleep(1, controller.signal)).rejects.toBeInstanceOf(AbortError);
});
