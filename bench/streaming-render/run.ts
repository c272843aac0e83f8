/**
 * Streaming render: `pnpm --filter @gemkit/bench run streaming-render [--quick] [--runs N]`. One long markdown
 * answer streamed in thousands of small deltas, at the same pace, into Gemkit's <Chat> and into useChat
 * pages (Streamdown as shipped and throttled, react-markdown), in headless Chromium: main-thread time,
 * long tasks, React commits, heap, and whether the whole answer rendered. Prints a table per size and the
 * ratios, and writes bench/results/streaming-render.json. `BENCH_TRACE_DIR=dir` also writes a Chromium trace of
 * each page there (see measure-page.ts).
 */
import { parseArgs } from 'node:util';
import { describeMachine, printMachine } from '../lib/machine.js';
import { formatRatio, isQuick, writeResult } from '../lib/report.js';
import { FULL, QUICK, runStreamingRender, type StreamingRenderReport } from './benchmark.js';

const quick = isQuick();
const { values } = parseArgs({
  options: { runs: { type: 'string' }, only: { type: 'string' }, sizes: { type: 'string' } },
  strict: false,
});
const runs = typeof values.runs === 'string' ? Number(values.runs) : undefined;
// `--only gemkit,stream-only --sizes 60000`: a partial run, to look at one change; nothing is written.
const only = typeof values.only === 'string' ? values.only.split(',') : undefined;
const sizes = typeof values.sizes === 'string' ? values.sizes.split(',').map(Number) : undefined;
const partial = only !== undefined || sizes !== undefined;
const options = quick ? QUICK : { ...FULL, runs: runs ?? FULL.runs, only, sizes: sizes ?? FULL.sizes };
const machine = describeMachine([
  '@gemkit/ui',
  '@gemkit/react',
  '@gemkit/core',
  'ai',
  '@ai-sdk/react',
  'streamdown',
  'react-markdown',
  'react',
  'react-dom',
]);
const report = await runStreamingRender(options);
print(report);
if (!quick && !partial) console.log(`\nwritten: ${writeResult('streaming-render', machine, report)}`);
const incomplete = report.sizes.flatMap((size) =>
  size.rows.filter((row) => !row.fullText).map((row) => `${row.name} @ ${size.bytes} B`),
);
if (incomplete.length > 0) {
  console.error('not rendered whole (or the page threw):', incomplete);
  process.exitCode = 1;
}

function print(r: StreamingRenderReport) {
  console.log('\nstreaming render (bench 1)');
  printMachine(machine);
  console.log(
    `Chromium ${r.chromium}; ${r.pacing.chunkSize} characters per delta, ${r.pacing.delayMs} ms apart; ` +
      `median of ${r.runsPerContender} page loads per row (longest task: of all of them)`,
  );
  for (const size of r.sizes) {
    console.log(
      `\n${(size.bytes / 1000).toFixed(0)} KB of markdown in ${size.stream.deltas} deltas ` +
        `(${(size.stream.interactionsBytes / 1000).toFixed(0)} KB of Interactions SSE); anchor: ${size.anchor}`,
    );
    console.table(
      Object.fromEntries(
        size.rows.map((row) => [
          row.name,
          {
            'main thread ms': row.mainThreadMs,
            '÷ anchor': formatRatio(size.ratios[row.contender] ?? Number.NaN),
            'script ms': row.scriptMs,
            'layout+style ms': row.layoutStyleMs,
            'stream s': (row.wallMs / 1000).toFixed(1),
            'long tasks': row.longTasks,
            'longest ms': row.longestTaskMs,
            commits: row.commits,
            'heap MB': row.heapMB,
            'whole text': row.fullText,
          },
        ]),
      ),
    );
  }
  if (r.sizes.length > 1) {
    console.log('\nmain-thread time at twice the length ÷ at the base length:');
    console.table(
      Object.fromEntries(Object.entries(r.growth).map(([key, value]) => [key, formatRatio(value)])),
    );
  }
  const t = r.targets;
  console.log(
    `\ntargets: Gemkit ÷ anchor ≤ ${formatRatio(t.mainThreadVsAnchor)}: ${t.met.mainThread ? 'met' : 'NOT met'}; ` +
      `no long task over ${t.longestTaskMs} ms: ${t.met.longTasks ? 'met' : 'NOT met'}; ` +
      `growth at 2× length ≤ ${formatRatio(t.growthAtDoubleLength)}: ${t.met.growth ? 'met' : r.sizes.length > 1 ? 'NOT met' : 'not measured'}`,
  );
  if (quick) console.log('quick mode: timings not judged');
}
