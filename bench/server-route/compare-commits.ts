/**
 * The route of this checkout against the route of another commit, at rest (see ab.ts for the command).
 *
 * Both run as shipped (bundled, plain node) on the same core, the emulator and the load generator on the
 * other; the base is @gemkit/server and @gemkit/core from `git archive <base>`, the other this checkout's.
 * One stream at a time: directly, then through each route, the routes' order swapped every turn — the one
 * that goes second finds node's own code warm in the core's caches, a bias of up to ~0.1 ms that the swap
 * cancels. Reported: each route's added first byte (p50, as bench:server-route has it), and the median of
 * the paired differences (this checkout minus the base, turn by turn) with a bootstrap 95% interval.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { round } from '../lib/report.js';
import { atOnce, MODEL, median } from './phases.js';
import { type Child, startChild } from './processes.js';
import { runStream, type StreamTarget, uniqueText } from './streams.js';

const KEY = 'bench-server-key';
const REST_TEXT_LENGTH = 40;

export interface CompareOptions {
  /** A git revision: the route to compare this checkout's with. */
  base: string;
  /** Measured turns (each: one stream directly, one through each route). */
  streams: number;
  /** Turns run first and thrown away, after a warm-up at 50 streams at once per side. */
  warmupTurns: number;
  /** `taskset` cores: the routes on `routes`, the emulator on `emulator`; undefined to let them float. */
  cores?: { emulator: string; routes: string };
}

export interface CompareReport {
  base: string;
  current: string;
  streams: number;
  directTtfbP50Ms: number;
  baseAddedTtfbP50Ms: number;
  currentAddedTtfbP50Ms: number;
  pairedDifferenceMedianMs: number;
  pairedDifference95Ms: [number, number];
  currentFasterShare: number;
}

interface Turn {
  direct: number;
  base: number;
  current: number;
}

const repo = fileURLToPath(new URL('../../', import.meta.url));
const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();

export async function compareWithCommit(options: CompareOptions): Promise<CompareReport> {
  const baseCommit = git('rev-parse', '--short', options.base);
  const dirty = git('status', '--porcelain', '--', 'packages/server/src', 'packages/core/src') !== '';
  const baseTree = mkdtempSync(join(tmpdir(), `gemkit-ab-${baseCommit}-`));
  const started: Child[] = [];
  const start = (...args: Parameters<typeof startChild>) => {
    const child = startChild(...args);
    started.push(child);
    return child;
  };
  try {
    execFileSync('sh', [
      '-c',
      `git -C "${repo}" archive "${baseCommit}" packages/server/src packages/core/src | tar -x -C "${baseTree}"`,
    ]);
    const emulator = start(
      './emulator-process.ts',
      [KEY, JSON.stringify({ chunkSize: 40, delayMs: 50 })],
      options.cores?.emulator,
    );
    const direct: StreamTarget = {
      baseUrl: await emulator.next<string>('url'),
      headers: { 'x-goog-api-key': KEY },
    };
    const routeArgs = [direct.baseUrl, KEY];
    const routeUrl = async (child: Child) =>
      `http://127.0.0.1:${await child.next<number>('port')}/api/gemini`;
    const targets = {
      base: {
        baseUrl: await routeUrl(
          start('./route-process.ts', routeArgs, options.cores?.routes, {
            shipped: true,
            packagesFrom: baseTree,
          }),
        ),
      },
      current: {
        baseUrl: await routeUrl(
          start('./route-process.ts', routeArgs, options.cores?.routes, { shipped: true }),
        ),
      },
    };

    // Warm-up: JIT, and the kept-alive connection pools.
    for (const target of [direct, targets.base, targets.current]) await atOnce(target, 50, 200);
    await turns(direct, targets, options.warmupTurns);
    const measured = await turns(direct, targets, options.streams);
    const directP50 = median(measured.map((t) => t.direct));
    const paired = measured.map((t) => t.current - t.base);
    return {
      base: baseCommit,
      current: dirty ? 'this checkout (with uncommitted changes)' : git('rev-parse', '--short', 'HEAD'),
      streams: options.streams,
      directTtfbP50Ms: round(directP50, 3),
      baseAddedTtfbP50Ms: round(median(measured.map((t) => t.base)) - directP50, 3),
      currentAddedTtfbP50Ms: round(median(measured.map((t) => t.current)) - directP50, 3),
      pairedDifferenceMedianMs: round(median(paired), 3),
      pairedDifference95Ms: bootstrapMedianInterval(paired).map((value) => round(value, 3)) as [
        number,
        number,
      ],
      currentFasterShare: round(paired.filter((d) => d < 0).length / paired.length, 3),
    };
  } finally {
    // The emulator last: the routes' kept-alive connections to it close first.
    for (const child of started.reverse()) await child.stop();
    rmSync(baseTree, { recursive: true, force: true });
  }
}

/** `count` turns, each a stream directly, then through both routes in an order swapped every turn. */
async function turns(
  direct: StreamTarget,
  routes: Record<'base' | 'current', StreamTarget>,
  count: number,
): Promise<Turn[]> {
  const results: Turn[] = [];
  for (let i = 0; i < count; i++) {
    const ttfb = async (target: StreamTarget) => {
      const result = await runStream(target, uniqueText(i, REST_TEXT_LENGTH), MODEL);
      if (!result.whole) throw new Error(`A stream through ${target.baseUrl} did not arrive whole`);
      return result.ttfbMs;
    };
    const turn = { direct: await ttfb(direct) } as Turn;
    const order = i % 2 === 0 ? (['base', 'current'] as const) : (['current', 'base'] as const);
    for (const side of order) turn[side] = await ttfb(routes[side]);
    results.push(turn);
  }
  return results;
}

/** A 95% interval for the median of `values`, by resampling them with replacement (seeded, repeatable). */
export function bootstrapMedianInterval(values: readonly number[], resamples = 2_000): [number, number] {
  let seed = 0x9e3779b9;
  const random = () => {
    // xorshift32: enough for resampling indices, and the same interval on every run of the same data.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const medians = Array.from({ length: resamples }, () =>
    median(Array.from(values, () => values[Math.floor(random() * values.length)] as number)),
  ).sort((a, b) => a - b);
  return [medians[Math.floor(resamples * 0.025)] as number, medians[Math.floor(resamples * 0.975)] as number];
}
