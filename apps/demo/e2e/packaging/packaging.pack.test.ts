/**
 * "npm install into a React app" works: each public package is packed as it would be published, and the
 * tarballs alone — no workspace links — are installed into fresh Vite React apps outside the repository
 * (React 19 with npm, React 18 with pnpm), which import the hooks, the components and the stylesheet as the
 * READMEs show, type-check, build with nothing but React's Vite plugin, and stream an answer in Chromium from
 * @gemkit/server's route on its embedded emulator.
 */
import { execFile } from 'node:child_process';
import { cp, lstat, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { recordAnswerGrowth } from '../support/observe';
import { freePort, type Started, spawnLogged, waitForOutput } from '../support/processes';
import { visibleText } from '../support/text';
import { type Consumer, consumerPackageJson } from './consumer-package';

const run = promisify(execFile);
const repoRoot = join(import.meta.dirname, '../../../..');
const template = join(import.meta.dirname, 'consumer');
const PACKAGES = ['core', 'react', 'ui', 'server', 'emulator'] as const;

const CONSUMERS: Consumer[] = [
  { name: 'react-19-npm', react: '19.3.1', typesReact: '19.3.0', typesReactDom: '19.3.0', installer: 'npm' },
  {
    name: 'react-18-pnpm',
    react: '18.3.1',
    typesReact: '18.3.8',
    typesReactDom: '18.3.7',
    installer: 'pnpm',
  },
];

let work: string;
const tarballs: Record<string, string> = {};

/** Runs a command, failing loudly with its output. */
async function sh(command: string, args: string[], cwd: string, timeout = 240_000): Promise<string> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, timeout, maxBuffer: 64 * 1024 * 1024 });
    return stdout + stderr;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`);
  }
}

beforeAll(async () => {
  work = await realpath(await mkdtemp(join(tmpdir(), 'gemkit-packaging-')));
  await sh('pnpm', ['-r', '--filter', './packages/*', 'run', 'build'], repoRoot);
  for (const name of PACKAGES) {
    const output = await sh(
      'pnpm',
      ['pack', '--pack-destination', join(work, 'tarballs')],
      join(repoRoot, 'packages', name),
    );
    const file = output.trim().split('\n').at(-1)?.trim() ?? '';
    expect(file).toMatch(new RegExp(`gemkit-${name}-\\d+\\.\\d+\\.\\d+\\.tgz$`));
    tarballs[`@gemkit/${name}`] = file;
  }
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packed packages', () => {
  it.each(PACKAGES)(
    '@gemkit/%s ships its build, types and README, and no workspace references',
    async (name) => {
      const listing = await sh('tar', ['-tzf', tarballs[`@gemkit/${name}`] as string], work);
      const files = listing.split('\n').filter(Boolean);
      expect(files).toContain('package/package.json');
      expect(files).toContain('package/README.md');
      expect(files).toContain('package/dist/index.js');
      expect(files).toContain('package/dist/index.d.ts');
      expect(files.filter((file) => file.startsWith('package/src/') || /\.test\./.test(file))).toEqual([]);
      if (name === 'ui') expect(files).toContain('package/dist/styles.css');
      const manifest = await sh(
        'tar',
        ['-xzOf', tarballs[`@gemkit/${name}`] as string, 'package/package.json'],
        work,
      );
      expect(manifest).not.toContain('workspace:');
      // Every file the manifest points at is in the tarball: no export condition leads to the unshipped src.
      const { exports, main, types, bin } = JSON.parse(manifest) as Record<string, unknown>;
      const targets = [...manifestPaths(exports), ...manifestPaths([main, types, bin])];
      expect(targets.length).toBeGreaterThan(3);
      expect(targets.filter((target) => !files.includes(`package/${target.replace(/^\.\//, '')}`))).toEqual(
        [],
      );
    },
  );
});

/** The file paths a package.json field names, however nested (exports maps, conditions, bin objects). */
function manifestPaths(field: unknown): string[] {
  if (typeof field === 'string') return field.startsWith('./') || !field.includes(':') ? [field] : [];
  if (typeof field !== 'object' || field === null) return [];
  return Object.values(field).flatMap(manifestPaths);
}

describe.each(CONSUMERS)('a fresh Vite app on React $react, installed with $installer', (consumer) => {
  let app: string;
  let server: Started | undefined;

  beforeAll(async () => {
    // Outside the repository: nothing can resolve to the workspace by accident.
    app = join(work, consumer.name);
    await cp(template, app, { recursive: true });
    await writeFile(
      join(app, 'package.json'),
      JSON.stringify(consumerPackageJson(consumer, tarballs), null, 2),
    );
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('installs from the tarballs alone', async () => {
    if (consumer.installer === 'npm') {
      await sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], app);
    } else {
      await sh('pnpm', ['install', '--prefer-offline', '--config.ignore-workspace=true'], app);
    }
    for (const name of ['@gemkit/core', '@gemkit/react', '@gemkit/ui', '@gemkit/server']) {
      const installed = await realpath(join(app, 'node_modules', name));
      expect(installed.startsWith(repoRoot)).toBe(false);
      expect((await readdir(installed)).sort()).not.toContain('src');
    }
    const react = JSON.parse(await readFile(join(app, 'node_modules/react/package.json'), 'utf8')) as {
      version: string;
    };
    expect(react.version).toBe(consumer.react);
    expect((await lstat(join(app, 'node_modules/@gemkit/ui/dist/styles.css'))).isFile()).toBe(true);
  });

  it('type-checks as a TypeScript consumer (no skipLibCheck), server included', async () => {
    await sh(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
  });

  it('builds with Vite and no plugin but React’s', async () => {
    await sh(
      process.execPath,
      [join(app, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      app,
    );
    const assets = await readdir(join(app, 'dist/assets'));
    expect(assets.some((file) => file.endsWith('.css'))).toBe(true);
  });

  it('streams an answer in Chromium, from the route on the embedded emulator', async () => {
    const port = await freePort();
    server = spawnLogged(process.execPath, ['server.mjs'], app, { PORT: String(port), GEMINI_API_KEY: '' });
    await waitForOutput(server, /listening/);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`http://127.0.0.1:${port}/`);
      const growth = await recordAnswerGrowth(page);
      const input = page.getByRole('textbox', { name: 'Message' });
      await input.fill('Hello from an installed app [emulator: words=300]');
      await input.press('Enter');
      const answer = page.locator('article.gk-message-model').last();
      await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('completed');

      expect((await growth()).length).toBeGreaterThan(3);
      expect(await visibleText(answer)).toContain('Hello from an installed app');
      // The stylesheet applied: the chat is laid out as a column filling the viewport.
      const layout = await page
        .locator('.gk-chat')
        .evaluate((element) => getComputedStyle(element).flexDirection);
      expect(layout).toBe('column');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
