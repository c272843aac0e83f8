/** A token bucket: holds up to `capacity` tokens (the burst) and gains `refillPerSecond` tokens a second. */
export interface BucketSpec {
  capacity: number;
  refillPerSecond: number;
}

export interface TakeResult {
  allowed: boolean;
  /** When refused: how long until one token is back. 0 when allowed. */
  retryAfterMs: number;
}

/**
 * What the route needs to remember, behind one small interface so that several instances of the app can
 * share it: rate-limit buckets, and who owns which interaction, file and upload.
 * `createMemoryStore()` (the default) keeps it in this process; `createRedisStore()` from
 * `@gemkit/server/redis` shares it through Redis. Keys arrive without a prefix; a store adds its own.
 */
export interface RouteStore {
  /** Refills the bucket at `key` for the time since its last use and takes one token, atomically. */
  takeToken(key: string, bucket: BucketSpec): Promise<TakeResult>;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}
