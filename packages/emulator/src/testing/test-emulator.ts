import { createEmulator, type Emulator, RELATIVE_BASE } from '../emulator.js';
import { type EmulatorServer, type EmulatorServerOptions, startEmulatorServer } from '../node.js';
import type { EmulatorOptions } from '../options.js';
import { FAST_PACING } from './pacing.js';
import { type RequestQueries, requestQueries } from './request-queries.js';

/** An emulator on real HTTP, with the questions a test asks of its request log. */
export interface TestEmulatorServer extends EmulatorServer, RequestQueries {}

/**
 * Starts an emulator server on a free loopback port, paced for tests ({@link FAST_PACING} unless
 * `options.pacing` says otherwise). Node only; close it when the tests are done.
 */
export async function startTestEmulator(options: EmulatorServerOptions = {}): Promise<TestEmulatorServer> {
  const server = await startEmulatorServer({ pacing: FAST_PACING, ...options });
  return { ...server, ...requestQueries(server.emulator) };
}

/** An emulator in this process (a browser, jsdom, a worker), reached through its handler. */
export interface InProcessTestEmulator extends RequestQueries {
  /** A base URL for a client whose `fetch` is {@link fetch}: any origin reaches the handler. */
  readonly url: string;
  readonly emulator: Emulator;
  /** The emulator's handler, in the shape of `fetch`: hand it to a client. */
  readonly fetch: Emulator['fetch'];
}

/**
 * An emulator without a server, paced for tests ({@link FAST_PACING} unless `options.pacing` says
 * otherwise): for browser tests and stories, where no port can be opened. Nothing to close.
 */
export function createTestEmulator(options: EmulatorOptions = {}): InProcessTestEmulator {
  const emulator = createEmulator({ pacing: FAST_PACING, ...options });
  return { url: RELATIVE_BASE, emulator, fetch: emulator.fetch, ...requestQueries(emulator) };
}
