import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEmulator, type Emulator, type EmulatorOptions } from '@gemkit/emulator';
import type { GeminiRouteOptions } from '@gemkit/server';
import type { DemoServer, startDemoServer as StartDemoServer } from '../../src/server/demo-server';
import { clientDir, serverDir } from './paths';

export interface RunningDemo {
  url: string;
  emulator: Emulator;
  server: DemoServer;
  close(): Promise<void>;
}

/**
 * The built demo, served by its own production server (dist/server, as `pnpm start` runs it), on a free port,
 * answering from an emulator the test holds: to inject faults and to count what reached the upstream.
 */
export async function startBuiltDemo(
  options: { emulator?: EmulatorOptions; route?: GeminiRouteOptions } = {},
): Promise<RunningDemo> {
  const { startDemoServer } = (await import(pathToFileURL(join(serverDir, 'demo-server.js')).href)) as {
    startDemoServer: typeof StartDemoServer;
  };
  const emulator = createEmulator(options.emulator);
  const server = await startDemoServer({
    clientDir,
    port: 0,
    route: {
      upstream: emulator,
      logger: false,
      // Each test file makes a few dozen requests from one address within seconds; people do not.
      rateLimit: { capacity: 500, refillPerMinute: 5000 },
      ...options.route,
    },
    upstreamKind: 'emulator',
  });
  return { url: server.url, emulator, server, close: () => server.close() };
}
