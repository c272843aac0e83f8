import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Modules that may use Node: the CLI and test helpers. (node.ts reaches Node only through process.getBuiltinModule.) */
const NODE_ONLY = new Set(['cli.ts', 'test-helpers.ts']);
/** node.ts may touch `process` to get node:http when called; it must still import nothing from Node. */
const LOADS_NODE_AT_CALL_TIME = new Set(['node.ts']);
const root = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the handler runs in browsers', () => {
  const files = sources(root).filter((path) => !NODE_ONLY.has(relative(root, path)));

  it('scans the handler modules', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files.map((path) => [relative(root, path), path]))('%s uses Web APIs only', (_name, path) => {
    const code = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const runtimeImports = [...code.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((m) => m[1]);
    for (const specifier of runtimeImports) expect(specifier).toMatch(/^\.\.?\//);
    expect(code).not.toMatch(/\bBuffer\b|\brequire\(|\bimport\(|^import (?!type )[^;]*from 'node:/m);
    if (!LOADS_NODE_AT_CALL_TIME.has(relative(root, path))) expect(code).not.toMatch(/\bprocess\b/);
  });
});
