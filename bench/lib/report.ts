import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Machine } from './machine.js';

/**
 * Quick mode proves a benchmark still runs (small inputs, few iterations) without producing numbers worth
 * keeping: `--quick` or `BENCH_QUICK=1`. Results are written only by full runs.
 */
export function isQuick(argv: string[] = process.argv.slice(2)): boolean {
  const { values } = parseArgs({ args: argv, options: { quick: { type: 'boolean' } }, strict: false });
  return values.quick === true || process.env.BENCH_QUICK === '1';
}

/** Writes bench/results/<name>.json: the date, the machine and the benchmark's own report. */
export function writeResult(name: string, machine: Machine, report: object): string {
  const directory = new URL('../results/', import.meta.url);
  mkdirSync(directory, { recursive: true });
  const file = new URL(`${name}.json`, directory).pathname;
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine, ...report }, null, 2)}\n`);
  return file;
}

/** `2.41×`: ratios are what the benchmarks report, never absolute times alone. */
export const formatRatio = (ratio: number): string => `${ratio.toFixed(2)}×`;

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
