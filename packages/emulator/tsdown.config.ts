import { defineConfig } from 'tsdown';

export default defineConfig({
  // index: the handler and everything public; browser-safe (node.ts reaches node:http only through
  // process.getBuiltinModule, when startEmulatorServer is called). node: the same server as a subpath.
  // testing: test set-up for users and for Gemkit's own tests (browser-safe too, framework-free).
  // cli: the `gemkit-emulator` bin. One build, so the four share their chunks.
  entry: ['src/index.ts', 'src/node.ts', 'src/testing.ts', 'src/cli.ts'],
  format: 'esm',
  platform: 'neutral',
  external: [/^node:/],
  dts: true,
  sourcemap: true,
  clean: true,
});
