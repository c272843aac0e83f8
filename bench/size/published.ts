import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'tsdown';

export interface PublishedBuild {
  /** Package name → its built entry file, for `measureBundle({ published })`. */
  entries: Record<string, string>;
  remove(): void;
}

/**
 * Builds workspace packages as they are published — each with its own tsdown.config.ts, declarations and
 * source maps aside — into a temporary directory laid out like the workspace (`packages/<name>/dist`, beside
 * a copy of its package.json, whose `sideEffects` a bundler reads). What an app's bundler does with these
 * files is what users get: a lazy chunk that stays apart in src but not in dist would show here.
 */
export async function buildPublished(names: string[]): Promise<PublishedBuild> {
  const root = mkdtempSync(join(tmpdir(), 'gemkit-size-'));
  const entries: Record<string, string> = {};
  for (const name of names) {
    const source = new URL(`../../packages/${name}/`, import.meta.url).pathname;
    const target = join(root, 'packages', name);
    mkdirSync(target, { recursive: true });
    copyFileSync(join(source, 'package.json'), join(target, 'package.json'));
    await build({
      cwd: source,
      config: join(source, 'tsdown.config.ts'),
      outDir: join(target, 'dist'),
      dts: false,
      sourcemap: false,
      logLevel: 'silent',
    });
    entries[`@gemkit/${name}`] = join(target, 'dist', 'index.js');
  }
  return { entries, remove: () => rmSync(root, { recursive: true, force: true }) };
}
