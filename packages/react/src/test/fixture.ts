/** The emulator over real HTTP and a client for it, for this package's tests. Not exported. */
import { createClient, type GemkitClient } from '@gemkit/core';
import type { EmulatorServerOptions } from '@gemkit/emulator';
import {
  emulatorsForTests,
  SLOW_PACING,
  startTestEmulator,
  TEST_MODEL,
  type TestEmulatorServer,
} from '@gemkit/emulator/testing';
import { afterAll, beforeAll } from 'vitest';

export const MODEL = TEST_MODEL;

export interface Fixture extends TestEmulatorServer {
  client: GemkitClient;
}

function withClient(server: TestEmulatorServer): Fixture {
  // No automatic retries: the tests look at failures as the hooks report them, and at retry().
  const client = createClient({
    baseUrl: server.url,
    retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 5 },
    fetch: jsdomSafeFetch,
  });
  return { ...server, client };
}

/** An emulator of its own (fast unless `options.pacing` says otherwise); close it in the test. */
export async function startFixture(options: EmulatorServerOptions = {}): Promise<Fixture> {
  return withClient(await startTestEmulator(options));
}

/** A fast and a slow emulator for the tests of one file: started before them, closed after them. */
export function emulatorsForFile(): { readonly fast: Fixture; readonly slow: Fixture } {
  return emulatorsForTests({ beforeAll, afterAll }, { fast: {}, slow: { pacing: SLOW_PACING } }, withClient);
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
