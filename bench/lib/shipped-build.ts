import type { BuildOptions } from 'esbuild';

/**
 * How the benchmarks bundle code to run it as shipped code runs (see shipped.ts and server-route's
 * processes.ts): one ES module for Node 20, the workspace packages taken from their source.
 */
export const SHIPPED_BUILD = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['@gemkit/source'],
  logLevel: 'warning',
} as const satisfies BuildOptions;
