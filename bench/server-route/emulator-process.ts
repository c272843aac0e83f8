/**
 * The emulator in a process of its own, so that it does not share the load generator's event loop (which
 * would make "directly" and "through the route" unequal). Sends `{url}` over IPC; exits on `'stop'`.
 */
import { startEmulatorServer } from '@gemkit/emulator';

const [apiKey, pacing] = process.argv.slice(2);
const server = await startEmulatorServer({ port: 0, apiKey, pacing: JSON.parse(pacing ?? '{}') });
process.send?.({ url: server.url });
process.on('message', async (message) => {
  if (message === 'stop') {
    await server.close();
    process.exit(0);
  }
});
