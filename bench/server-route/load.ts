import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulatorServer } from '@gemkit/emulator';
import { createGeminiRoute, toNodeHandler } from '@gemkit/server';
import { round } from '../lib/report.js';
import { createBareProxy } from './bare-proxy.js';
import {
  atOnce,
  median,
  type Round,
  type RoundSummary,
  type Summary,
  summarize,
  summarizeRound,
  takingTurns,
} from './phases.js';
import { type Child, startChild } from './processes.js';
import { percentile, type StreamTarget } from './streams.js';

const KEY = 'bench-server-key';

export interface LoadOptions {
  /** Streams opened at once in each concurrent round. */
  streams: number;
  /** Measured concurrent rounds per side, taking turns (after one warm-up round each). */
  rounds: number;
  /** Characters each stream of a concurrent round echoes back. */
  textLength: number;
  /** Emulator pacing: long enough that every stream of a round is open at once. */
  pacing: { chunkSize: number; delayMs: number };
  /** Streams one at a time per side, for the route's added latency at rest (no queueing). */
  restStreams: number;
  /** Characters each stream at rest echoes: short, as only its start is timed. */
  restTextLength: number;
  /**
   * Run the emulator and the route in processes of their own: the route's memory and CPU are then
   * measured on their own, and neither shares the load generator's event loop. Off in quick mode.
   */
  isolate: boolean;
  /** Where each process runs (`taskset` core lists); null when not pinned. */
  pinning: Pinning | null;
}

/** The cores each process is pinned to. */
export interface Pinning {
  loadGenerator: string;
  emulator: string;
  route: string;
}

export interface LoadReport {
  options: LoadOptions;
  /**
   * One stream at a time, directly, through the route and through a bare node:http proxy taking turns.
   * The bare proxy is the floor: what any proxy in this setup adds (see bare-proxy.ts).
   */
  atRest: {
    direct: Summary;
    route: Summary;
    bareProxy: Summary;
    addedTtfbP50Ms: number;
    addedTtfbP99Ms: number;
    bareProxyAddedTtfbP50Ms: number;
    /** What the route adds beyond the bare proxy: its own cost. */
    routeOverBareProxyP50Ms: number;
    /**
     * The median of the route's added time turn by turn (each route stream minus the direct one of its turn),
     * beside the difference of the two medians above, which is the figure the target is judged on.
     */
    pairedAddedTtfbP50Ms: number;
  };
  /** `streams` at once, `rounds` times per side. */
  concurrent: {
    direct: Summary;
    route: Summary;
    addedTtfbP50Ms: number;
    addedTtfbP99Ms: number;
    /** Median over the rounds of events delivered per second of a round's wall time. */
    directEventsPerSecond: number;
    routeEventsPerSecond: number;
    /** Through the route ÷ directly. */
    throughputRatio: number;
    rounds: { direct: RoundSummary[]; route: RoundSummary[] };
  };
  /** CPU time per stream in the concurrent rounds (median over rounds); null when not isolated. */
  cpuPerStreamMs: {
    route: number;
    emulatorDirect: number;
    emulatorThroughRoute: number;
    loadGeneratorDirect: number;
    loadGeneratorThroughRoute: number;
  } | null;
  /** What the route process holds per open stream (after a GC); null when not isolated. */
  memory: { heapPerOpenStreamKiB: number; rssPerOpenStreamKiB: number; openAtSample: number } | null;
}

interface Side {
  target: StreamTarget;
  /** CPU time used so far by the processes involved, in µs: this one and the children. */
  cpu(): Promise<{ self: number; emulator: number; route: number } | null>;
}

