import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts'],
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
  // Every export is a hook or a context provider: the whole entry is client-only in React Server Components.
  banner: { js: "'use client';" },
});
