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
          include: ['packages/{core,emulator,server}/src/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
