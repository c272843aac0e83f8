#!/usr/bin/env node
// The test suite drives a real Chromium and a real Redis server. On a fresh Debian machine run as root
// (CI, a dev container) we install them from Debian's packages; anywhere else we stop with a clear message,
// because a suite that silently skips its browser or Redis tests proves nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needs = [
  {
    what: 'Chromium',
    found: () => [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].some((p) => p && existsSync(p)),
    debianPackage: 'chromium',
    hint: 'set CHROMIUM_PATH to a Chromium/Chrome binary',
  },
  {
    what: 'redis-server',
    found: () => Boolean(process.env.REDIS_URL) || spawnSync('redis-server', ['--version']).status === 0,
    debianPackage: 'redis-server',
    hint: 'install redis-server, or set REDIS_URL to a Redis you can flush',
  },
];

const missing = needs.filter((need) => !need.found());
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('apt-get', ['--version']).status === 0;
if (isRoot && hasApt) {
  const packages = missing.map((need) => need.debianPackage);
  console.log(`Installing ${packages.join(', ')} from Debian's packages for the browser and Redis tests…`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const still = missing.filter((need) => !need.found());
  if (still.length === 0) process.exit(0);
  missing.splice(0, missing.length, ...still);
}

for (const need of missing) {
  console.error(`✗ ${need.what} is missing: apt-get install ${need.debianPackage}, or ${need.hint}.`);
}
process.exit(1);
