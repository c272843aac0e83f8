/** The emulator over real HTTP and a client pointed at it, for this folder's tests. Not exported. */
import type { EmulatorServerOptions } from '@gemkit/emulator';
import {
  emulatorsForTests,
  SLOW_PACING,
  startTestEmulator,
  TEST_MODEL,
  type TestEmulatorServer,
} from '@gemkit/emulator/testing';
import { afterAll, beforeAll } from 'vitest';
import { createClient, type GemkitClient } from '../client/create-client.js';

export const MODEL = TEST_MODEL;

export interface Fixture extends TestEmulatorServer {
  client: GemkitClient;
  /** The stored interaction's answer, read back with GET: what the streamed text must equal. */
  storedText(id: string): Promise<string>;
}

function withClient(server: TestEmulatorServer): Fixture {
  // No automatic retries: the tests exercise what a failure looks like, and `retry()`.
  const client = createClient({
    baseUrl: server.url,
    retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 5 },
  });
  return {
    ...server,
    client,
    storedText: async (id) => {
      const interaction = await client.interactions.get(id);
      const output = interaction.steps?.findLast((step) => step.type === 'model_output') as
        | { content?: { text?: string }[] }
        | undefined;
      return output?.content?.map((c) => c.text ?? '').join('') ?? '';
    },
  };
}

/** An emulator of its own (fast unless `options.pacing` says otherwise); close it in the test. */
export async function startFixture(options: EmulatorServerOptions = {}): Promise<Fixture> {
  return withClient(await startTestEmulator(options));
}

/** A fast and a slow emulator for the tests of one file: started before them, closed after them. */
export function emulatorsForFile(): { readonly fast: Fixture; readonly slow: Fixture } {
  return emulatorsForTests({ beforeAll, afterAll }, { fast: {}, slow: { pacing: SLOW_PACING } }, withClient);
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
