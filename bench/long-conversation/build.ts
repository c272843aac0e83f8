/**
 * Builds the two pages with Vite, for production: minified, React's production build — its profiling
 * variant, the one in which `<Profiler>` reports commits (React's docs: alias react-dom/client to
 * react-dom/profiling). Workspace packages come from their sources, as everywhere in the repo.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { build, defaultClientConditions } from 'vite';

const PAGE = new URL('./page/', import.meta.url).pathname;

/** The contenders, by the name of their page. */
export const CONTENDERS = ['gemkit', 'ai-sdk'] as const;
export type Contender = (typeof CONTENDERS)[number];

/** Builds into a fresh temporary directory and returns it. */
export async function buildPages(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'gemkit-long-conversation-'));
  await build({
    root: PAGE,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    plugins: [react(), tailwindcss()],
    resolve: {
      conditions: ['@gemkit/source', ...defaultClientConditions],
      alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }],
    },
    build: {
      outDir,
      emptyOutDir: true,
      // One page per contender, each loading what it needs: the size of its chunks is not a concern here.
      chunkSizeWarningLimit: 10_000,
      rolldownOptions: {
        input: Object.fromEntries(CONTENDERS.map((name) => [name, join(PAGE, `${name}.html`)])),
      },
    },
  });
  return outDir;
}
