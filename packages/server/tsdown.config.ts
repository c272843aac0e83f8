import { defineConfig } from 'tsdown';

export default defineConfig({
  // `redis` is its own entry so that apps without Redis never load the adapter (ioredis is an optional peer).
  entry: ['src/index.ts', 'src/redis.ts'],
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
});
