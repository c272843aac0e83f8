import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { type OutputChunk, rolldown } from 'rolldown';

export interface BundleOptions {
  /** The module an app writes: its imports, re-exported so that nothing it imports is shaken off. */
  contents: string;
  /** Packages the app provides anyway (peer dependencies), with their subpaths. */
  external: string[];
  /**
   * Modules the code up front loads as soon as the page is idle (prefetched: not needed to render, needed
   * before the first request), by module name (see `moduleName`). Their chunks are counted apart.
   */
  prefetched?: string[];
  /**
   * Bundle built packages instead of their sources: package name → its built entry file (see published.ts).
   * The attribution per source file (`inputs`) is then left empty.
   */
  published?: Record<string, string>;
}

export interface BundleSize {
  /** Minified JavaScript loaded up front: the entry chunk and every chunk it imports statically. */
  minified: number;
  /** The same gzipped (level 9) as one stream, as if the bundler had put it in one file. */
  gzip: number;
  /** The chunks of `prefetched` modules (and what they import statically) not already up front. */
  prefetchMinified: number;
  prefetchGzip: number;
  /** Code only dynamic `import()`s reach, loaded on demand (prefetched chunks aside): minified, and gzipped as one stream. */
  lazyMinified: number;
  lazyGzip: number;
  /** The names the entry exports: proof that the bundle holds what was asked for. */
  exports: string[];
  /** Which modules went where, by module name: `core/client/http` for `packages/core/src/client/http.ts` (or `dist/….js`). */
  modules: { upFront: string[]; prefetched: string[]; lazy: string[] };
  /** Minified bytes each source file adds up front (esbuild's metafile), largest first: where the bytes go. */
  inputs: { path: string; bytes: number }[];
}

const ENTRY = '\0app';

/**
 * Bundles a typical import as an app's production build does. The sizes come from rolldown, the bundler
 * of Vite 8 (tree shaking, oxc minification, code splitting at dynamic imports, `NODE_ENV=production`,
 * browser conditions); the per-file attribution from esbuild's metafile, which counts minified bytes.
 * Workspace packages are bundled from their TypeScript sources (`@gemkit/source`), or, with `published`,
 * from what tsdown builds of them.
 */
export async function measureBundle(options: BundleOptions): Promise<BundleSize> {
  const external = (id: string) => options.external.some((name) => id === name || id.startsWith(`${name}/`));
  const conditionNames = ['browser', 'import', 'module', 'default'];
  const bundle = await rolldown({
    input: ENTRY,
    cwd: import.meta.dirname,
    platform: 'browser',
    external,
    resolve: {
      conditionNames: options.published ? conditionNames : ['@gemkit/source', ...conditionNames],
      alias: options.published ?? {},
    },
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
  const upFront = staticClosure(
    chunks,
    chunks.filter((chunk) => chunk.isEntry),
  );
  const prefetchRoots = chunks.filter((chunk) =>
    chunk.moduleIds.some((id) => options.prefetched?.includes(moduleName(id))),
  );
  const prefetched = staticClosure(chunks, prefetchRoots).filter((chunk) => !upFront.includes(chunk));
  const lazy = chunks.filter((chunk) => !upFront.includes(chunk) && !prefetched.includes(chunk));
  const code = (list: OutputChunk[]) => list.map((chunk) => chunk.code).join('\n');
  const gzip = (list: OutputChunk[]) => (list.length > 0 ? gzipSize(code(list)) : 0);
  const names = (list: OutputChunk[]) => list.flatMap((chunk) => chunk.moduleIds.map(moduleName)).sort();
  return {
    minified: code(upFront).length,
    gzip: gzip(upFront),
    prefetchMinified: code(prefetched).length,
    prefetchGzip: gzip(prefetched),
    lazyMinified: code(lazy).length,
    lazyGzip: gzip(lazy),
    exports: chunks.filter((chunk) => chunk.isEntry).flatMap((chunk) => chunk.exports),
    modules: { upFront: names(upFront), prefetched: names(prefetched), lazy: names(lazy) },
    inputs: options.published ? [] : await attribute(options),
  };
}

/**
 * A module's name whether bundled from source or from a build: the package directory and the path inside
 * src/ or dist/, without extension (`packages/core/src/client/http.ts` → `core/client/http`); other modules
 * (dependencies) by their path after node_modules.
 */
export function moduleName(id: string): string {
  const workspace = /packages\/([^/]+)\/(?:src|dist)\/(.+)\.[cm]?[jt]sx?$/.exec(id);
  return workspace ? `${workspace[1]}/${workspace[2]}` : shorten(id);
}

/** The chunks `roots` import, statically and transitively, with the roots themselves. */
function staticClosure(chunks: OutputChunk[], roots: OutputChunk[]): OutputChunk[] {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set(roots);
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
