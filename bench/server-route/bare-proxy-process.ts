/**
 * The bare node:http proxy (bare-proxy.ts) in a process of its own, pinned like the route (see
 * processes.ts). Sends `{port}` over IPC; exits on `'stop'`.
 */
import type { AddressInfo } from 'node:net';
import { createBareProxy } from './bare-proxy.js';
import { answerCpu, exitWithParent } from './child-ipc.js';

const [upstream = '', apiKey = ''] = process.argv.slice(2);
const server = createBareProxy(upstream, apiKey);
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});

exitWithParent();
process.on('message', (message) => {
  if (message === 'cpu') answerCpu();
  if (message === 'stop') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
