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
export function useTestEmulator(hooks: TestHooks, options?: EmulatorServerOptions): () => TestEmulatorServer;
export function useTestEmulator<T>(
  hooks: TestHooks,
  options: EmulatorServerOptions,
  attach: (server: TestEmulatorServer) => T,
): () => T;
export function useTestEmulator(
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
        'useTestEmulator: the emulator runs only between beforeAll and afterAll; call the getter in a test',
      );
    }
    return running.attached;
  };
}

function checkHooks(hooks: TestHooks): void {
  const given = (hooks ?? {}) as Partial<Record<keyof TestHooks, unknown>>;
  for (const name of ['beforeAll', 'afterAll'] as const) {
    if (typeof given[name] !== 'function') {
      throw new TypeError(`useTestEmulator: hooks.${name} must be your test framework's ${name} function`);
    }
  }
  if (given.beforeEach !== undefined && typeof given.beforeEach !== 'function') {
    throw new TypeError('useTestEmulator: hooks.beforeEach, when given, must be a function');
  }
}
