/**
 * What @gemkit/ui weighs in an app, minified and gzipped, from the built `dist/` (ESM, code-split as an
 * app's bundler would split it):
 *
 *   pnpm --filter @gemkit/ui size        (builds first)
 *
 * "initial" is what loads with the first render of a `<Chat>`; "on demand" loads later: the dialogs
 * (and Radix with them) on first opening or hover, highlight.js on the first code block. React and
 * react-dom (the peers) and @gemkit/react (the hooks the app already uses) are never counted.
 * Writes bench/results/ui-size.json at the workspace root.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const entry = resolve(here, '../dist/index.js');
const ALWAYS_EXTERNAL = ['react', 'react-dom', 'react/jsx-runtime', '@gemkit/react', 'highlight.js'];

/** Output files reachable from the entry by static imports: what the first render needs. */
function initialFiles(metafile: Metafile): Set<string> {
  const outputs = metafile.outputs;
  const start = Object.keys(outputs).find((file) => outputs[file]?.entryPoint !== undefined) as string;
  const seen = new Set([start]);
  for (const file of seen) {
    for (const imported of outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) seen.add(imported.path);
    }
  }
  return seen;
}

async function weigh(external: string[]) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    outdir: 'out',
    write: false,
    metafile: true,
    external: [...ALWAYS_EXTERNAL, ...external],
    logLevel: 'silent',
  });
  const initial = initialFiles(result.metafile);
  const sizes = { initial: 0, onDemand: 0 };
  for (const file of result.outputFiles) {
    if (!file.path.endsWith('.js')) continue;
    const gzipped = gzipSync(file.contents, { level: 9 }).byteLength;
    const relative = `out/${file.path.split('/out/')[1]}`;
    if (initial.has(relative)) sizes.initial += gzipped;
    else sizes.onDemand += gzipped;
  }
  return sizes;
}

const rows = [
  { bundle: '@gemkit/ui (own code)', ...(await weigh(['markdown-it', '@radix-ui/react-dialog'])) },
  { bundle: '+ @radix-ui/react-dialog', ...(await weigh(['markdown-it'])) },
  { bundle: '+ markdown-it', ...(await weigh([])) },
];
const css = readFileSync(resolve(here, '../dist/styles.css'));

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.table(
  rows.map((row) => ({
    bundle: row.bundle,
    'initial (min+gzip)': kb(row.initial),
    'on demand': kb(row.onDemand),
  })),
);
console.log(`styles.css: ${kb(gzipSync(css, { level: 9 }).byteLength)} gzipped`);
const out = resolve(here, '../../../bench/results/ui-size.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ measured: new Date().toISOString(), rows, cssGzipped: gzipSync(css, { level: 9 }).byteLength }, null, 2)}\n`,
);
