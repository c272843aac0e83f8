/**
 * Bundle size: `pnpm --filter @gemkit/bench run size`. A typical import of @gemkit/core + @gemkit/react
 * against ai + @ai-sdk/react for the same chat hook, and @gemkit/ui without its peer dependencies.
 * Prints a table and writes bench/results/size.json (not in `--quick` mode, which only proves it runs).
 */
import { describeMachine, printMachine } from '../lib/machine.js';
import { formatRatio, isQuick, writeResult } from '../lib/report.js';
import { runSizeBenchmark, type SizeReport } from './benchmark.js';

const quick = isQuick();
const machine = describeMachine([
  '@gemkit/core',
  '@gemkit/react',
  '@gemkit/ui',
  'ai',
  '@ai-sdk/react',
  'rolldown',
]);
const report = await runSizeBenchmark();
print(report);
if (!quick) console.log(`\nwritten: ${writeResult('size', machine, report)}`);

function print(r: SizeReport) {
  const kb = (bytes: number | undefined) => (bytes === undefined ? '' : (bytes / 1024).toFixed(1));
  console.log('\nbundle size (bench 4)');
  printMachine(machine);
  console.log(r.method);
  console.table(
    Object.fromEntries(
      r.rows.map((row) => [
        row.name,
        row.size
          ? {
              'KB min': kb(row.size.minified),
              'KB gzip': kb(row.size.gzip),
              'prefetch KB gzip': kb(row.size.prefetchGzip),
              'lazy KB gzip': kb(row.size.lazyGzip),
              target: row.targetGzip ? `≤ ${kb(row.targetGzip)}` : '',
              met: row.met === undefined ? '' : row.met ? 'yes' : 'NO',
              'vs anchor': row.vsAnchor ? formatRatio(row.vsAnchor.ratio) : '',
            }
          : { 'KB min': row.status },
      ]),
    ),
  );
  for (const row of r.rows.filter((candidate) => candidate.key.startsWith('gemkit') && candidate.areas)) {
    console.log(`\nwhere the bytes of "${row.name}" go (minified, up front):`);
    console.table(
      Object.fromEntries((row.areas ?? []).slice(0, 10).map(({ area, bytes }) => [area, kb(bytes)])),
    );
  }
}
