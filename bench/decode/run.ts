/**
 * Stream decoding: `pnpm --filter @gemkit/bench run decode [--quick]`. The same recorded SSE stream decoded
 * and reduced to the final Interaction by @gemkit/core and by @google/genai, against JSON.parse alone.
 * Prints a table and writes bench/results/decode.json.
 */
import { describeMachine, printMachine } from '../lib/machine.js';
import { formatRatio, isQuick, writeResult } from '../lib/report.js';
import { type DecodeReport, FULL, QUICK, runDecodeBenchmark } from './benchmark.js';

const quick = isQuick();
const machine = describeMachine(['@gemkit/core', '@google/genai', 'tinybench']);
const report = await runDecodeBenchmark(quick ? QUICK : FULL);
print(report);
if (!quick) console.log(`\nwritten: ${writeResult('decode', machine, report)}`);
const wrong = report.checks.filter((check) => !(check.text && check.thoughts && check.interaction));
if (wrong.length > 0) {
  console.error('decoded output differs from the stored interaction:', wrong);
  process.exitCode = 1;
}

function print(r: DecodeReport) {
  console.log('\nstream decoding (bench 2)');
  printMachine(machine);
  console.log(
    `recorded stream: ${r.stream.events} events, ${r.stream.bytes} bytes, ` +
      `${r.stream.textCharacters} + ${r.stream.thoughtCharacters} characters of text + thoughts`,
  );
  for (const run of r.runs) {
    console.log(`\nread in chunks of ${run.chunkSize} bytes:`);
    console.table(
      Object.fromEntries(
        run.rows.map((row) => [
          row.task,
          {
            'median CPU ms': row.medianMs,
            'events/s': row.eventsPerSecond,
            'MB/s': row.mbPerSecond,
            samples: row.samples,
          },
        ]),
      ),
    );
    console.log(
      `Gemkit throughput ÷ SDK: ${formatRatio(run.throughputVsSdk)} (target ≥ ${formatRatio(r.targets.throughputVsSdk)}); ` +
        `Gemkit cost ÷ JSON.parse: ${formatRatio(run.costVsJsonParse)} (target ≤ ${formatRatio(r.targets.costVsJsonParse)})`,
    );
  }
  console.table(
    Object.fromEntries(
      r.checks.map((c) => [
        `${c.contender} @ ${c.chunkSize} B`,
        { text: c.text, thoughts: c.thoughts, interaction: c.interaction },
      ]),
    ),
  );
  console.log(quick ? 'quick mode: timings not judged' : `targets ${r.targets.met ? 'met' : 'NOT met'}`);
}
