import type { EmulatorServerOptions } from './node.js';

export const USAGE = `Usage: gemkit-emulator [options]

Serves a local Gemini Interactions API (and Files API) at http://HOST:PORT/v1beta/interactions.

Options:
  --port <n>       port to listen on (default 8787; 0 picks a free port)
  --host <host>    interface to bind (default 127.0.0.1)
  --chunk <chars>  characters per streamed text delta (default 24)
  --delay <ms>     milliseconds between streamed deltas (default 12)
  --api-key <key>  require this x-goog-api-key (default: accept any)
  --help           show this help`;

export type CliCommand = { kind: 'help' } | { kind: 'serve'; options: EmulatorServerOptions };

function integer(flag: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isInteger(n) || n < min) {
    throw new Error(
      `${flag} needs an integer >= ${min}, got ${value === undefined ? 'nothing' : `"${value}"`}`,
    );
  }
  return n;
}

/** Parses the CLI arguments; throws an Error whose message is meant for the user. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const options: EmulatorServerOptions = { port: 8787 };
  const pacing: { chunkSize?: number; delayMs?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--help':
      case '-h':
        return { kind: 'help' };
      case '--port':
        options.port = integer('--port', value(), 0);
        if (options.port > 65535) throw new Error('--port must be at most 65535');
        break;
      case '--host':
        options.host = value() ?? '';
        if (!options.host) throw new Error('--host needs a value');
        break;
      case '--chunk':
        pacing.chunkSize = integer('--chunk', value(), 1);
        break;
      case '--delay':
        pacing.delayMs = integer('--delay', value(), 0);
        break;
      case '--api-key':
        options.apiKey = value() ?? '';
        if (!options.apiKey) throw new Error('--api-key needs a value');
        break;
      default:
        throw new Error(`unknown argument "${arg}"`);
    }
  }
  if (Object.keys(pacing).length > 0) options.pacing = pacing;
  return { kind: 'serve', options };
}
