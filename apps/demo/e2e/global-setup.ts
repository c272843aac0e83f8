import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const demoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds the demo once for every e2e test file, exactly as `pnpm build` in apps/demo does: the client, then
 * the production server. The tests then run against what `pnpm start` serves.
 */
export default function buildDemo(): void {
  const vite = join(
    dirname(createRequire(join(demoRoot, 'package.json')).resolve('vite/package.json')),
    'bin/vite.js',
  );
  for (const args of [['build'], ['build', '--ssr']]) {
    const result = spawnSync(process.execPath, [vite, ...args, '--logLevel', 'warn'], {
      cwd: demoRoot,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) {
      throw new Error(`vite ${args.join(' ')} failed in apps/demo:\n${result.stdout}\n${result.stderr}`);
    }
  }
}
