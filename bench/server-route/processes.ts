import { type ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

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
 */
export function startChild(file: string, args: string[], cores?: string): Child {
  const script = fileURLToPath(new URL(file, import.meta.url));
  const execArgv = ['--import', 'tsx', '--conditions=@gemkit/source', '--expose-gc', ...profiling(file)];
  const stdio: ['ignore', 'inherit', 'inherit', 'ipc'] = ['ignore', 'inherit', 'inherit', 'ipc'];
  const child: ChildProcess = cores
    ? spawn('taskset', ['-c', cores, process.execPath, ...execArgv, script, ...args], { stdio })
    : fork(script, args, { execArgv, stdio });
  const next = async <T>(key: string): Promise<T> => {
    for (;;) {
      const [message] = (await once(child, 'message')) as [Record<string, unknown>];
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
      if (child.exitCode !== null) return;
      child.send('stop');
      await once(child, 'exit');
    },
  };
}

/** `BENCH_CPU_PROF=dir` writes a CPU profile of the route process there (to see where its time goes). */
function profiling(file: string): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir && file.includes('route') ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/** What a child answers to `'cpu'`: the CPU time its process has used so far, user + system, in µs. */
export function answerCpu(): void {
  const { user, system } = process.cpuUsage();
  process.send?.({ cpu: user + system });
}
