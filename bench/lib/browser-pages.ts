import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { type Alias, build, defaultClientConditions, type Plugin } from 'vite';

export interface BuildPagesOptions {
  /** The folder holding one `<name>.html` entry per page. */
  root: string;
  pages: readonly string[];
  /** Names the temporary output folder. */
  name: string;
  plugins?: Plugin[];
  alias?: Alias[];
}

/**
 * Builds benchmark pages as an app ships them: Vite, production mode, minified, React (and Tailwind, which
 * Streamdown's setup needs), Gemkit from its sources as everywhere in the repository. Returns the output
 * folder, a fresh temporary one.
 */
export async function buildPages({ root, pages, name, plugins = [], alias = [] }: BuildPagesOptions) {
  const outDir = mkdtempSync(join(tmpdir(), `gemkit-${name}-`));
  await build({
    configFile: false,
    root,
    mode: 'production',
    // The workspace's own build warnings belong to its packages' builds, not to a benchmark's report.
    logLevel: 'error',
    plugins: [react(), tailwindcss(), ...plugins],
    resolve: {
      conditions: ['@gemkit/source', ...defaultClientConditions],
      dedupe: ['react', 'react-dom'],
      alias,
    },
    build: {
      outDir,
      emptyOutDir: true,
      reportCompressedSize: false,
      // `BENCH_NO_MINIFY=1`: readable function names in a trace's profile (see streaming-render/measure-page.ts).
      minify: process.env.BENCH_NO_MINIFY ? false : undefined,
      // One page per contender, each loading what it needs: the size of its chunks is not a concern here.
      chunkSizeWarningLimit: 10_000,
      rolldownOptions: { input: Object.fromEntries(pages.map((page) => [page, join(root, `${page}.html`)])) },
    },
  });
  return outDir;
}

/** The renderer's counters from DevTools' Performance domain (ScriptDuration, LayoutDuration, …), by name. */
export async function performanceMetrics(session: MetricsSession): Promise<Record<string, number>> {
  const { metrics } = await session.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

/** A DevTools session as the metrics need it: Playwright's `CDPSession`, or a `CdpPage` (cdp-browser.ts). */
interface MetricsSession {
  send(method: 'Performance.getMetrics'): Promise<{ metrics: { name: string; value: number }[] }>;
}
