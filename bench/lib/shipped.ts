/**
 * `tsx lib/shipped.ts <entry.ts> [args…]`: runs a benchmark as shipped code runs — the workspace packages
 * bundled by esbuild from their source, what they import from npm loaded from its own dist, plain node.
 *
 * Why: under tsx every function made at run time goes through esbuild's keep-names helper, and source maps
 * are on; an app's production build has neither. A benchmark of @gemkit/* against a library loaded from its
 * dist would charge Gemkit alone for that. The bundle sits in bench/.shipped/ (one folder deep, as the entry
 * is, so its `import.meta.url`-relative paths and its npm imports resolve as from the source) and is removed
 * when the run ends.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { SHIPPED_BUILD } from './shipped-build.js';

const [entry, ...args] = process.argv.slice(2);
if (!entry) throw new Error('usage: tsx lib/shipped.ts <entry.ts> [args…]');
const bench = fileURLToPath(new URL('../', import.meta.url));
const source = resolve(bench, entry);
const outdir = join(bench, '.shipped');
const outfile = join(outdir, `${basename(dirname(source))}-${basename(source, '.ts')}-${process.pid}.mjs`);

/** npm packages stay imports (loaded from their dist); @gemkit/* and the benchmark's own files are bundled. */
const npmExternal: Plugin = {
  name: 'npm-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, ({ path }) =>
      path.startsWith('@gemkit/') ? undefined : { path, external: true },
    );
  },
};

mkdirSync(outdir, { recursive: true });
try {
  await build({
    ...SHIPPED_BUILD,
    entryPoints: [source],
    outfile,
    plugins: [npmExternal],
  });
  const { status, signal } = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
  process.exitCode = status ?? (signal ? 1 : 0);
} finally {
  rmSync(outfile, { force: true });
}
