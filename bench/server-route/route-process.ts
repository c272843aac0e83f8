/**
 * The route alone in a process of its own, so that its memory and CPU can be measured apart from the
 * emulator and the load generator (see processes.ts). Speaks over IPC: `{port}` when listening, then answers
 * `'sample'` with its memory (after a GC) and `'cpu'` with the CPU time it has used, and exits on `'stop'`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGeminiRoute, toNodeHandler } from '@gemkit/server';
import { answerCpu, exitWithParent } from './child-ipc.js';

const [upstream, apiKey] = process.argv.slice(2);
// The default logger: an upstream failure during a run shows on stderr with its cause.
const route = createGeminiRoute({ upstream, apiKey, rateLimit: false });
const server = createServer(toNodeHandler(route));
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});

exitWithParent();
process.on('message', (message) => {
  if (message === 'sample') {
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ memory: process.memoryUsage() });
  }
  if (message === 'cpu') answerCpu();
  if (message === 'stop') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
