import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts'],
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
  // One file per module, as in src. An app's bundler keeps a dynamically imported module (the stream's code,
  // the retry policy) out of the up-front bundle only when no module its chat code uses imports it
  // statically; bundled into one index.js beside the public re-exports (InteractionStream,
  // reduceInteraction), it would be pulled in whole.
  unbundle: true,
});
