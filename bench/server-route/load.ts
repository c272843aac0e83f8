import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startEmulatorServer } from '@gemkit/emulator';
import { createGeminiRoute, toNodeHandler } from '@gemkit/server';
import { percentile, runStream, type StreamResult, type StreamTarget, uniqueText } from './streams.js';

const KEY = 'bench-server-key';
const MODEL = 'gemini-3-flash-preview';

export interface LoadOptions {
  /** Concurrent streams per phase. */
  streams: number;
  /** Characters each stream echoes back. */
  textLength: number;
  /** Emulator pacing: long enough that every stream of a phase is open at once. */
  pacing: { chunkSize: number; delayMs: number };
  /**
   * Run the emulator and the route in processes of their own: the route's memory is then measured on its
   * own, and neither shares the load generator's event loop. Off in quick mode (one process).
   */
  isolate: boolean;
  /** Streams sent one after another, for the route's added latency at rest (no queueing). */
  sequential: number;
}

export interface PhaseReport {
  streams: number;
  whole: number;
  ttfbP50Ms: number;
  ttfbP99Ms: number;
  wallMs: number;
  bytes: number;
  events: number;
  mbPerSecond: number;
  eventsPerSecond: number;
}

export interface LoadReport {
  options: LoadOptions;
  /** One stream at a time: what the route itself adds, without queueing behind other streams. */
  addedTtfbAtRestP50Ms: number;
  addedTtfbAtRestP99Ms: number;
  atRest: { direct: PhaseReport; route: PhaseReport };
  /** All streams at once. */
  direct: PhaseReport;
  route: PhaseReport;
  addedTtfbP50Ms: number;
  addedTtfbP99Ms: number;
  /** Memory the route process holds per open stream (heap + external, after GC); null when not isolated. */
  memoryPerStreamKiB: number | null;
  rssPerStreamKiB: number | null;
  /** Streams open at once when memory was sampled. */
  openAtSample: number | null;
}

interface EmulatorHandle {
  url: string;
  close(): Promise<void>;
}

interface RouteHandle {
  baseUrl: string;
  sample(): Promise<NodeJS.MemoryUsage | null>;
  stop(): Promise<void>;
}

/** Many concurrent streams to the emulator directly, then the same through the route, on loopback. */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const emulator: EmulatorHandle = options.isolate
    ? await forkEmulator(options.pacing)
    : await startEmulatorServer({ port: 0, apiKey: KEY, pacing: options.pacing });
  const route = options.isolate ? await forkRoute(emulator.url) : await inProcessRoute(emulator.url);
  try {
    const direct: StreamTarget = { baseUrl: emulator.url, headers: { 'x-goog-api-key': KEY } };
    const viaRoute: StreamTarget = { baseUrl: route.baseUrl };
    // Warm up connections, JIT and the emulator before measuring.
    await phase(direct, Math.min(10, options.streams), options);
    await phase(viaRoute, Math.min(10, options.streams), options);

    const directAtRest = await sequence(direct, options);
    const routeAtRest = await sequence(viaRoute, options);
    const directPhase = await phase(direct, options.streams, options);
    const baseline = await route.sample();
    let openAtSample: number | null = null;
    let sampled: NodeJS.MemoryUsage | null = null;
    const routePhase = await phase(viaRoute, options.streams, options, async (open) => {
      openAtSample = open;
      sampled = await route.sample();
    });
    const held = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;
    const perStream = (delta: number) =>
      openAtSample ? Math.round((delta / openAtSample / 1024) * 10) / 10 : null;
    return {
      options,
      addedTtfbAtRestP50Ms: round(percentile(ttfbs(routeAtRest), 50) - percentile(ttfbs(directAtRest), 50)),
      addedTtfbAtRestP99Ms: round(percentile(ttfbs(routeAtRest), 99) - percentile(ttfbs(directAtRest), 99)),
      atRest: { direct: summarize(directAtRest), route: summarize(routeAtRest) },
      direct: summarize(directPhase),
      route: summarize(routePhase),
      addedTtfbP50Ms: round(percentile(ttfbs(routePhase), 50) - percentile(ttfbs(directPhase), 50)),
      addedTtfbP99Ms: round(percentile(ttfbs(routePhase), 99) - percentile(ttfbs(directPhase), 99)),
      memoryPerStreamKiB: baseline && sampled ? perStream(held(sampled) - held(baseline)) : null,
      rssPerStreamKiB:
        baseline && sampled ? perStream((sampled as NodeJS.MemoryUsage).rss - baseline.rss) : null,
      openAtSample,
    };
  } finally {
    await route.stop();
    await emulator.close();
  }
}

