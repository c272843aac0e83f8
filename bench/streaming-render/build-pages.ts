import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { build, defaultClientConditions } from 'vite';
import { COMMIT_COUNTER_SCRIPT } from './commit-counter.js';

/** The contenders' pages, one HTML entry each. */
export const PAGES = ['gemkit', 'usechat-streamdown', 'usechat-react-markdown', 'stream-only'] as const;

/**
 * Builds the pages as an app ships them: Vite, production mode, minified, React's production build. Each
 * page gets the commit counter (a stand-in React DevTools hook) as its first script. Returns the output
 * directory (a fresh temporary one).
 */
export async function buildPages(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'gemkit-streaming-render-'));
  const root = new URL('./pages/', import.meta.url).pathname;
  await build({
    configFile: false,
    root,
    mode: 'production',
    // The workspace's own build warnings belong to its packages' builds, not to this report.
    logLevel: 'error',
    plugins: [
      react(),
      tailwindcss(),
      {
        name: 'count-react-commits',
        transformIndexHtml: () => [
          { tag: 'script', children: COMMIT_COUNTER_SCRIPT, injectTo: 'head-prepend' },
        ],
      },
    ],
    resolve: {
      // Gemkit from its sources, as everywhere in this repository (no package build needed).
      conditions: ['@gemkit/source', ...defaultClientConditions],
      dedupe: ['react', 'react-dom'],
    },
    build: {
      outDir,
      emptyOutDir: true,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4096,
      rolldownOptions: { input: Object.fromEntries(PAGES.map((page) => [page, join(root, `${page}.html`)])) },
    },
  });
  return outDir;
}
