#!/usr/bin/env node
import { parseCliArgs, USAGE } from './cli-args.js';
import { startEmulatorServer } from './node.js';

async function main(): Promise<void> {
  let command: ReturnType<typeof parseCliArgs>;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`gemkit-emulator: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (command.kind === 'help') {
    console.log(USAGE);
    return;
  }
  const server = await startEmulatorServer(command.options);
  console.log(`Gemkit emulator listening on ${server.url}`);
  console.log(`  POST ${server.url}/v1beta/interactions`);
  console.log(`  POST ${server.url}/upload/v1beta/files`);
  const stop = (): void => {
    server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`gemkit-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
