import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from './redis.js';
import { startTestRedis, type TestRedis } from './test-support/redis-server.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await redis?.stop();
});

describe('createRedisStore (real Redis)', () => {
  it('sets, gets, expires and deletes values', async () => {
    const store = createRedisStore(redis.client(), { prefix: redis.prefix });
    await store.set('own:interaction:a', 'alice', 60_000);
    expect(await store.get('own:interaction:a')).toBe('alice');
    await store.delete('own:interaction:a');
    expect(await store.get('own:interaction:a')).toBeUndefined();
    await store.set('short', 'v', 30);
    const admin = redis.client();
    expect(await admin.pttl(`${redis.prefix}short`)).toBeLessThanOrEqual(30);
  });

  it('runs the token bucket atomically: of many concurrent takes from two clients, exactly `capacity` win', async () => {
    // Two clients (as two app instances would have) racing on one bucket that refills too slowly to matter.
    const a = createRedisStore(redis.client(), { prefix: redis.prefix });
    const b = createRedisStore(redis.client(), { prefix: redis.prefix });
    const spec = { capacity: 25, refillPerSecond: 0.001 };
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).takeToken('rl:race', spec)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(25);
    const refused = results.filter((r) => !r.allowed);
    expect(refused).toHaveLength(75);
    // One token comes back in 1000 s at this rate; the refusal says roughly that.
    for (const r of refused) expect(r.retryAfterMs).toBeGreaterThan(900_000);
  });

  it('refills over time and lets a bucket key expire once it would be full again', async () => {
    const client = redis.client();
    const store = createRedisStore(client, { prefix: redis.prefix });
    const spec = { capacity: 1, refillPerSecond: 20 }; // one token every 50 ms
    expect((await store.takeToken('rl:refill', spec)).allowed).toBe(true);
    const refused = await store.takeToken('rl:refill', spec);
    expect(refused.allowed).toBe(false);
    const ttl = await client.pttl(`${redis.prefix}rl:refill`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(50);
    await new Promise((resolve) => setTimeout(resolve, refused.retryAfterMs + 20));
    expect((await store.takeToken('rl:refill', spec)).allowed).toBe(true);
  });

  it('reloads its script after SCRIPT FLUSH', async () => {
    const client = redis.client();
    const store = createRedisStore(client, { prefix: redis.prefix });
    await client.script('FLUSH');
    expect((await store.takeToken('rl:flushed', { capacity: 1, refillPerSecond: 1 })).allowed).toBe(true);
  });
});
