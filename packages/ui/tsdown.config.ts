import { copyFileSync } from 'node:fs';
import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts'],
  format: 'esm',
  platform: 'browser',
  dts: true,
  sourcemap: true,
  clean: true,
  // Every export is usable from React Server Component trees only as a client component.
  banner: { js: "'use client';" },
  // The stylesheet is plain CSS with no build step: ship it as written.
  hooks: { 'build:done': () => copyFileSync('src/styles.css', 'dist/styles.css') },
});
