/**
 * The route against another commit of itself, at rest: `pnpm --filter @gemkit/bench ab:server-route
 * [--base HEAD] [--streams 400] [--unpinned]`. For a change to the route's first-byte path, whose effect (tens
 * of µs) is smaller than what separates two runs of bench:server-route. How: compare-commits.ts. Prints a table
 * and writes bench/results/server-route-ab.json; `--quick` (5 turns, not pinned, nothing written) only proves
 * it runs.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { describeMachine, printMachine } from '../lib/machine.js';
import { isQuick, writeResult } from '../lib/report.js';
import { compareWithCommit } from './compare-commits.js';
import { canPin, pinSelf } from './processes.js';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'HEAD' },
    streams: { type: 'string', default: '400' },
    unpinned: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
  },
});
const quick = isQuick();
const streams = quick ? 5 : Number(values.streams);
if (!Number.isInteger(streams) || streams < 2) {
  throw new Error(`--streams must be an integer of at least 2, got ${values.streams}`);
}
const pinned = !quick && !values.unpinned && cpus().length >= 2 && canPin();
if (pinned) pinSelf('0');

const machine = describeMachine(['@gemkit/server', '@gemkit/emulator']);
const report = await compareWithCommit({
  base: values.base,
  streams,
  warmupTurns: quick ? 1 : 10,
  cores: pinned ? { emulator: '0', routes: '1' } : undefined,
});
console.log('\nserver route, this checkout against a base commit, at rest');
printMachine(machine);
console.log(pinned ? 'pinned: both routes on core 1; emulator and load generator on core 0' : 'not pinned');
console.table({
  [`base ${report.base}: added TTFB p50 (ms)`]: report.baseAddedTtfbP50Ms,
  [`${report.current}: added TTFB p50 (ms)`]: report.currentAddedTtfbP50Ms,
  'paired difference, this − base, median (ms)': report.pairedDifferenceMedianMs,
  'paired difference, 95% interval (ms)': report.pairedDifference95Ms.join(' … '),
  'turns where this checkout was faster': report.currentFasterShare,
});
if (quick) console.log('quick mode: timings not judged, nothing written');
else console.log(`\nwritten: ${writeResult('server-route-ab', machine, { pinned, ...report })}`);
