import { type BucketState, msUntilFull, takeFromBucket } from '../rate-limit/token-bucket.js';
import type { BucketSpec, RouteStore, TakeResult } from './types.js';

export interface MemoryStoreOptions {
  /** At most this many entries (buckets and records together); the least recently written go first. */
  maxEntries?: number;
  /** The clock, for tests. */
  now?: () => number;
}

const SWEEP_LIMIT = 64;

type Entry =
  | { kind: 'value'; value: string; expiresAt: number }
  | { kind: 'bucket'; bucket: BucketState; expiresAt: number };

/**
 * The default store: this process only, bounded, with expiry. Enough for one instance; limits and ownership
 * do not hold across instances (use `createRedisStore` from `@gemkit/server/redis` for that).
 * It keeps no timer: expired entries are dropped when they are read or when room is needed.
 */
export function createMemoryStore({
  maxEntries = 50_000,
  now = Date.now,
}: MemoryStoreOptions = {}): RouteStore {
  if (!(maxEntries >= 1)) throw new TypeError('maxEntries must be at least 1');
  const entries = new Map<string, Entry>();

  const read = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const write = (key: string, entry: Entry) => {
    // Re-inserting moves the key to the end of the Map's order, which makes the order "least recently written".
    entries.delete(key);
    if (entries.size >= maxEntries) makeRoom();
    entries.set(key, entry);
  };

  const makeRoom = () => {
    // Look at a bounded number of the oldest entries only, so a full store costs O(1) per write, not O(n).
    const time = now();
    let looked = 0;
    for (const [key, entry] of entries) {
      if (++looked > SWEEP_LIMIT) break;
      if (entry.expiresAt <= time) entries.delete(key);
    }
    // Nothing had expired: forget the oldest. An evicted bucket starts full again, an evicted ownership
    // record makes its resource unreachable through the route (refused, never handed to someone else).
    while (entries.size >= maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      entries.delete(oldest.value);
    }
  };

  return {
    async takeToken(key: string, spec: BucketSpec): Promise<TakeResult> {
      const entry = read(key);
      const time = now();
      const outcome = takeFromBucket(entry?.kind === 'bucket' ? entry.bucket : undefined, spec, time);
      write(key, {
        kind: 'bucket',
        bucket: outcome.state,
        expiresAt: time + msUntilFull(outcome.state, spec),
      });
      return { allowed: outcome.allowed, retryAfterMs: outcome.retryAfterMs };
    },
    async get(key) {
      const entry = read(key);
      return entry?.kind === 'value' ? entry.value : undefined;
    },
    async set(key, value, ttlMs) {
      write(key, { kind: 'value', value, expiresAt: now() + ttlMs });
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}
