import { readFileSync } from 'node:fs';
import { cpus, loadavg, type as osType, release, totalmem } from 'node:os';

export interface Machine {
  os: string;
  cpu: string;
  memoryGiB: number;
  node: string;
  /** Runnable processes, averaged over the last minute, when the benchmark started: a busy machine is noisier. */
  loadAverage: number;
  /** The packages measured, at the versions installed. */
  versions: Record<string, string>;
}

/** The version of a package installed for the benchmarks (bench/node_modules, workspace packages included). */
export function installedVersion(name: string): string {
  const url = new URL(`../node_modules/${name}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

/** What a reader needs to judge the numbers: where they were measured, and of what. */
export function describeMachine(packages: readonly string[]): Machine {
  return {
    os: `${osType()} ${release()}`,
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: Number((loadavg()[0] ?? 0).toFixed(2)),
    versions: Object.fromEntries(packages.map((name) => [name, installedVersion(name)])),
  };
}

export function printMachine(machine: Machine): void {
  const { versions, ...rest } = machine;
  console.table({ ...rest, ...versions });
}
