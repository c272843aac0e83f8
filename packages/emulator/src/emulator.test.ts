import type { Interaction } from '@gemkit/core';
import { describe, expect, it } from 'vitest';
import { createEmulator } from './emulator.js';
import { create, FAST, get, MODEL } from './test-helpers.js';

describe('createEmulator', () => {
  it('works as a client fetch: (url, init), with relative URLs', async () => {
    const emulator = createEmulator({ pacing: FAST });
    const { fetch } = emulator;
    const response = await fetch('/v1beta/interactions', {
      method: 'POST',
      body: JSON.stringify({ model: MODEL, input: 'relative' }),
    });
    expect(((await response.json()) as Interaction).status).toBe('completed');
    expect(emulator.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1beta/interactions',
      body: { input: 'relative' },
    });
  });

  it('uses the given clock and id generator', async () => {
    let n = 0;
    const emulator = createEmulator({
      pacing: FAST,
      now: () => new Date('2026-05-20T12:00:00Z'),
      generateId: (kind) => `${kind}-${++n}`,
    });
    const made = await create(emulator, { input: 'hi' });
    expect(made).toMatchObject({
      id: 'interaction-1',
      created: '2026-05-20T12:00:00.000Z',
      updated: '2026-05-20T12:00:00.000Z',
    });
    expect(emulator.requests[0]?.time).toBe('2026-05-20T12:00:00.000Z');
  });

  it('keeps a bounded request log', async () => {
    const emulator = createEmulator({ pacing: FAST, requestLogLimit: 2 });
    for (const path of ['/a', '/b', '/c']) await get(emulator, path);
    expect(emulator.requests.map((r) => r.path)).toEqual(['/b', '/c']);
    expect(emulator.stats.requests).toBe(3);
  });

  it('forgets everything on reset', async () => {
    const emulator = createEmulator({ pacing: FAST });
    const made = await create(emulator, { input: 'hi' });
    emulator.reset();
    expect((await get(emulator, `/v1beta/interactions/${made.id}`)).status).toBe(404);
    expect(emulator.requests).toHaveLength(1);
    expect(emulator.stats).toMatchObject({ requests: 1, interactionsCreated: 0 });
  });

  it('refuses bad options with a TypeError', () => {
    expect(() => createEmulator({ pacing: { chunkSize: 0 } })).toThrow(/chunkSize/);
    expect(() => createEmulator({ pacing: { delayMs: -1 } })).toThrow(/delayMs/);
    expect(() => createEmulator({ basePath: 'gemini' })).toThrow(/basePath/);
    expect(() => createEmulator({ responder: 'hello' as never })).toThrow(/responder/);
  });
});
