import './scripts/node20-polyfills.ts';
import { defineConfig } from 'vitest/config';

/**
 * One runner for the whole workspace (`pnpm test`). Workspace packages resolve to their
 * TypeScript sources through the `@gemkit/source` export condition, so tests never need a build.
 */
export default defineConfig({
  resolve: { conditions: ['@gemkit/source', 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: ['@gemkit/source', 'module', 'node', 'development|production'] } },
  test: {
    reporters: ['default', './scripts/vitest-summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/{core,emulator,server}/src/**/*.test.ts', 'bench/*/**/*.test.ts'],
          exclude: ['**/*.dom.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'react',
          environment: 'jsdom',
          // React hooks, and the core modules that need browser APIs (localStorage, IndexedDB, File).
          include: ['packages/react/src/**/*.test.{ts,tsx}', 'packages/core/src/**/*.dom.test.ts'],
          setupFiles: ['packages/react/src/test/setup-dom.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
