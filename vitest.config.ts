import './scripts/node20-polyfills.ts';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { configDefaults, defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium';

/** Real Chromium (Debian's), headless; see /work/shared/TOOLCHAIN.md for why these flags. */
const chromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  }),
  instances: [{ browser: 'chromium' as const }],
});

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
          exclude: [...configDefaults.exclude, '**/*.dom.test.ts', '**/*.browser.test.ts'],
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
      {
        extends: true,
        test: {
          name: 'browser',
          // Components, and the core modules that only a browser can show working (the worker fetch).
          include: ['packages/ui/src/**/*.browser.test.tsx', 'packages/core/src/**/*.browser.test.ts'],
          globalSetup: ['scripts/browser-emulator-setup.ts'],
          browser: chromium(),
          testTimeout: 30_000,
        },
      },
      {
        // Every story is a test (play functions, and the a11y addon failing on violations).
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: { name: 'storybook', browser: chromium(), testTimeout: 30_000 },
      },
      {
        // The demo as a person uses it: built once, served by its production server, driven in Chromium.
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['apps/demo/e2e/**/*.e2e.test.ts'],
          globalSetup: ['apps/demo/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A poll here waits on a whole app (a built server, the emulator, Chromium) while every other
          // project runs on the same two cores; expect.poll's default second has been too short there.
          expect: { poll: { timeout: 5_000 } },
        },
      },
      {
        // Pack every public package and install the tarballs into fresh React 19 and React 18 apps.
        extends: true,
        test: {
          name: 'packaging',
          environment: 'node',
          include: ['apps/demo/e2e/packaging/*.pack.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
