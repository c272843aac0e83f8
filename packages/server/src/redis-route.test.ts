/**
 * Two instances of the route (two HTTP servers, two Redis connections) sharing one real Redis: the rate
 * limit and ownership hold across them, as they must behind a load balancer.
 */
import { createClient, getText } from '@gemkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from './redis.js';
import {
  ResponseTranscript,
  type RouteUnderTest,
  SERVER_KEY,
  serveRoute,
  startStack,
} from './test-support/harness.js';
import { startTestRedis, type TestRedis } from './test-support/redis-server.js';

const MODEL = 'gemini-3-flash-preview';
const transcript = new ResponseTranscript();
let redis: TestRedis;
let stack: Awaited<ReturnType<typeof startStack>>;
let a: RouteUnderTest;
let b: RouteUnderTest;

beforeAll(async () => {
  redis = await startTestRedis();
  stack = await startStack({}, transcript);
  const instance = () =>
    serveRoute(
      {
        upstream: stack.emulator.url,
        apiKey: SERVER_KEY,
        store: createRedisStore(redis.client(), { prefix: redis.prefix }),
        rateLimit: { capacity: 8, refillPerMinute: 1 },
        authorize: (request) => ({ user: request.headers.get('x-user') ?? undefined }),
      },
      transcript,
    );
  a = await instance();
  b = await instance();
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await stack?.close();
  await redis?.stop();
  expect(transcript.contains(SERVER_KEY)).toBe(false);
});

const clientFor = (route: RouteUnderTest, user: string) =>
  createClient({ baseUrl: route.baseUrl, retry: { maxRetries: 0 }, headers: { 'x-user': user } });

describe('route instances sharing Redis', () => {
  it('share one rate limit per client', async () => {
    const get = (route: RouteUnderTest) =>
      fetch(`${route.baseUrl}/v1beta/interactions/v1_unknown`, { headers: { 'x-user': 'carol' } });
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await get(i % 2 ? a : b)).status);
    expect(statuses).toEqual(Array(8).fill(404)); // eight tokens, spent on two instances
    const refused = await get(a);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await get(b)).status).toBe(429);
  });

  it('share ownership: what a user made on one instance is theirs, and only theirs, on the other', async () => {
    const made = await clientFor(a, 'alice').interactions.create({
      model: MODEL,
      input: 'made on A [emulator: echo]',
    });
    await expect(clientFor(b, 'bob').interactions.get(made.id)).rejects.toMatchObject({ status: 404 });
    expect(getText(await clientFor(b, 'alice').interactions.get(made.id))).toBe('made on A');
    const file = await clientFor(b, 'alice').files.upload(new Blob(['hello'], { type: 'text/plain' }));
    await expect(clientFor(a, 'bob').files.get(file.name)).rejects.toMatchObject({ status: 404 });
    expect((await clientFor(a, 'alice').files.get(file.name)).name).toBe(file.name);
  });
});
