import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { type OutputChunk, rolldown } from 'rolldown';

export interface BundleOptions {
  /** The module an app writes: its imports, re-exported so that nothing it imports is shaken off. */
  contents: string;
  /** Packages the app provides anyway (peer dependencies), with their subpaths. */
  external: string[];
}

export interface BundleSize {
  /** Minified JavaScript loaded up front: the entry chunk and every chunk it imports statically. */
  minified: number;
  /** The same gzipped (level 9) as one stream, as if the bundler had put it in one file. */
  gzip: number;
  /** Code only dynamic `import()`s reach, loaded on demand: minified, and gzipped as one stream. */
  lazyMinified: number;
  lazyGzip: number;
  /** The names the entry exports: proof that the bundle holds what was asked for. */
  exports: string[];
  /** Minified bytes each source file adds up front (esbuild's metafile), largest first: where the bytes go. */
  inputs: { path: string; bytes: number }[];
}

const ENTRY = '\0app';

/**
 * Bundles a typical import as an app's production build does. The sizes come from rolldown, the bundler
 * of Vite 8 (tree shaking, oxc minification, code splitting at dynamic imports, `NODE_ENV=production`,
 * browser conditions); the per-file attribution from esbuild's metafile, which counts minified bytes.
 * Workspace packages are bundled from their TypeScript sources (`@gemkit/source`), which tsdown
 * publishes as the same ES modules.
 */
export async function measureBundle(options: BundleOptions): Promise<BundleSize> {
  const external = (id: string) => options.external.some((name) => id === name || id.startsWith(`${name}/`));
  const bundle = await rolldown({
    input: ENTRY,
    cwd: import.meta.dirname,
    platform: 'browser',
    external,
    resolve: { conditionNames: ['@gemkit/source', 'browser', 'import', 'module', 'default'] },
    transform: { define: { 'process.env.NODE_ENV': '"production"' } },
    plugins: [
      {
        name: 'app-entry',
        resolveId: (id) => (id === ENTRY ? ENTRY : null),
        load: (id) => (id === ENTRY ? options.contents : null),
      },
    ],
    logLevel: 'silent',
  });
  const { output } = await bundle.generate({ format: 'esm', minify: true });
  await bundle.close();
  const chunks = output.filter((item): item is OutputChunk => item.type === 'chunk');
  const upFront = staticClosure(chunks);
  const lazy = chunks.filter((chunk) => !upFront.includes(chunk));
  const code = (list: OutputChunk[]) => list.map((chunk) => chunk.code).join('\n');
  return {
    minified: code(upFront).length,
    gzip: gzipSize(code(upFront)),
    lazyMinified: code(lazy).length,
    lazyGzip: lazy.length > 0 ? gzipSize(code(lazy)) : 0,
    exports: chunks.filter((chunk) => chunk.isEntry).flatMap((chunk) => chunk.exports),
    inputs: await attribute(options),
  };
}

function staticClosure(chunks: OutputChunk[]): OutputChunk[] {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set(chunks.filter((chunk) => chunk.isEntry));
  for (const chunk of seen) {
    for (const imported of chunk.imports) {
      const next = byName.get(imported);
      if (next) seen.add(next);
    }
  }
  return [...seen];
}

const gzipSize = (text: string) => gzipSync(text, { level: 9 }).length;

/** Minified bytes per source file of the up-front code, from esbuild; what `import()` loads is left out. */
async function attribute(options: BundleOptions): Promise<BundleSize['inputs']> {
  const result = await build({
    stdin: {
      contents: options.contents,
      resolveDir: import.meta.dirname,
      loader: 'ts',
      sourcefile: 'app.ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    conditions: ['@gemkit/source'],
    external: options.external.flatMap((name) => [name, `${name}/*`]),
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [
      {
        name: 'lazy-stays-out',
        setup(build) {
          build.onResolve({ filter: /.*/ }, ({ kind, path }) =>
            kind === 'dynamic-import' ? { path, external: true } : undefined,
          );
        },
      },
    ],
    logLevel: 'silent',
  });
  const bytes = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput > 0) bytes.set(shorten(input), (bytes.get(shorten(input)) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes].map(([path, size]) => ({ path, bytes: size })).sort((a, b) => b.bytes - a.bytes);
}

/** `../../node_modules/.pnpm/ai@7_zod@4/node_modules/ai/dist/index.js` → `ai/dist/index.js`. */
function shorten(path: string): string {
  const modules = path.lastIndexOf('node_modules/');
  if (modules !== -1) return path.slice(modules + 'node_modules/'.length);
  return path.replace(/^(\.\.\/)+/, '');
}
