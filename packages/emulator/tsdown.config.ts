import { defineConfig } from 'tsdown';

export default defineConfig([
  {
    // The handler is browser-safe (Web APIs only), so the main entry stays platform-neutral.
    entry: ['src/index.ts'],
    format: 'esm',
    platform: 'neutral',
    dts: true,
    sourcemap: true,
    clean: true,
  },
  {
    // node:http adapter and the `gemkit-emulator` CLI.
    entry: ['src/node.ts', 'src/cli.ts'],
    format: 'esm',
    platform: 'node',
    dts: true,
    sourcemap: true,
    clean: false,
  },
]);
