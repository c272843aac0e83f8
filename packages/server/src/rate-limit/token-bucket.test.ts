import { describe, expect, it } from 'vitest';
import { type BucketState, msUntilFull, takeFromBucket } from './token-bucket.js';

const spec = { capacity: 3, refillPerSecond: 1 };

describe('takeFromBucket', () => {
  it('allows a burst of `capacity`, then refuses with the time until one token is back', () => {
    let state: BucketState | undefined;
    const results = [];
    for (let i = 0; i < 4; i++) {
      const outcome = takeFromBucket(state, spec, 1_000);
      state = outcome.state;
      results.push(outcome.allowed);
    }
    expect(results).toEqual([true, true, true, false]);
    expect(takeFromBucket(state, spec, 1_000).retryAfterMs).toBe(1_000);
    expect(takeFromBucket(state, spec, 1_400).retryAfterMs).toBe(600);
  });

  it('refills with time, never above capacity', () => {
    const empty = { tokens: 0, updatedMs: 0 };
    expect(takeFromBucket(empty, spec, 1_000).allowed).toBe(true);
    expect(takeFromBucket(empty, spec, 60_000).state.tokens).toBe(2);
  });

  it('refills nothing when the clock goes back', () => {
    const outcome = takeFromBucket({ tokens: 0.5, updatedMs: 5_000 }, spec, 1_000);
    expect(outcome.allowed).toBe(false);
    expect(outcome.state.tokens).toBe(0.5);
  });

  it('knows when a bucket is full again', () => {
    expect(msUntilFull({ tokens: 1, updatedMs: 0 }, spec)).toBe(2_000);
  });
});
