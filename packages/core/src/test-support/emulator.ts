import type { EmulatorServerOptions } from '@gemkit/emulator';
import {
  emulatorForTests,
  startTestEmulator,
  TEST_MODEL,
  type TestEmulatorServer,
} from '@gemkit/emulator/testing';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createClient } from '../client/create-client.js';
import type { ClientOptions } from '../client/http.js';
import type { InteractionStream } from '../client/interaction-stream.js';
import type { Interaction, InteractionEvent } from '../wire/index.js';

/** Helpers for core's tests against the emulator over real HTTP (test-only; not exported). */

export const MODEL = TEST_MODEL;

/** The create requests, to count them or to fail only them. */
export { CREATE_MATCH as CREATE } from '@gemkit/emulator/testing';

/** Small, quick deltas: many events per answer, so faults can land mid-text. */
export const PACING = { chunkSize: 6, delayMs: 1 };

export function startServer(options: EmulatorServerOptions = {}): Promise<TestEmulatorServer> {
  return startTestEmulator({ pacing: PACING, ...options });
}

/** A client with short backoff so retry tests stay quick; Retry-After is still honoured exactly. */
export function clientFor(server: { url: string }, options: Omit<ClientOptions, 'baseUrl'> = {}) {
  return createClient({
    baseUrl: server.url,
    ...options,
    retry: { baseDelayMs: 5, maxDelayMs: 3000, ...options.retry },
  });
}

export async function collect(stream: InteractionStream): Promise<InteractionEvent[]> {
  const events: InteractionEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

/** The fields stream events carry; on these a reduced stream must equal the stored Interaction. */
export function eventCarried(interaction: Interaction | undefined) {
  const { id, status, model, object, created, updated, steps, usage } = interaction ?? ({} as Interaction);
  return { id, status, model, object, created, updated, steps, usage };
}

/** One emulator server for a test file, reset before each test; returns the running server. */
export function useEmulatorServer(options: EmulatorServerOptions = {}): () => TestEmulatorServer {
  return emulatorForTests({ beforeAll, afterAll, beforeEach }, { pacing: PACING, ...options });
}

/** The error a run rejects with; fails the test when it does not reject. */
export async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}
