import type { Interaction } from '@gemkit/core';
import { describe, expect, it } from 'vitest';
import { createEmulator } from './emulator.js';
import { parseFaultHeader } from './faults.js';
import {
  create,
  expectApiError,
  FAST,
  get,
  MODEL,
  parseSse,
  post,
  readEvents,
  readUntilFailure,
} from './test-helpers.js';

const body = { model: MODEL, input: 'Fault me [emulator: words=150]' };
const streamBody = { ...body, stream: true };

describe('status faults', () => {
  it.each([
    [429, 'RESOURCE_EXHAUSTED'],
    [500, 'INTERNAL'],
    [503, 'UNAVAILABLE'],
  ])('answers %i with the API error shape (x-emulator-fault header)', async (status, apiStatus) => {
    const emulator = createEmulator({ pacing: FAST });
    const response = await post(emulator, '/v1beta/interactions', body, {
      'x-emulator-fault': `status=${status}`,
    });
    await expectApiError(response, status, apiStatus);
    expect(emulator.stats.interactionsCreated).toBe(0);
  });

  it('sends Retry-After in seconds and a custom message', async () => {
    const emulator = createEmulator({ pacing: FAST });
    const response = await post(emulator, '/v1beta/interactions', body, {
      'x-emulator-fault': 'status=429;retry_after=7;message=Slow down',
    });
    expect(response.headers.get('retry-after')).toBe('7');
    await expectApiError(response, 429, 'RESOURCE_EXHAUSTED', /^Slow down$/);
  });

  it('applies queued faults to the next matching requests only, `times` times', async () => {
    const emulator = createEmulator({ pacing: FAST });
    emulator.injectFault({
      type: 'status',
      status: 503,
      times: 2,
      match: { method: 'POST', path: '/v1beta/interactions' },
    });
    expect(emulator.pendingFaults).toHaveLength(1);
    expect((await get(emulator, '/v1beta/files')).status).toBe(200);
    expect((await post(emulator, '/v1beta/interactions', body)).status).toBe(503);
    expect((await post(emulator, '/v1beta/interactions', body)).status).toBe(503);
    expect((await post(emulator, '/v1beta/interactions', body)).status).toBe(200);
    expect(emulator.pendingFaults).toHaveLength(0);
    expect(emulator.stats.faultsApplied).toBe(2);
  });

  it('matches paths by RegExp and applies queued faults in order', async () => {
    const emulator = createEmulator({ pacing: FAST });
    emulator.injectFault({ type: 'status', status: 500, match: { path: /^\/v1beta\/interactions\/[^/]+$/ } });
    emulator.injectFault({ type: 'status', status: 429, retryAfterSeconds: 1 });
    const made = await post(emulator, '/v1beta/interactions', body);
    expect(made.status).toBe(429);
    const ok = await create(emulator, { input: 'hi' });
    expect((await get(emulator, `/v1beta/interactions/${ok.id}`)).status).toBe(500);
    expect((await get(emulator, `/v1beta/interactions/${ok.id}`)).status).toBe(200);
  });
});

describe('latency', () => {
  it('delays the answer: a request without latency overtakes it', async () => {
    const emulator = createEmulator({ pacing: FAST });
    const controller = new AbortController();
    const slow = emulator.fetch(
      new Request('http://e.test/v1beta/files', {
        headers: { 'x-emulator-fault': 'latency=60000' },
        signal: controller.signal,
      }),
    );
    const winner = await Promise.race([
      slow.then(() => 'slow'),
      get(emulator, '/v1beta/files').then(() => 'fast'),
    ]);
    expect(winner).toBe('fast');
    controller.abort();
    await expectApiError(await slow, 499, 'CANCELLED', /during injected latency/);
  });

  it('then answers normally', async () => {
    const emulator = createEmulator({ pacing: FAST });
    emulator.injectFault({ type: 'latency', ms: 1 });
    expect((await post(emulator, '/v1beta/interactions', body)).status).toBe(200);
    expect(emulator.stats.faultsApplied).toBe(1);
  });
});

