/**
 * Load test of the server route: `pnpm --filter @gemkit/bench bench:server-route [--streams 200] [--quick]`.
 * Many concurrent streams to the emulator directly, then through the route (in its own process), on
 * loopback. Prints a table and writes bench/results/server-route.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, type as osType, release, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { type LoadReport, runLoad } from './load.js';

const { values } = parseArgs({
  options: {
    streams: { type: 'string', default: '200' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: new URL('../results/server-route.json', import.meta.url).pathname },
  },
});

const streams = values.quick ? 20 : Number(values.streams);
if (!Number.isInteger(streams) || streams < 1)
  throw new Error(`--streams must be a positive integer, got ${values.streams}`);

const versionOf = (pkg: string) =>
  (
    JSON.parse(readFileSync(new URL(`../../packages/${pkg}/package.json`, import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;
const machine = {
  os: `${osType()} ${release()}`,
  cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  '@gemkit/server': versionOf('server'),
  '@gemkit/emulator': versionOf('emulator'),
};

const report = await runLoad({
  streams,
  // About what Gemini streams: deltas of a few words, tens of milliseconds apart; ~1.3 s per answer.
  textLength: 1_000,
  pacing: { chunkSize: 40, delayMs: 50 },
  isolate: !values.quick,
  sequential: values.quick ? 5 : 20,
});
print(report);
if (!values.quick) {
  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  writeFileSync(
    values.out,
    `${JSON.stringify({ date: new Date().toISOString(), machine, ...report }, null, 2)}\n`,
  );
  console.log(`\nwritten: ${values.out}`);
}
const phases = [report.direct, report.route, report.atRest.direct, report.atRest.route];
const broken = phases.reduce((sum, p) => sum + p.streams - p.whole, 0);
if (broken > 0) {
  console.error(`${broken} stream(s) did not arrive whole`);
  process.exitCode = 1;
}

function print(r: LoadReport) {
  console.log('\nserver-route load test');
  console.table(machine);
  const row = (p: LoadReport['direct']) => ({
    streams: p.streams,
    'text whole': `${p.whole}/${p.streams}`,
    'TTFB p50 ms': p.ttfbP50Ms,
    'TTFB p99 ms': p.ttfbP99Ms,
    'wall ms': p.wallMs,
    'MB/s': p.mbPerSecond,
    'events/s': p.eventsPerSecond,
  });
  console.log(`${r.direct.streams} streams at once:`);
  console.table({ 'emulator directly': row(r.direct), 'through the route': row(r.route) });
  console.log(`${r.atRest.direct.streams} streams one after another:`);
  console.table({ 'emulator directly': row(r.atRest.direct), 'through the route': row(r.atRest.route) });
  console.table({
    'added TTFB at rest, p50 (ms)': r.addedTtfbAtRestP50Ms,
    'added TTFB at rest, p99 (ms)': r.addedTtfbAtRestP99Ms,
    [`added TTFB with ${r.direct.streams} at once, p50 (ms)`]: r.addedTtfbP50Ms,
    [`added TTFB with ${r.direct.streams} at once, p99 (ms)`]: r.addedTtfbP99Ms,
    'route memory per open stream (KiB, heap+external)': r.memoryPerStreamKiB ?? 'n/a',
    'route RSS per open stream (KiB)': r.rssPerStreamKiB ?? 'n/a',
    'streams open when sampled': r.openAtSample ?? 'n/a',
  });
}
