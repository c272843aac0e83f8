/**
 * Server route overhead (bench 3): `pnpm --filter @gemkit/bench bench:server-route [--streams 200]
 * [--unpinned] [--quick]`. Streams to the emulator directly and through the route (each in its own process,
 * pinned to cores when taskset is there) on loopback: 200 at once, then one at a time — at rest also through
 * a bare node:http proxy, the floor any proxy adds here. Prints a table and writes
 * bench/results/server-route.json.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { describeMachine, printMachine } from '../lib/machine.js';
import { formatRatio, isQuick, round, writeResult } from '../lib/report.js';
import { type LoadReport, type Pinning, runLoad } from './load.js';
import type { RoundSummary, Summary } from './phases.js';
import { canPin, pinSelf } from './processes.js';

const TARGETS = { addedTtfbP50Ms: 1, throughputRatio: 0.9 };

const { values } = parseArgs({
  options: {
    streams: { type: 'string', default: '200' },
    unpinned: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
  },
});
const quick = isQuick();
const streams = quick ? 20 : Number(values.streams);
if (!Number.isInteger(streams) || streams < 1)
  throw new Error(`--streams must be a positive integer, got ${values.streams}`);

const machine = describeMachine(['@gemkit/server', '@gemkit/emulator']);
// On two cores: the route alone on one (as on a server of its own), the emulator and the load generator —
// standing in for Google and the browsers — on the other. Both sides of the comparison then get the same
// core for the emulator and the client, and the route's work never takes CPU from them.
const pinning: Pinning | null =
  !quick && !values.unpinned && cpus().length >= 2 && canPin()
    ? { loadGenerator: '0', emulator: '0', route: '1' }
    : null;
if (pinning) pinSelf(pinning.loadGenerator);

const report = await runLoad({
  streams,
  rounds: quick ? 1 : 3,
  // About what Gemini streams: deltas of a few words, tens of milliseconds apart; ~1.3 s per answer.
  textLength: quick ? 300 : 1_000,
  pacing: quick ? { chunkSize: 40, delayMs: 5 } : { chunkSize: 40, delayMs: 50 },
  restStreams: quick ? 5 : 300,
  restTextLength: 40,
  isolate: !quick,
  pinning,
});
const loadAverageAtEnd = round(loadavg()[0] ?? 0);
const targets = {
  ...TARGETS,
  addedTtfbP50MetAtRest: report.atRest.addedTtfbP50Ms < TARGETS.addedTtfbP50Ms,
  throughputRatioMet: report.concurrent.throughputRatio >= TARGETS.throughputRatio,
};
print(report);
if (!quick) {
  const file = writeResult('server-route', machine, {
    loadAverageAtEnd,
    firstByte:
      'the first chunk of the response body (it holds interaction.created, which the emulator sends before any pacing delay), read by the same client code on both sides',
    ...report,
    targets,
  });
  console.log(`\nwritten: ${file}`);
}
const { atRest, concurrent } = report;
const sides = [atRest.direct, atRest.route, concurrent.direct, concurrent.route];
const broken = sides.reduce((sum, side) => sum + side.streams - side.whole, 0);
if (broken > 0) {
  console.error(`${broken} stream(s) did not arrive whole`);
  process.exitCode = 1;
}

function print(r: LoadReport) {
  console.log('\nserver route overhead (bench 3)');
  printMachine(machine);
  console.log(
    pinning
      ? `pinned: route on core ${pinning.route}; emulator and load generator on core ${pinning.emulator}`
      : 'not pinned to cores',
  );
  const ttfb = (s: Summary) => ({
    streams: s.streams,
    'text whole': `${s.whole}/${s.streams}`,
    'TTFB p50 ms': s.ttfbP50Ms,
    'TTFB p99 ms': s.ttfbP99Ms,
  });
  console.log(`\n${r.atRest.direct.streams} streams one at a time per side (taking turns):`);
  console.table({
    'emulator directly': ttfb(r.atRest.direct),
    'through the route': ttfb(r.atRest.route),
    'through a bare node:http proxy (floor)': ttfb(r.atRest.bareProxy),
  });
  console.log(`\n${r.options.streams} streams at once, ${r.options.rounds} round(s) per side:`);
  const rounds = (list: RoundSummary[]) => list.map((x) => `${x.eventsPerSecond}`).join(', ');
  console.table({
    'emulator directly': {
      ...ttfb(r.concurrent.direct),
      'events/s per round': rounds(r.concurrent.rounds.direct),
    },
    'through the route': {
      ...ttfb(r.concurrent.route),
      'events/s per round': rounds(r.concurrent.rounds.route),
    },
  });
  console.table({
    'added TTFB at rest, p50 (ms)': r.atRest.addedTtfbP50Ms,
    'added TTFB at rest, p99 (ms)': r.atRest.addedTtfbP99Ms,
    'added TTFB at rest by a bare node:http proxy, p50 (ms)': r.atRest.bareProxyAddedTtfbP50Ms,
    'route beyond the bare proxy at rest, p50 (ms)': r.atRest.routeOverBareProxyP50Ms,
    'added TTFB at rest, median of paired turns (ms)': r.atRest.pairedAddedTtfbP50Ms,
    [`added TTFB with ${r.options.streams} at once, p50 (ms)`]: r.concurrent.addedTtfbP50Ms,
    [`added TTFB with ${r.options.streams} at once, p99 (ms)`]: r.concurrent.addedTtfbP99Ms,
    'throughput through the route ÷ directly': formatRatio(r.concurrent.throughputRatio),
    'route CPU per stream (ms)': r.cpuPerStreamMs?.route ?? 'n/a',
    'emulator CPU per stream (ms)': r.cpuPerStreamMs?.emulatorDirect ?? 'n/a',
    'route heap+external per open stream (KiB)': r.memory?.heapPerOpenStreamKiB ?? 'n/a',
    'route RSS per open stream (KiB)': r.memory?.rssPerOpenStreamKiB ?? 'n/a',
    'load average at the end': loadAverageAtEnd,
  });
  console.log(
    quick
      ? 'quick mode: timings not judged'
      : `targets: added TTFB p50 at rest < ${TARGETS.addedTtfbP50Ms} ms ${targets.addedTtfbP50MetAtRest ? 'met' : 'NOT met'}; ` +
          `throughput ≥ ${formatRatio(TARGETS.throughputRatio)} ${targets.throughputRatioMet ? 'met' : 'NOT met'}`,
  );
}