interface PhaseResult {
  results: StreamResult[];
  wallMs: number;
}

/**
 * `count` streams at once. `whenAllOpen` runs once every stream has its first byte, with the number of
 * streams still open then (all of them, when the streams last longer than the ramp-up).
 */
async function phase(
  target: StreamTarget,
  count: number,
  options: LoadOptions,
  whenAllOpen?: (open: number) => Promise<void>,
): Promise<PhaseResult> {
  const started = performance.now();
  let firstBytes = 0;
  let finished = 0;
  let sampling: Promise<void> | undefined;
  const results = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const result = await runStream(target, uniqueText(i, options.textLength), MODEL, () => {
        firstBytes++;
        if (whenAllOpen && firstBytes === count) sampling = whenAllOpen(count - finished);
      });
      finished++;
      return result;
    }),
  );
  await sampling;
  return { results, wallMs: performance.now() - started };
}

async function sequence(target: StreamTarget, options: LoadOptions): Promise<PhaseResult> {
  const started = performance.now();
  const results: StreamResult[] = [];
  for (let i = 0; i < options.sequential; i++) {
    results.push(await runStream(target, uniqueText(i, options.textLength), MODEL));
  }
  return { results, wallMs: performance.now() - started };
}

function summarize({ results, wallMs }: PhaseResult): PhaseReport {
  const bytes = results.reduce((sum, r) => sum + r.bytes, 0);
  const events = results.reduce((sum, r) => sum + r.events, 0);
  return {
    streams: results.length,
    whole: results.filter((r) => r.whole).length,
    ttfbP50Ms: round(percentile(ttfbs({ results, wallMs }), 50)),
    ttfbP99Ms: round(percentile(ttfbs({ results, wallMs }), 99)),
    wallMs: round(wallMs),
    bytes,
    events,
    mbPerSecond: round(bytes / 1_048_576 / (wallMs / 1000)),
    eventsPerSecond: Math.round(events / (wallMs / 1000)),
  };
}

const ttfbs = ({ results }: PhaseResult) => results.map((r) => r.ttfbMs);
const round = (n: number) => Math.round(n * 100) / 100;

async function inProcessRoute(upstream: string): Promise<RouteHandle> {
  const route = createGeminiRoute({ upstream, apiKey: KEY, rateLimit: false, logger: false });
  const server = createServer(toNodeHandler(route));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/gemini`,
    sample: async () => null,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Child {
  next<T>(key: string): Promise<T>;
  send(message: string): void;
  stop(): Promise<void>;
}

/** `BENCH_CPU_PROF=dir` writes a CPU profile of the route process there (to see where its time goes). */
function profiling(file: string): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir && file.includes('route') ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/** A TypeScript module of this folder in a child process, spoken to over IPC. */
function forkChild(file: string, args: string[]): Child {
  const child: ChildProcess = fork(fileURLToPath(new URL(file, import.meta.url)), args, {
    execArgv: ['--import', 'tsx', '--conditions=@gemkit/source', '--expose-gc', ...profiling(file)],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    async next<T>(key: string): Promise<T> {
      for (;;) {
        const [message] = (await once(child, 'message')) as [Record<string, unknown>];
        if (key in message) return message[key] as T;
      }
    },
    send: (message) => child.send(message),
    async stop() {
      if (child.exitCode !== null) return;
      child.send('stop');
      await once(child, 'exit');
    },
  };
}

async function forkEmulator(pacing: LoadOptions['pacing']): Promise<EmulatorHandle> {
  const child = forkChild('./emulator-process.ts', [KEY, JSON.stringify(pacing)]);
  return { url: await child.next<string>('url'), close: () => child.stop() };
}

async function forkRoute(upstream: string): Promise<RouteHandle> {
  const child = forkChild('./route-process.ts', [upstream, KEY]);
  const port = await child.next<number>('port');
  return {
    baseUrl: `http://127.0.0.1:${port}/api/gemini`,
    sample: async () => {
      child.send('sample');
      return child.next<NodeJS.MemoryUsage>('memory');
    },
    stop: () => child.stop(),
  };
}