describe('connection cut', () => {
  it('drops the stream after N events; the interaction keeps generating and resumes with no gap or duplicate', async () => {
    const emulator = createEmulator({ pacing: { chunkSize: 8, delayMs: 1 } });
    const response = await post(emulator, '/v1beta/interactions', streamBody, {
      'x-emulator-fault': 'cut=5',
    });
    const { text, error } = await readUntilFailure(response);
    expect(error).toBeInstanceOf(TypeError);
    const before = parseSse(text).map((m) => m.data);
    expect(before).toHaveLength(5);
    expect(emulator.stats.streamsFaulted).toBe(1);
    const id = (before[0] as { interaction: Interaction }).interaction.id;
    const rest = await readEvents(
      await get(emulator, `/v1beta/interactions/${id}?stream=true&last_event_id=${before[4]?.event_id}`),
    );
    const all = await readEvents(await get(emulator, `/v1beta/interactions/${id}?stream=true`));
    expect([...before, ...rest]).toEqual(all);
    expect((all[all.length - 1] as { interaction: Interaction }).interaction.status).toBe('completed');
  });

  it('applies a queued cut to a stream only; a plain request does not use it up', async () => {
    const emulator = createEmulator({ pacing: FAST });
    emulator.injectFault({ type: 'cut', afterEvents: 0 });
    expect((await post(emulator, '/v1beta/interactions', body)).status).toBe(200);
    const { text, error } = await readUntilFailure(await post(emulator, '/v1beta/interactions', streamBody));
    expect(text).toBe('');
    expect(error).toBeDefined();
    expect(emulator.pendingFaults).toHaveLength(0);
  });

  it('cuts a resumed GET stream too', async () => {
    const emulator = createEmulator({ pacing: FAST });
    const made = await create(emulator, { input: 'hi' });
    emulator.injectFault({ type: 'cut', afterEvents: 2, match: { method: 'GET' } });
    const { text, error } = await readUntilFailure(
      await get(emulator, `/v1beta/interactions/${made.id}?stream=true`),
    );
    expect(error).toBeDefined();
    expect(parseSse(text)).toHaveLength(2);
  });
});

describe('malformed bytes', () => {
  it('sends N good events, then bytes that are not a valid event, then ends', async () => {
    const emulator = createEmulator({ pacing: FAST });
    const response = await post(emulator, '/v1beta/interactions', streamBody, {
      'x-emulator-fault': 'malformed=3',
    });
    const { text, error } = await readUntilFailure(response);
    expect(error).toBeUndefined();
    const blocks = text.split('\n\n').filter((b) => b.trim());
    expect(parseSse(blocks.slice(0, 3).join('\n\n'))).toHaveLength(3);
    expect(() => parseSse(blocks.slice(3).join('\n\n'))).toThrow();
    expect(text).toContain('\ufffd');
  });
});

describe('error event', () => {
  it('fails the generation after N events with an `error` event; the stored interaction is failed', async () => {
    const emulator = createEmulator({ pacing: FAST });
    const response = await post(emulator, '/v1beta/interactions', streamBody, {
      'x-emulator-fault': 'error=4;message=Model exploded',
    });
    const events = await readEvents(response);
    expect(events).toHaveLength(5);
    expect(events[4]).toMatchObject({
      event_type: 'error',
      error: { code: 'INTERNAL', message: 'Model exploded' },
    });
    const id = (events[0] as { interaction: Interaction }).interaction.id;
    const stored = (await (await get(emulator, `/v1beta/interactions/${id}`)).json()) as Interaction;
    expect(stored.status).toBe('failed');
    expect(stored.errors).toEqual([{ code: 'INTERNAL', message: 'Model exploded' }]);
  });

  it('answers a plain create whose generation fails with the error status', async () => {
    const emulator = createEmulator({ pacing: FAST });
    emulator.injectFault({ type: 'error', afterEvents: 2, code: 'UNAVAILABLE', message: 'overloaded' });
    const response = await post(emulator, '/v1beta/interactions', body);
    await expectApiError(response, 500, 'UNAVAILABLE', /overloaded/);
  });
});

describe('fault configuration', () => {
  it('parses several faults in one header', () => {
    expect(parseFaultHeader('latency=5, cut=3')).toEqual([
      { type: 'latency', ms: 5 },
      { type: 'cut', afterEvents: 3 },
    ]);
  });

  it.each([
    ['explode=1', /unknown fault "explode"/],
    ['cut=-1', /non-negative integer/],
    ['status=200', /400–599/],
    ['status=abc', /non-negative integer/],
    ['cut', /key=value/],
  ])('answers a bad x-emulator-fault (%s) with 400', async (value, message) => {
    const emulator = createEmulator({ pacing: FAST });
    await expectApiError(
      await post(emulator, '/v1beta/interactions', body, { 'x-emulator-fault': value }),
      400,
      'INVALID_ARGUMENT',
      message,
    );
  });

  it('refuses bad faults given to injectFault with a TypeError', () => {
    const emulator = createEmulator();
    expect(() => emulator.injectFault({ type: 'status', status: 200 })).toThrow(TypeError);
    expect(() => emulator.injectFault({ type: 'cut', afterEvents: -1 })).toThrow(/afterEvents/);
    expect(() => emulator.injectFault({ type: 'latency', ms: 5, times: 0 })).toThrow(/times/);
    expect(() => emulator.injectFault({ type: 'bogus' } as never)).toThrow(/unknown fault type/);
  });

  it('forgets queued faults on reset', async () => {
    const emulator = createEmulator({ pacing: FAST });
    emulator.injectFault({ type: 'status', status: 500, times: Number.POSITIVE_INFINITY });
    expect((await post(emulator, '/v1beta/interactions', body)).status).toBe(500);
    emulator.reset();
    expect((await post(emulator, '/v1beta/interactions', body)).status).toBe(200);
    expect(emulator.stats.requests).toBe(1);
  });
});
