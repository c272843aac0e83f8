/**
 * The in-browser emulator and a client whose fetch is the emulator's handler: stories and browser
 * tests stream real Interactions API events without a server. Not exported from the package.
 */

import { createEmulator, type EmulatorOptions } from '@gemkit/emulator';
import { createClient } from '@gemkit/react';

export const MODEL = 'gemini-3-flash-preview';

/** 12 characters every 8 ms: visibly streaming, and a default answer ends in about a second. */
export const STORY_PACING = { chunkSize: 12, delayMs: 8 };

/** Fast enough for many turns in a test, slow enough that a stop lands mid-answer. */
export const TEST_PACING = { chunkSize: 24, delayMs: 4 };

export function createEmulatorClient(options: EmulatorOptions = {}) {
  const emulator = createEmulator({ pacing: STORY_PACING, ...options });
  // No automatic retries: a 429 reaches the UI at once, as an error with its retryAfter.
  const client = createClient({
    baseUrl: 'http://emulator.local',
    fetch: emulator.fetch,
    retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 5 },
  });
  return {
    emulator,
    client,
    /** The create requests the emulator received, oldest first. */
    creates: () =>
      emulator.requests
        .filter((request) => request.method === 'POST' && request.path === '/v1beta/interactions')
        .map((request) => request.body as Record<string, unknown>),
  };
}

export type EmulatorClient = ReturnType<typeof createEmulatorClient>;
