/**
 * `pnpm bench` (from the root) or `pnpm --filter @gemkit/bench run bench`: every benchmark, one after
 * another, each in its own process as when run alone. `--quick` is handed to each.
 */
import { spawnSync } from 'node:child_process';
import { isQuick } from './lib/report.js';

const BENCHMARKS = ['decode', 'size', 'bench:server-route', 'long-conversation', 'streaming-render'];
const args = isQuick() ? ['--quick'] : [];
const failed: string[] = [];
for (const script of BENCHMARKS) {
  console.log(`\n▶ pnpm run ${[script, ...args].join(' ')}`);
  const { status } = spawnSync('pnpm', ['run', '--silent', script, ...args], {
    cwd: import.meta.dirname,
    stdio: 'inherit',
  });
  if (status !== 0) failed.push(script);
}
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
