/**
 * Builds the two pages with Vite, for production: minified, React's production build — its profiling
 * variant, the one in which `<Profiler>` reports commits (React's docs: alias react-dom/client to
 * react-dom/profiling). Workspace packages come from their sources, as everywhere in the repo.
 */
import { buildPages as buildBenchPages } from '../lib/browser-pages.js';

const PAGE = new URL('./page/', import.meta.url).pathname;

/** The contenders, by the name of their page. */
export const CONTENDERS = ['gemkit', 'ai-sdk'] as const;
export type Contender = (typeof CONTENDERS)[number];

/** Builds into a fresh temporary directory and returns it. */
export function buildPages(): Promise<string> {
  return buildBenchPages({
    root: PAGE,
    pages: CONTENDERS,
    name: 'long-conversation',
    alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }],
  });
}
