import { defineConfig } from 'tsdown';

export default defineConfig({
  // index: the browser-safe handler (Web APIs only). node: the node:http adapter, which index loads
  // lazily. cli: the `gemkit-emulator` bin. One build, so the three share their chunks.
  entry: ['src/index.ts', 'src/node.ts', 'src/cli.ts'],
  format: 'esm',
  platform: 'neutral',
  // Only node.ts and cli.ts import node builtins; they stay imports, resolved by Node at run time.
  external: [/^node:/],
  dts: true,
  sourcemap: true,
  clean: true,
});
