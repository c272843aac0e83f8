/** The emulator over real HTTP and a client pointed at it, for this folder's tests. Not exported. */
import { type EmulatorServerOptions, startEmulatorServer } from '@gemkit/emulator';
import { afterAll, beforeAll } from 'vitest';
import { createClient } from '../client/create-client.js';
import type { CreateInteractionRequest } from '../wire/index.js';

export const MODEL = 'gemini-3-flash-preview';

/** Fast enough for tests, still one event per 16 characters. */
export const FAST_PACING = { chunkSize: 16, delayMs: 0 };

export async function startFixture(options: EmulatorServerOptions = {}) {
  const server = await startEmulatorServer({ pacing: FAST_PACING, ...options });
  // No automatic retries: the tests exercise what a failure looks like, and `retry()`.
  const client = createClient({
    baseUrl: server.url,
    retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 5 },
  });
  const { emulator } = server;
  return {
    server,
    emulator,
    client,
    /** The bodies of every create request, oldest first. */
    creates: () =>
      emulator.requests
        .filter((r) => r.method === 'POST' && r.path === '/v1beta/interactions')
        .map((r) => r.body as CreateInteractionRequest),
    /** The stored interaction's answer, read back with GET: what the streamed text must equal. */
    storedText: async (id: string) => {
      const interaction = await client.interactions.get(id);
      const output = interaction.steps?.findLast((step) => step.type === 'model_output') as
        | { content?: { text?: string }[] }
        | undefined;
      return output?.content?.map((c) => c.text ?? '').join('') ?? '';
    },
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

/** Resolves once `predicate` holds for the store's snapshot (checked on every notification). */
export function until<T>(
  store: { subscribe(l: () => void): () => void; getSnapshot(): T },
  predicate: (s: T) => boolean,
) {
  return new Promise<T>((resolve) => {
    if (predicate(store.getSnapshot())) return resolve(store.getSnapshot());
    const unsubscribe = store.subscribe(() => {
      if (!predicate(store.getSnapshot())) return;
      unsubscribe();
      resolve(store.getSnapshot());
    });
  });
}