/** Concurrent rounds directly and through the route, then one stream at a time, on loopback. */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const { pinning } = options;
  const emulator = options.isolate
    ? await forkEmulator(options.pacing, pinning?.emulator)
    : await inProcessEmulator(options.pacing);
  const route = options.isolate
    ? await forkRoute(emulator.url, pinning?.route)
    : await inProcessRoute(emulator.url);
  // On the route's core when pinned: the same seat, so the two differ only in what they do.
  const bare = options.isolate
    ? await forkBareProxy(emulator.url, pinning?.route)
    : await inProcessBareProxy(emulator.url);
  try {
    const cpu = async () => {
      if (!emulator.child || !route.child) return null;
      const { user, system } = process.cpuUsage();
      const [emulatorCpu, routeCpu] = await Promise.all([
        emulator.child.ask<number>('cpu', 'cpu'),
        route.child.ask<number>('cpu', 'cpu'),
      ]);
      return { self: user + system, emulator: emulatorCpu, route: routeCpu };
    };
    const direct: Side = { target: { baseUrl: emulator.url, headers: { 'x-goog-api-key': KEY } }, cpu };
    const viaRoute: Side = { target: { baseUrl: route.baseUrl }, cpu };
    const viaBare = { baseUrl: bare.baseUrl };

    // Warm-up at full concurrency: JIT, and kept-alive connection pools as a busy server has them.
    await atOnce(direct.target, options.streams, options.textLength);
    await atOnce(viaRoute.target, options.streams, options.textLength);
    await atOnce(viaBare, options.streams, options.textLength);

    const rounds = { direct: [] as Measured[], route: [] as Measured[] };
    let memory: LoadReport['memory'] = null;
    for (let i = 0; i < options.rounds; i++) {
      rounds.direct.push(await measured(direct, options));
      const baseline = i === 0 ? await route.sample() : null;
      rounds.route.push(
        await measured(viaRoute, options, async (open) => {
          const sampled = await route.sample();
          if (!baseline || !sampled || open === 0) return;
          const perStream = (delta: number) => round(delta / open / 1024, 1);
          memory = {
            heapPerOpenStreamKiB: perStream(held(sampled) - held(baseline)),
            rssPerOpenStreamKiB: perStream(sampled.rss - baseline.rss),
            openAtSample: open,
          };
        }),
      );
    }

    const restTargets = [direct.target, viaRoute.target, viaBare];
    await takingTurns(restTargets, 10, options.restTextLength);
    const [restDirect = [], restRoute = [], restBare = []] = await takingTurns(
      restTargets,
      options.restStreams,
      options.restTextLength,
    );

    const directAll = rounds.direct.flatMap((r) => r.round.results);
    const routeAll = rounds.route.flatMap((r) => r.round.results);
    const directRounds = rounds.direct.map((r) => summarizeRound(r.round));
    const routeRounds = rounds.route.map((r) => summarizeRound(r.round));
    const directEventsPerSecond = median(directRounds.map((r) => r.eventsPerSecond));
    const routeEventsPerSecond = median(routeRounds.map((r) => r.eventsPerSecond));
    return {
      options,
      atRest: {
        direct: summarize(restDirect),
        route: summarize(restRoute),
        bareProxy: summarize(restBare),
        ...added(restDirect, restRoute),
        bareProxyAddedTtfbP50Ms: added(restDirect, restBare).addedTtfbP50Ms,
        routeOverBareProxyP50Ms: added(restBare, restRoute).addedTtfbP50Ms,
        pairedAddedTtfbP50Ms: round(
          median(restRoute.map((r, i) => r.ttfbMs - (restDirect[i]?.ttfbMs ?? Number.NaN))),
        ),
      },
      concurrent: {
        direct: summarize(directAll),
        route: summarize(routeAll),
        ...added(directAll, routeAll),
        directEventsPerSecond,
        routeEventsPerSecond,
        throughputRatio: round(routeEventsPerSecond / directEventsPerSecond, 3),
        rounds: { direct: directRounds, route: routeRounds },
      },
      cpuPerStreamMs: cpuPerStream(rounds, options.streams),
      memory,
    };
  } finally {
    await bare.stop();
    await route.stop();
    await emulator.stop();
  }
}

