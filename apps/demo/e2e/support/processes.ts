import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { demoRoot } from './paths';

export interface Started {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

/**
 * Runs a command in its own process group (so that stopping it also stops what it started), keeping what it
 * prints.
 */
export function spawnLogged(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string | undefined>,
): Started {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
      return exited;
    },
  };
}

/** Runs one of apps/demo's package scripts (`pnpm run <script>`), as a person would. */
export function runScript(script: string, env: Record<string, string | undefined>): Started {
  return spawnLogged('pnpm', ['run', '--silent', script], demoRoot, env);
}

/** Waits until the output matches, failing with what was printed if the process ends or time runs out. */
export async function waitForOutput(
  started: Started,
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = started.output().match(pattern);
    if (match) return match;
    if (started.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`Expected ${pattern} in the output; got:\n${started.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
