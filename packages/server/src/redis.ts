import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { BucketSpec, RouteStore, TakeResult } from './stores/types.js';

/**
 * The token bucket of `rate-limit/token-bucket.ts`, as one Lua script so that refill-and-take is atomic
 * across every instance sharing the Redis. Time is Redis's own clock (TIME), so instances whose clocks
 * disagree still agree on the bucket. The key expires once the bucket would be full again: an absent key
 * and a full bucket mean the same.
 */
const TAKE_TOKEN_LUA = `
local capacity = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = capacity
if state[1] then
  local elapsed = math.max(0, now - tonumber(state[2]))
  tokens = math.min(capacity, tonumber(state[1]) + elapsed * per_ms)
end
local allowed = 0
local retry_ms = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry_ms = math.ceil((1 - tokens) / per_ms)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((capacity - tokens) / per_ms)))
return { allowed, retry_ms }
`;

const TAKE_TOKEN_SHA = createHash('sha1').update(TAKE_TOKEN_LUA).digest('hex');

export interface RedisStoreOptions {
  /** Prepended to every key, so that several apps (or tests) can share one Redis. Default `gemkit:`. */
  prefix?: string;
}

/**
 * A `RouteStore` in Redis: rate limits and ownership hold across every instance of the app that uses the
 * same Redis (and prefix). Pass the `ioredis` client your app already has; the store never closes it.
 *
 * ```ts
 * import Redis from 'ioredis';
 * import { createRedisStore } from '@gemkit/server/redis';
 * const route = createGeminiRoute({ store: createRedisStore(new Redis(process.env.REDIS_URL)) });
 * ```
 */
export function createRedisStore(
  client: Redis | Cluster,
  { prefix = 'gemkit:' }: RedisStoreOptions = {},
): RouteStore {
  const takeToken = async (key: string, spec: BucketSpec): Promise<unknown> => {
    const args = [String(spec.capacity), String(spec.refillPerSecond / 1000)];
    try {
      return await client.evalsha(TAKE_TOKEN_SHA, 1, prefix + key, ...args);
    } catch (error) {
      // First use on this server (or after SCRIPT FLUSH): EVAL sends the script, which also caches it.
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return client.eval(TAKE_TOKEN_LUA, 1, prefix + key, ...args);
    }
  };
  return {
    async takeToken(key, spec): Promise<TakeResult> {
      const [allowed, retryAfterMs] = (await takeToken(key, spec)) as [number, number];
      return { allowed: allowed === 1, retryAfterMs };
    },
    async get(key) {
      return (await client.get(prefix + key)) ?? undefined;
    },
    async set(key, value, ttlMs) {
      await client.set(prefix + key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
    },
    async delete(key) {
      await client.del(prefix + key);
    },
  };
}
