import type { Interaction } from '@gemkit/core';
import {
  CREATE_MATCH,
  createTestEmulator,
  emulatorForTests,
  emulatorsForTests,
  FAST_PACING,
  SLOW_PACING,
  startTestEmulator,
  TEST_MODEL,
  type TestHooks,
} from '@gemkit/emulator/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerText, parseSse } from './test-helpers.js';

const ANSWER_WORDS = '[emulator: words=60]';

const createBody = (input: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ model: TEST_MODEL, input, ...extra });

/** The text deltas of a streamed body: how the pacing cut the answer. */
function textDeltas(sse: string): string[] {
  return parseSse(sse)
    .map((message) => message.data as { event_type: string; delta?: { type: string; text?: string } })
    .filter((event) => event.event_type === 'step.delta' && event.delta?.type === 'text')
    .map((event) => event.delta?.text ?? '');
}

/** The longest delta, in characters: the pacing's chunk size (shorter ones end at a space). */
const longest = (deltas: string[]) => Math.max(...deltas.map((text) => Array.from(text).length));

/** Hooks that record what they are given, so a test can run a file's lifecycle step by step. */
function recordedHooks() {
  const registered = { beforeAll: [] as Hook[], afterAll: [] as Hook[], beforeEach: [] as Hook[] };
  type Hook = () => Promise<void> | void;
  const hooks: Required<TestHooks> = {
    beforeAll: (run) => registered.beforeAll.push(run),
    afterAll: (run) => registered.afterAll.push(run),
    beforeEach: (run) => registered.beforeEach.push(run),
  };
  const runAll = async (list: Hook[]) => {
    for (const run of list) await run();
  };
  return {
    hooks,
    registered,
    start: () => runAll(registered.beforeAll),
    nextTest: () => runAll(registered.beforeEach),
    finish: () => runAll(registered.afterAll),
  };
}

describe('startTestEmulator', () => {
  it('serves over HTTP and lists the create bodies, oldest first, and nothing else', async () => {
    const server = await startTestEmulator();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const first = await fetch(`${server.url}/v1beta/interactions`, {
        method: 'POST',
        body: createBody('first', { system_instruction: 'Be brief.' }),
      });
      const { id } = (await first.json()) as Interaction;
      await fetch(`${server.url}/v1beta/interactions/${id}`);
      await fetch(`${server.url}/v1beta/interactions`, {
        method: 'POST',
        headers: { 'x-goog-api-key': 'secret-key' },
        body: createBody('second', { previous_interaction_id: id }),
      });
      expect(server.creates()).toEqual([
        { model: TEST_MODEL, input: 'first', system_instruction: 'Be brief.' },
        { model: TEST_MODEL, input: 'second', previous_interaction_id: id },
      ]);
      expect(server.requestsTo({ method: 'GET', path: /^\/v1beta\/interactions\/[^/]+$/ })).toHaveLength(1);
      expect(server.requestsTo(CREATE_MATCH).map((request) => request.headers['x-goog-api-key'])).toEqual([
        undefined,
        '[redacted]',
      ]);
    } finally {
      await server.close();
    }
  });

  it('streams in FAST_PACING chunks unless told otherwise, and takes every server option', async () => {
    const fast = await startTestEmulator();
    const slow = await startTestEmulator({ pacing: SLOW_PACING, apiKey: 'k' });
    try {
      const stream = (url: string, key = '') =>
        fetch(`${url}/v1beta/interactions`, {
          method: 'POST',
          headers: { 'x-goog-api-key': key },
          body: createBody(`Hello ${ANSWER_WORDS}`, { stream: true }),
        });
      const fastDeltas = textDeltas(await (await stream(fast.url)).text());
      expect(longest(fastDeltas)).toBe(FAST_PACING.chunkSize);
      expect((await stream(slow.url)).status).toBe(401);
      const slowDeltas = textDeltas(await (await stream(slow.url, 'k')).text());
      expect(longest(slowDeltas)).toBe(SLOW_PACING.chunkSize);
      expect(slowDeltas.join('')).toBe(fastDeltas.join(''));
    } finally {
      await fast.close();
      await slow.close();
    }
  });

  it('closes: the port stops answering', async () => {
    const server = await startTestEmulator();
    await server.close();
    await expect(fetch(`${server.url}/v1beta/interactions/none`)).rejects.toThrow();
  });
});

describe('createTestEmulator', () => {
  it('answers through its fetch at its url, without a server, and lists the creates', async () => {
    const test = createTestEmulator({ responder: () => 'Scripted.' });
    expect(test.url).toBe('http://emulator.local');
    const response = await test.fetch(`${test.url}/v1beta/interactions`, {
      method: 'POST',
      body: createBody('in process'),
    });
    expect(answerText((await response.json()) as Interaction)).toBe('Scripted.');
    expect(test.creates()).toEqual([{ model: TEST_MODEL, input: 'in process' }]);
    expect(test.emulator.stats.requests).toBe(1);
  });

  it('streams in FAST_PACING chunks by default', async () => {
    const test = createTestEmulator();
    const response = await test.fetch(`${test.url}/v1beta/interactions`, {
      method: 'POST',
      body: createBody(`Hello ${ANSWER_WORDS}`, { stream: true }),
    });
    expect(longest(textDeltas(await response.text()))).toBe(FAST_PACING.chunkSize);
  });
});

