import { buildPages as buildBenchPages } from '../lib/browser-pages.js';
import { COMMIT_COUNTER_SCRIPT } from './commit-counter.js';

/** The contenders' pages, one HTML entry each. */
export const PAGES = ['gemkit', 'usechat-streamdown', 'usechat-react-markdown', 'stream-only'] as const;

/**
 * Builds the pages as an app ships them (React's production build). Each page gets the commit counter (a
 * stand-in React DevTools hook) as its first script. Returns the output directory (a fresh temporary one).
 */
export function buildPages(): Promise<string> {
  return buildBenchPages({
    root: new URL('./pages/', import.meta.url).pathname,
    pages: PAGES,
    name: 'streaming-render',
    plugins: [
      {
        name: 'count-react-commits',
        transformIndexHtml: () => [
          { tag: 'script', children: COMMIT_COUNTER_SCRIPT, injectTo: 'head-prepend' },
        ],
      },
    ],
  });
}
