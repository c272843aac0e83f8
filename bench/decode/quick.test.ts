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