interface Measured {
  round: Round;
  /** CPU µs used during the round by each process; null when not isolated. */
  cpu: { self: number; emulator: number; route: number } | null;
}

async function measured(
  side: Side,
  options: LoadOptions,
  whenAllOpen?: (open: number) => Promise<void>,
): Promise<Measured> {
  const before = await side.cpu();
  const result = await atOnce(side.target, options.streams, options.textLength, whenAllOpen);
  const after = await side.cpu();
  const cpu =
    before && after
      ? {
          self: after.self - before.self,
          emulator: after.emulator - before.emulator,
          route: after.route - before.route,
        }
      : null;
  return { round: result, cpu };
}

function added(direct: { ttfbMs: number }[], route: { ttfbMs: number }[]) {
  const at = (results: { ttfbMs: number }[], p: number) =>
    percentile(
      results.map((r) => r.ttfbMs),
      p,
    );
  return {
    addedTtfbP50Ms: round(at(route, 50) - at(direct, 50)),
    addedTtfbP99Ms: round(at(route, 99) - at(direct, 99)),
  };
}

function cpuPerStream(
  rounds: { direct: Measured[]; route: Measured[] },
  streams: number,
): LoadReport['cpuPerStreamMs'] {
  const per = (measuredRounds: Measured[], pick: (cpu: NonNullable<Measured['cpu']>) => number) => {
    const values = measuredRounds.flatMap((r) => (r.cpu ? [pick(r.cpu) / streams / 1000] : []));
    return values.length > 0 ? round(median(values), 3) : Number.NaN;
  };
  if (rounds.route.some((r) => !r.cpu)) return null;
  return {
    route: per(rounds.route, (c) => c.route),
    emulatorDirect: per(rounds.direct, (c) => c.emulator),
    emulatorThroughRoute: per(rounds.route, (c) => c.emulator),
    loadGeneratorDirect: per(rounds.direct, (c) => c.self),
    loadGeneratorThroughRoute: per(rounds.route, (c) => c.self),
  };
}

const held = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;

interface EmulatorHandle {
  url: string;
  child?: Child;
  stop(): Promise<void>;
}

interface RouteHandle {
  baseUrl: string;
  child?: Child;
  sample(): Promise<NodeJS.MemoryUsage | null>;
  stop(): Promise<void>;
}

async function inProcessEmulator(pacing: LoadOptions['pacing']): Promise<EmulatorHandle> {
  const server = await startEmulatorServer({ port: 0, apiKey: KEY, pacing });
  return { url: server.url, stop: () => server.close() };
}

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

interface ProxyHandle {
  baseUrl: string;
  stop(): Promise<void>;
}

async function inProcessBareProxy(upstream: string): Promise<ProxyHandle> {
  const server = createBareProxy(upstream, KEY);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/gemini`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function forkBareProxy(upstream: string, cores?: string): Promise<ProxyHandle> {
  const child = startChild('./bare-proxy-process.ts', [upstream, KEY], cores, { shipped: true });
  const port = await child.next<number>('port');
  return { baseUrl: `http://127.0.0.1:${port}/api/gemini`, stop: () => child.stop() };
}

async function forkEmulator(pacing: LoadOptions['pacing'], cores?: string): Promise<EmulatorHandle> {
  const child = startChild('./emulator-process.ts', [KEY, JSON.stringify(pacing)], cores);
  return { url: await child.next<string>('url'), child, stop: () => child.stop() };
}

async function forkRoute(upstream: string, cores?: string): Promise<RouteHandle> {
  const child = startChild('./route-process.ts', [upstream, KEY], cores, { shipped: true });
  const port = await child.next<number>('port');
  return {
    baseUrl: `http://127.0.0.1:${port}/api/gemini`,
    child,
    sample: () => child.ask<NodeJS.MemoryUsage>('sample', 'memory'),
    stop: () => child.stop(),
  };
}
