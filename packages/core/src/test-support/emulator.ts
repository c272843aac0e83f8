import { type EmulatorServer, type EmulatorServerOptions, startEmulatorServer } from '@gemkit/emulator';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createClient } from '../client/create-client.js';
import type { ClientOptions } from '../client/http.js';
import type { InteractionStream } from '../client/interaction-stream.js';
import type { Interaction, InteractionEvent } from '../wire/index.js';

/** Helpers for core's tests against the emulator over real HTTP (test-only; not exported). */

export const MODEL = 'gemini-3-flash-preview';

/** Small, quick deltas: many events per answer, so faults can land mid-text. */
export const PACING = { chunkSize: 6, delayMs: 1 };

export function startServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  return startEmulatorServer({ port: 0, pacing: PACING, ...options });
}

/** A client with short backoff so retry tests stay quick; Retry-After is still honoured exactly. */
export function clientFor(server: EmulatorServer, options: Omit<ClientOptions, 'baseUrl'> = {}) {
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

/** Requests the emulator received for a method and path (a RegExp tests the path). */
export function requestsTo(server: EmulatorServer, method: string, path: string | RegExp) {
  return server.emulator.requests.filter(
    (request) =>
      request.method === method &&
      (typeof path === 'string' ? request.path === path : path.test(request.path)),
  );
}

/** One emulator server for a test file, reset before each test; returns the running server. */
export function useEmulatorServer(options: EmulatorServerOptions = {}): () => EmulatorServer {
  let server: EmulatorServer | undefined;
  beforeAll(async () => {
    server = await startServer(options);
  });
  afterAll(() => server?.close());
  beforeEach(() => server?.emulator.reset());
  return () => {
    if (!server) throw new Error('The emulator server is not running');
    return server;
  };
}

export const CREATE = { method: 'POST', path: '/v1beta/interactions' } as const;

/** The error a run rejects with; fails the test when it does not reject. */
export async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}
