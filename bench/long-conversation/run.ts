/**
 * Long conversation: `pnpm --filter @gemkit/bench run long-conversation [--quick]`. A 1,000-message
 * conversation in Gemkit's <Chat> and in useChat + Streamdown, in headless Chromium: first render, and
 * the cost of typing in the composer. Prints a table and writes bench/results/long-conversation.json.
 */
import { describeMachine, printMachine } from '../lib/machine.js';
import { formatRatio, isQuick, writeResult } from '../lib/report.js';
import { FULL, type LongConversationReport, QUICK, runLongConversation } from './benchmark.js';

const quick = isQuick();
const machine = describeMachine([
  '@gemkit/core',
  '@gemkit/react',
  '@gemkit/ui',
  'ai',
  '@ai-sdk/react',
  'streamdown',
]);
const report = await runLongConversation(quick ? QUICK : FULL);
print(report);
if (!quick) console.log(`\nwritten: ${writeResult('long-conversation', machine, report)}`);
if (report.problems.length > 0) {
  console.error('\nthe pages did not do what was measured:', report.problems);
  process.exitCode = 1;
}

function print(r: LongConversationReport) {
  console.log('\nlong conversation (bench 5)');
  printMachine(machine);
  console.log(`Chromium ${r.environment.chromium}, React ${r.environment.react}, Vite ${r.environment.vite}`);
  console.log(
    `${r.options.messages} messages, ${r.options.keystrokes} keystrokes × ${r.options.loads} page loads each\n${r.method}`,
  );
  const ms = (value: number) => value.toFixed(1);
  const spread = (s: { p50: number; p95: number; max: number }) =>
    `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`;
  console.table(
    Object.fromEntries(
      r.contenders.map((c) => [
        c.label,
        {
          'newest shown ms': ms(c.newestShownMs),
          'all in DOM ms': ms(c.firstCommitMs),
          'all formatted ms': ms(c.renderedMs),
          'load busy ms': ms(c.loadMainThreadMs),
          'longest load task ms': ms(c.longestLoadTaskMs),
          'heap MB': c.heapMB,
          'DOM nodes': c.domNodes,
        },
      ]),
    ),
  );
  console.log('per keystroke (p50 / p95 / max):');
  console.table(
    Object.fromEntries(
      r.contenders.map((c) => [
        c.label,
        {
          'latency ms': spread(c.latencyMs),
          'work ms': spread(c.workMs),
          'CPU ms': spread(c.cpuMs),
          'busy ms': ms(c.mainThreadPerKeystrokeMs),
          commits: c.commitsPerKeystroke,
          'message renders': c.messageRendersPerKeystroke,
          'list renders': c.listRendersPerKeystroke,
        },
      ]),
    ),
  );
  console.log(
    `Event Timing (headless Chromium reports few frames; a lower bound): ${r.contenders
      .map(
        (c) =>
          `${c.contender} ${c.eventTiming.slowKeystrokes} of ${c.keystrokes} keys ≥ 16 ms, longest ${ms(c.eventTiming.longestMs)} ms`,
      )
      .join('; ')}`,
  );
  const x = r.ratios;
  console.log(
    `anchor ÷ Gemkit: keystroke latency p50 ${formatRatio(x.latencyP50)}, p95 ${formatRatio(x.latencyP95)}; ` +
      `work p50 ${formatRatio(x.workP50)}, p95 ${formatRatio(x.workP95)}; CPU p50 ${formatRatio(x.cpuP50)}; ` +
      `busy per keystroke ` +
      `${formatRatio(x.mainThreadPerKeystroke)}; newest shown ${formatRatio(x.newestShown)}; all formatted ${formatRatio(x.rendered)}; heap ${formatRatio(x.heap)}`,
  );
  console.log(
    quick
      ? 'quick mode: timings not judged'
      : `target (Gemkit keystroke work p95 < ${r.target.workP95Ms} ms) ${r.target.met ? 'met' : 'NOT met'}` +
          ` (load average ${machine.loadAverage} at the start); by CPU time per keystroke (p95 < ${r.target.workP95Ms} ms) ` +
          (r.target.cpuMet ? 'met' : 'NOT met'),
  );
}
