import { type ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { SHIPPED_BUILD } from '../lib/shipped-build.js';

/**
 * The emulator and the route each run in a process of their own, spoken to over IPC, so that neither shares
 * the load generator's event loop (which would make "directly" and "through the route" unequal) and the
 * route's memory and CPU can be measured apart.
 */
export interface Child {
  /** The next message carrying `key`. */
  next<T>(key: string): Promise<T>;
  /** Sends a request (`'sample'`, `'cpu'`) and waits for its answer. */
  ask<T>(message: string, key: string): Promise<T>;
  stop(): Promise<void>;
}

/** Whether processes can be pinned to cores here (Linux with util-linux's taskset). */
export function canPin(): boolean {
  return spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' }).status === 0;
}

/** Pins this process (every thread it has; threads it starts later inherit it) to the given cores. */
export function pinSelf(cores: string): void {
  const result = spawnSync('taskset', ['-a', '-p', '-c', cores, String(process.pid)], { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`taskset could not pin the load generator to cores ${cores}`);
}

/**
 * A TypeScript module of this folder in a child process. With `cores`, it is started under `taskset`, so
 * every thread it ever has (V8's, libuv's, the TypeScript loader's) runs on those cores only.
 *
 * `shipped`: the module is bundled first (esbuild, as an app bundles the route for production) and run by
 * plain node. Run from source under tsx instead, every function the code makes at run time goes through
 * esbuild's `__name` helper (tsx keeps names) and source maps are on: costs per request that no deployed
 * server pays, and that a bare proxy, making fewer functions, pays less of. The two servers being
 * compared, the route and the bare proxy, run this way; the emulator, the same on both sides, from source.
 */
export function startChild(
  file: string,
  args: string[],
  cores?: string,
  { shipped = false, packagesFrom }: ShippedOptions = {},
): Child {
  const source = fileURLToPath(new URL(file, import.meta.url));
  const script = shipped ? bundle(source, packagesFrom) : source;
  const execArgv = [
    ...(shipped ? [] : ['--import', 'tsx', '--conditions=@gemkit/source']),
    '--expose-gc',
    ...profiling(file),
  ];
  const stdio: ['ignore', 'inherit', 'inherit', 'ipc'] = ['ignore', 'inherit', 'inherit', 'ipc'];
  const child: ChildProcess = cores
    ? spawn('taskset', ['-c', cores, process.execPath, ...execArgv, script, ...args], { stdio })
    : fork(script, args, { execArgv, stdio });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${file} exited (code ${code}) before answering`);
  });
  exited.catch(() => {});
  const next = async <T>(key: string): Promise<T> => {
    for (;;) {
      const [message] = (await Promise.race([once(child, 'message'), exited])) as [Record<string, unknown>];
      if (key in message) return message[key] as T;
    }
  };
  return {
    next,
    ask<T>(message: string, key: string) {
      const answer = next<T>(key);
      child.send(message);
      return answer;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.send('stop');
        await once(child, 'exit');
      }
      if (shipped) rmSync(script, { force: true });
    },
  };
}

export interface ShippedOptions {
  shipped?: boolean;
  /**
   * With `shipped`: a folder holding another copy of the workspace's `packages/<name>/src` (another commit's,
   * see compare-commits.ts), whose @gemkit/server and @gemkit/core are bundled instead of this checkout's.
   */
  packagesFrom?: string;
}

/** One ES module of `source` and what it imports (the workspace packages from their source), for node. */
function bundle(source: string, packagesFrom?: string): string {
  const tag = packagesFrom ? `-${basename(packagesFrom)}` : '';
  const outfile = join(tmpdir(), `gemkit-bench-${process.pid}-${basename(source, '.ts')}${tag}.mjs`);
  buildSync({
    alias: packagesFrom ? packagesOf(packagesFrom) : {},
    // What those packages import from npm is taken from this checkout's install.
    nodePaths: packagesFrom
      ? PACKAGES_WITH_DEPENDENCIES.map((name) => join(repo, 'packages', name, 'node_modules'))
      : [],
    ...SHIPPED_BUILD,
    entryPoints: [source],
    outfile,
    // Loaded by the route only when it has no upstream of its own, which here it always has.
    external: ['@gemkit/emulator'],
  });
  return outfile;
}

const repo = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGES_WITH_DEPENDENCIES = ['server', 'core'];

/** `@gemkit/server` and `@gemkit/core` as their source under `root`. */
function packagesOf(root: string): Record<string, string> {
  return Object.fromEntries(
    PACKAGES_WITH_DEPENDENCIES.map((name) => [
      `@gemkit/${name}`,
      join(root, 'packages', name, 'src', 'index.ts'),
    ]),
  );
}

/**
 * Diagnostics for the two proxies (the route and the bare proxy): `BENCH_CPU_PROF=dir` writes a CPU profile of
 * each there, sampled every 100 µs (the stretches looked for are tens of µs); `BENCH_TRACE_FIRST_BYTE=1`
 * prints where each spends a stream's first byte (see first-byte-trace.mjs).
 */
function profiling(file: string): string[] {
  if (!file.includes('route') && !file.includes('proxy')) return [];
  const dir = process.env.BENCH_CPU_PROF;
  return [
    ...(dir ? ['--cpu-prof', '--cpu-prof-interval=100', `--cpu-prof-dir=${dir}`] : []),
    ...(process.env.BENCH_TRACE_FIRST_BYTE
      ? ['--import', fileURLToPath(new URL('./first-byte-trace.mjs', import.meta.url))]
      : []),
  ];
}