describe('emulatorForTests with Vitest', () => {
  const emulator = emulatorForTests({ beforeAll, afterAll, beforeEach });

  it('runs during the tests of its block', async () => {
    const response = await fetch(`${emulator().url}/v1beta/interactions`, {
      method: 'POST',
      body: createBody('during a test'),
    });
    expect(response.status).toBe(200);
    expect(emulator().creates()).toHaveLength(1);
  });

  // Runs after the test above, which left a create in the log.
  it('starts each test from an empty emulator when beforeEach is given', () => {
    expect(emulator().emulator.requests).toEqual([]);
  });
});

describe('emulatorForTests lifecycle', () => {
  it('starts in beforeAll, resets in beforeEach, closes in afterAll', async () => {
    const file = recordedHooks();
    const emulator = emulatorForTests(file.hooks, { responder: () => 'ok' });
    expect(() => emulator()).toThrow(/between beforeAll and afterAll/);
    await file.start();
    const { url } = emulator();
    await fetch(`${url}/v1beta/interactions`, { method: 'POST', body: createBody('one') });
    expect(emulator().creates()).toHaveLength(1);
    await file.nextTest();
    expect(emulator().creates()).toEqual([]);
    await file.finish();
    expect(() => emulator()).toThrow(/between beforeAll and afterAll/);
    await expect(fetch(`${url}/v1beta/interactions/none`)).rejects.toThrow();
  });

  it('keeps the log across tests without beforeEach', async () => {
    const file = recordedHooks();
    const emulator = emulatorForTests({ beforeAll: file.hooks.beforeAll, afterAll: file.hooks.afterAll });
    await file.start();
    try {
      await fetch(`${emulator().url}/v1beta/interactions`, { method: 'POST', body: createBody('one') });
      await file.nextTest();
      expect(file.registered.beforeEach).toEqual([]);
      expect(emulator().creates()).toHaveLength(1);
    } finally {
      await file.finish();
    }
  });

  it('attaches something to the server once per start, and returns that', async () => {
    const file = recordedHooks();
    let attached = 0;
    const emulator = emulatorForTests(file.hooks, { pacing: SLOW_PACING }, (server) => ({
      server,
      number: ++attached,
    }));
    await file.start();
    try {
      expect(emulator()).toBe(emulator());
      expect(emulator().number).toBe(1);
      expect(emulator().server.url).toMatch(/^http:/);
    } finally {
      await file.finish();
    }
  });

  it('refuses hooks that are not functions, with a TypeError naming them', () => {
    expect(() => emulatorForTests({} as TestHooks)).toThrow(
      new TypeError("emulatorForTests: hooks.beforeAll must be your test framework's beforeAll function"),
    );
    expect(() => emulatorForTests(undefined as unknown as TestHooks)).toThrow(TypeError);
    expect(() =>
      emulatorForTests({ beforeAll, afterAll: 'after' as unknown as TestHooks['afterAll'] }),
    ).toThrow(/hooks\.afterAll/);
    expect(() =>
      emulatorForTests({ beforeAll, afterAll, beforeEach: 1 as unknown as TestHooks['afterAll'] }),
    ).toThrow(/hooks\.beforeEach/);
  });
});

describe('emulatorsForTests', () => {
  it('runs one server per name, each with its options, for the same lifetime', async () => {
    const file = recordedHooks();
    const env = emulatorsForTests(file.hooks, { fast: {}, slow: { pacing: SLOW_PACING } }, (server) => ({
      server,
      ask: (input: string) =>
        fetch(`${server.url}/v1beta/interactions`, {
          method: 'POST',
          body: createBody(`${input} ${ANSWER_WORDS}`, { stream: true }),
        }).then((response) => response.text()),
    }));
    expect(Object.keys(env)).toEqual(['fast', 'slow']);
    expect(() => env.fast).toThrow(/between beforeAll and afterAll/);
    await file.start();
    const urls = [env.fast.server.url, env.slow.server.url];
    expect(new Set(urls).size).toBe(2);
    expect(longest(textDeltas(await env.fast.ask('fast')))).toBe(FAST_PACING.chunkSize);
    expect(longest(textDeltas(await env.slow.ask('slow')))).toBe(SLOW_PACING.chunkSize);
    expect(env.fast.server.creates()).toHaveLength(1);
    await file.nextTest();
    expect(env.slow.server.creates()).toEqual([]);
    await file.finish();
    expect(() => env.slow).toThrow(/between beforeAll and afterAll/);
    for (const url of urls) await expect(fetch(`${url}/v1beta/interactions/none`)).rejects.toThrow();
  });

  it('refuses options that are not a map of names', () => {
    expect(() => emulatorsForTests({ beforeAll, afterAll }, null as never)).toThrow(TypeError);
    expect(() => emulatorsForTests({ beforeAll } as unknown as TestHooks, {})).toThrow(/hooks\.afterAll/);
  });
});
