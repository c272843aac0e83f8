/**
 * The in-browser emulator and a client whose fetch is the emulator's handler: stories and browser
 * tests stream real Interactions API events without a server. Not exported from the package.
 */

import type { EmulatorOptions } from '@gemkit/emulator';
import { createTestEmulator, TEST_MODEL } from '@gemkit/emulator/testing';
import { createClient } from '@gemkit/react';

export const MODEL = TEST_MODEL;

/** 12 characters every 8 ms: visibly streaming, and a default answer ends in about a second. */
export const STORY_PACING = { chunkSize: 12, delayMs: 8 };

/** Fast enough for many turns in a test, slow enough that a stop lands mid-answer. */
export const TEST_PACING = { chunkSize: 24, delayMs: 4 };

/** An emulator (story pacing unless `options.pacing` says otherwise), its log questions, and a client. */
export function createEmulatorClient(options: EmulatorOptions = {}) {
  const test = createTestEmulator({ pacing: STORY_PACING, ...options });
  // No automatic retries: a 429 reaches the UI at once, as an error with its retryAfter.
  const client = createClient({
    baseUrl: test.url,
    fetch: test.fetch,
    retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 5 },
  });
  return { ...test, client };
}

export type EmulatorClient = ReturnType<typeof createEmulatorClient>;
