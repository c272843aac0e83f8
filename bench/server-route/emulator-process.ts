/**
 * The emulator in a process of its own (see processes.ts). Sends `{url}` over IPC; answers `'cpu'` with the
 * CPU time it has used; exits on `'stop'`.
 */
import { startEmulatorServer } from '@gemkit/emulator';
import { answerCpu, exitWithParent } from './child-ipc.js';

const [apiKey, pacing] = process.argv.slice(2);
const server = await startEmulatorServer({ port: 0, apiKey, pacing: JSON.parse(pacing ?? '{}') });
process.send?.({ url: server.url });
exitWithParent();
process.on('message', async (message) => {
  if (message === 'cpu') answerCpu();
  if (message === 'stop') {
    await server.close();
    process.exit(0);
  }
});
