import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { QUICK, runDecodeBenchmark, TASKS } from './benchmark.js';

/** The decoding benchmark's quick mode, in `pnpm test`: it runs and decodes correctly; no timing is judged. */
describe('stream decoding benchmark, quick mode', () => {
  it('every contender rebuilds the stored interaction from the recorded stream, and every task is timed', async () => {
    const report = await runDecodeBenchmark(QUICK);
    expect(report.stream.events).toBeGreaterThan(100);
    expect(report.stream.textCharacters).toBeGreaterThan(1000);
    expect(report.checks.map((check) => check.contender)).toEqual([
      TASKS.gemkit,
      TASKS.gemkitIterate,
      TASKS.sdk,
      TASKS.sdkLowest,
    ]);
    for (const check of report.checks) {
      expect(check).toMatchObject({ text: true, thoughts: true, interaction: true });
    }
    const [run] = report.runs;
    expect(run?.rows.map((row) => row.task).sort()).toEqual(Object.values(TASKS).sort());
    for (const row of run?.rows ?? []) expect(row.samples).toBeGreaterThan(0);
  }, 60_000);
});

describe('the decoding benchmark as `pnpm run decode` runs it', () => {
  it('bundled by lib/shipped.ts and run by plain node, it decodes correctly and exits 0', () => {
    const bench = fileURLToPath(new URL('../', import.meta.url));
    const run = spawnSync('npx', ['tsx', 'lib/shipped.ts', 'decode/run.ts', '--quick'], {
      cwd: bench,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('@gemkit/core finalInteraction()');
    expect(run.stdout).toContain('quick mode: timings not judged');
  }, 60_000);
});
