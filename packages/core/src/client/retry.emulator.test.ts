import { describe, expect, test } from 'vitest';
import { ApiError, NetworkError } from '../errors.js';
import { getText } from '../reduce/text.js';
import { startDroppingProxy } from '../test-support/dropping-proxy.js';
import { CREATE, clientFor, MODEL, useEmulatorServer } from '../test-support/emulator.js';
import { createClient } from './create-client.js';

const emulator = useEmulatorServer();

const creates = () => emulator().requestsTo(CREATE);

describe('retries of 429 and 503', () => {
  test('a 429 with Retry-After is waited for, then the request succeeds', async () => {
    emulator().emulator.injectFault({ type: 'status', status: 429, retryAfterSeconds: 1, match: CREATE });
    const answer = await clientFor(emulator()).interactions.create({ model: MODEL, input: 'Hello' });
    expect(answer.status).toBe('completed');
    expect(creates()).toHaveLength(2);
    expect(emulator().emulator.stats.faultsApplied).toBe(1);
  });

  test('503s back off and retry, for plain and streamed creates', async () => {
    emulator().emulator.injectFault({ type: 'status', status: 503, match: CREATE, times: 2 });
    expect((await clientFor(emulator()).interactions.create({ model: MODEL, input: 'Hello' })).status).toBe(
      'completed',
    );
    expect(creates()).toHaveLength(3);

    emulator().emulator.injectFault({ type: 'status', status: 503, match: CREATE });
    const stream = await clientFor(emulator()).interactions.create({
      model: MODEL,
      input: 'Hello',
      stream: true,
    });
    expect(getText(await stream.finalInteraction())).not.toBe('');
    expect(creates()).toHaveLength(5);
  });

  test('when retries run out, the last ApiError surfaces with its status and retryAfter', async () => {
    emulator().emulator.injectFault({
      type: 'status',
      status: 429,
      retryAfterSeconds: 0,
      message: 'Quota exceeded',
      match: CREATE,
      times: Number.POSITIVE_INFINITY,
    });
    const error = await clientFor(emulator(), { retry: { maxRetries: 2 } })
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
    emulator().emulator.injectFault({ type: 'status', status: 429, retryAfterSeconds: 120, match: CREATE });
    const error = await clientFor(emulator())
      .interactions.create({ model: MODEL, input: 'x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'api', status: 429, retryAfter: 120 });
    expect(creates()).toHaveLength(1);
  });

  test('other errors are not retried', async () => {
    emulator().emulator.injectFault({ type: 'status', status: 500, match: CREATE });
    await expect(
      clientFor(emulator()).interactions.create({ model: MODEL, input: 'x' }),
    ).rejects.toMatchObject({
      status: 500,
      apiStatus: 'INTERNAL',
    });
    await expect(
      clientFor(emulator()).interactions.create({ model: 'no-such-model', input: 'x' }),
    ).rejects.toMatchObject({
      status: 404,
      apiStatus: 'NOT_FOUND',
    });
    const invalid = { model: MODEL, input: 'x', generation_config: { temperature: 'hot' } };
    await expect(clientFor(emulator()).interactions.create(invalid as never)).rejects.toMatchObject({
      status: 400,
      apiStatus: 'INVALID_ARGUMENT',
    });
    expect(creates()).toHaveLength(3);
  });
});

describe('connection loss before the first byte', () => {
  test('is retried, for a create too: nothing reached the server', async () => {
    const proxy = await startDroppingProxy(emulator().url, 2);
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
    const proxy = await startDroppingProxy(emulator().url, Number.POSITIVE_INFINITY);
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
