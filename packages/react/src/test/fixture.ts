/** The emulator over real HTTP and a client for it, for this package's tests. Not exported. */
import { type CreateInteractionRequest, createClient } from '@gemkit/core';
import { type EmulatorServerOptions, startEmulatorServer } from '@gemkit/emulator';
import { afterAll, beforeAll } from 'vitest';

export const MODEL = 'gemini-3-flash-preview';

export async function startFixture(options: EmulatorServerOptions = {}) {
  const server = await startEmulatorServer({ pacing: { chunkSize: 16, delayMs: 0 }, ...options });
  // No automatic retries: the tests look at failures as the hooks report them, and at retry().
  const client = createClient({
    baseUrl: server.url,
    retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 5 },
    fetch: jsdomSafeFetch,
  });
  const { emulator } = server;
  return {
    server,
    emulator,
    client,
    /** The bodies of the create requests the emulator received, oldest first. */
    creates: () =>
      emulator.requests
        .filter((r) => r.method === 'POST' && r.path === '/v1beta/interactions')
        .map((r) => r.body as CreateInteractionRequest),
    close: () => server.close(),
  };
}

export type Fixture = Awaited<ReturnType<typeof startFixture>>;

/** 8 characters every 5 ms: slow enough that a stop, an unmount or a cut lands mid-stream. */
export const SLOW_PACING = { chunkSize: 8, delayMs: 5 };

/** A fast and a slow emulator for the tests of one file: started before them, closed after them. */
export function emulatorsForFile(): { readonly fast: Fixture; readonly slow: Fixture } {
  let fast: Fixture | undefined;
  let slow: Fixture | undefined;
  beforeAll(async () => {
    fast = await startFixture();
    slow = await startFixture({ pacing: SLOW_PACING });
  });
  afterAll(async () => {
    await fast?.close();
    await slow?.close();
  });
  return {
    get fast() {
      return fast as Fixture;
    },
    get slow() {
      return slow as Fixture;
    },
  };
}

/**
 * Node's fetch, with request bodies passed through `new Request` first. Why: under jsdom, `File` and `Blob`
 * are jsdom's, which Node's fetch cannot read (jsdom 27's Blob has no `arrayBuffer()` or `stream()`, so the
 * body goes out as the 13 bytes "[object Blob]"). Vitest's jsdom environment installs a `Request` that
 * copies a jsdom Blob's bytes into a Node Blob. Browsers have one Blob and need none of this; streaming
 * responses, AbortSignal and everything else are Node's own under Vitest's jsdom environment and work as is.
 */
const jsdomSafeFetch: typeof fetch = (input, init) =>
  globalThis.fetch(
    init?.body instanceof Blob ? new Request(input, init) : input,
    init?.body instanceof Blob ? undefined : init,
  );
