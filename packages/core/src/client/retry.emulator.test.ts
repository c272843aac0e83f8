import type { EmulatorServer } from '@gemkit/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ApiError, NetworkError } from '../errors.js';
import { getText } from '../reduce/text.js';
import { startDroppingProxy } from '../test-support/dropping-proxy.js';
import { clientFor, MODEL, requestsTo, startServer } from '../test-support/emulator.js';
import { createClient } from './create-client.js';

let server: EmulatorServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.emulator.reset());

const CREATE = { method: 'POST', path: '/v1beta/interactions' };
const creates = () => requestsTo(server, 'POST', CREATE.path);

describe('retries of 429 and 503', () => {
  test('a 429 with Retry-After is waited for, then the request succeeds', async () => {
    server.emulator.injectFault({ type: 'status', status: 429, retryAfterSeconds: 1, match: CREATE });
    const answer = await clientFor(server).interactions.create({ model: MODEL, input: 'Hello' });
    expect(answer.status).toBe('completed');
    expect(creates()).toHaveLength(2);
    expect(server.emulator.stats.faultsApplied).toBe(1);
  });

  test('503s back off and retry, for plain and streamed creates', async () => {
    server.emulator.injectFault({ type: 'status', status: 503, match: CREATE, times: 2 });
    expect((await clientFor(server).interactions.create({ model: MODEL, input: 'Hello' })).status).toBe(
      'completed',
    );
    expect(creates()).toHaveLength(3);

    server.emulator.injectFault({ type: 'status', status: 503, match: CREATE });
    const stream = await clientFor(server).interactions.create({
      model: MODEL,
      input: 'Hello',
      stream: true,
    });
    expect(getText(await stream.finalInteraction())).not.toBe('');
    expect(creates()).toHaveLength(5);
  });

  test('when retries run out, the last ApiError surfaces with its status and retryAfter', async () => {
    server.emulator.injectFault({
      type: 'status',
      status: 429,
      retryAfterSeconds: 0,
      message: 'Quota exceeded',
      match: CREATE,
      times: Number.POSITIVE_INFINITY,
    });
    const error = await clientFor(server, { retry: { maxRetries: 2 } })
      .interactions.create({ model: MODEL, input: 'Hello' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      code: 429,
      apiStatus: 'RESOURCE_EXHAUSTED',
      message: 'Quota exceeded',
      retryAfter: 0,
    });
    expect(creates()).toHaveLength(3);
  });

  test('a Retry-After longer than maxDelayMs is not waited for: the error comes at once', async () => {
    server.emulator.injectFault({ type: 'status', status: 429, retryAfterSeconds: 120, match: CREATE });
    const error = await clientFor(server)
      .interactions.create({ model: MODEL, input: 'x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'api', status: 429, retryAfter: 120 });
    expect(creates()).toHaveLength(1);
  });

  test('other errors are not retried', async () => {
    server.emulator.injectFault({ type: 'status', status: 500, match: CREATE });
    await expect(clientFor(server).interactions.create({ model: MODEL, input: 'x' })).rejects.toMatchObject({
      status: 500,
      apiStatus: 'INTERNAL',
    });
    await expect(
      clientFor(server).interactions.create({ model: 'no-such-model', input: 'x' }),
    ).rejects.toMatchObject({
      status: 404,
      apiStatus: 'NOT_FOUND',
    });
    const invalid = { model: MODEL, input: 'x', generation_config: { temperature: 'hot' } };
    await expect(clientFor(server).interactions.create(invalid as never)).rejects.toMatchObject({
      status: 400,
      apiStatus: 'INVALID_ARGUMENT',
    });
    expect(creates()).toHaveLength(3);
  });
});

describe('connection loss before the first byte', () => {
  test('is retried, for a create too: nothing reached the server', async () => {
    const proxy = await startDroppingProxy(server.url, 2);
    try {
      const client = createClient({ baseUrl: proxy.url, retry: { baseDelayMs: 5 } });
      const stream = await client.interactions.create({ model: MODEL, input: 'Hello', stream: true });
      expect((await stream.finalInteraction()).status).toBe('completed');
      expect(proxy.connections).toBeGreaterThanOrEqual(3);
      expect(creates()).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  test('without retries left it is a NetworkError that says nothing was received', async () => {
    const proxy = await startDroppingProxy(server.url, Number.POSITIVE_INFINITY);
    try {
      const client = createClient({ baseUrl: proxy.url, retry: { maxRetries: 1, baseDelayMs: 5 } });
      const error = await client.interactions.get('v1_any').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ kind: 'network', beforeResponse: true });
      expect(proxy.connections).toBe(2);
    } finally {
      await proxy.close();
    }
  });
});
