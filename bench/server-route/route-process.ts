/**
 * The route alone in a process of its own, so that its memory can be measured apart from the emulator and
 * the load generator. Started by load.ts with `fork`; speaks over IPC: `{port}` when listening, then
 * answers `'sample'` with its memory (after a GC) and exits on `'stop'`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGeminiRoute, toNodeHandler } from '@gemkit/server';

const [upstream, apiKey] = process.argv.slice(2);
const route = createGeminiRoute({ upstream, apiKey, rateLimit: false, logger: false });
const server = createServer(toNodeHandler(route));
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});

process.on('message', (message) => {
  if (message === 'sample') {
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ memory: process.memoryUsage() });
  }
  if (message === 'stop') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
