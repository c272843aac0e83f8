import type { EmulatorServerOptions } from '../node.js';
import { startTestEmulator, type TestEmulatorServer } from './test-emulator.js';

type Hook = (run: () => Promise<void> | void) => unknown;

/**
 * A test framework's lifecycle hooks: Vitest's and Jest's `beforeAll` / `afterAll` / `beforeEach` as
 * they are, Mocha's `before` / `after` / `beforeEach` renamed. Taken as parameters, so that this
 * package depends on no test framework.
 */
export interface TestHooks {
  beforeAll: Hook;
  afterAll: Hook;
  /** When given, the emulator is reset before each test: no interactions, files, faults, log or counts. */
  beforeEach?: Hook;
}

/**
 * One emulator server for the tests of a file (or of a `describe` block, when called in one): started
 * by `beforeAll`, closed by `afterAll`. Returns a getter for it, to call inside tests; `attach` makes
 * what the getter returns, once per start (a client pointed at it, say).
 */
export function emulatorForTests(hooks: TestHooks, options?: EmulatorServerOptions): () => TestEmulatorServer;
export function emulatorForTests<T>(
  hooks: TestHooks,
  options: EmulatorServerOptions,
  attach: (server: TestEmulatorServer) => T,
): () => T;
export function emulatorForTests(
  hooks: TestHooks,
  options: EmulatorServerOptions = {},
  attach: (server: TestEmulatorServer) => unknown = (server) => server,
): () => unknown {
  checkHooks(hooks);
  let running: { server: TestEmulatorServer; attached: unknown } | undefined;
  hooks.beforeAll(async () => {
    const server = await startTestEmulator(options);
    running = { server, attached: attach(server) };
  });
  hooks.afterAll(async () => {
    const server = running?.server;
    running = undefined;
    await server?.close();
  });
  hooks.beforeEach?.(() => running?.server.emulator.reset());
  return () => {
    if (!running) {
      throw new Error(
        'emulatorForTests: the emulator runs only between beforeAll and afterAll; call the getter in a test',
      );
    }
    return running.attached;
  };
}

/**
 * Several emulator servers for the tests of a file, by name — say a fast one and a slow one where a
 * stop must land mid-answer: `emulatorsForTests(hooks, { fast: {}, slow: { pacing: SLOW_PACING } })`.
 * Each property reads the running server (or what `attach` made of it), as {@link emulatorForTests}'s
 * getter does; read them inside tests.
 */
export function emulatorsForTests<K extends string>(
  hooks: TestHooks,
  options: Record<K, EmulatorServerOptions>,
): { readonly [name in K]: TestEmulatorServer };
export function emulatorsForTests<K extends string, T>(
  hooks: TestHooks,
  options: Record<K, EmulatorServerOptions>,
  attach: (server: TestEmulatorServer) => T,
): { readonly [name in K]: T };
export function emulatorsForTests(
  hooks: TestHooks,
  options: Record<string, EmulatorServerOptions>,
  attach?: (server: TestEmulatorServer) => unknown,
): Record<string, unknown> {
  checkHooks(hooks);
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('emulatorsForTests: options must map names to emulator options');
  }
  const servers = {};
  for (const [name, serverOptions] of Object.entries(options)) {
    const get = emulatorForTests(hooks, serverOptions, attach ?? ((server) => server));
    Object.defineProperty(servers, name, { get, enumerable: true });
  }
  return servers;
}

function checkHooks(hooks: TestHooks): void {
  const given = (hooks ?? {}) as Partial<Record<keyof TestHooks, unknown>>;
  for (const name of ['beforeAll', 'afterAll'] as const) {
    if (typeof given[name] !== 'function') {
      throw new TypeError(`emulatorForTests: hooks.${name} must be your test framework's ${name} function`);
    }
  }
  if (given.beforeEach !== undefined && typeof given.beforeEach !== 'function') {
    throw new TypeError('emulatorForTests: hooks.beforeEach, when given, must be a function');
  }
}
