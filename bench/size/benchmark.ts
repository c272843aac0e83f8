import { type BundleSize, measureBundle } from './bundle.js';
import { type Entry, entries } from './entries.js';
import { buildPublished } from './published.js';

export interface SizeRow {
  key: string;
  name: string;
  import: string;
  external: string[];
  /** `measured`, or why not (`not yet built: …`). */
  status: string;
  size?: Omit<BundleSize, 'inputs' | 'modules'>;
  targetGzip?: number;
  met?: boolean;
  /** Up-front gzip size ÷ the anchor's (below 1: smaller). */
  vsAnchor?: { anchor: string; ratio: number };
  /** Minified bytes up front by source directory, largest first. */
  areas?: { area: string; bytes: number }[];
  /** The largest source files up front. */
  largest?: { path: string; bytes: number }[];
}

export interface SizeReport {
  method: string;
  rows: SizeRow[];
}

export const METHOD =
  'rolldown 1.2 (the bundler of Vite 8): tree shaking, oxc minification, NODE_ENV=production, browser ' +
  'conditions, peer dependencies external; workspace packages from their sources, or as tsdown builds them ' +
  '("published"); up front = the entry and the chunks it imports statically, gzipped (level 9) as one ' +
  'stream; prefetch = chunks the code up front loads once the page is idle (before the first request); ' +
  'lazy = the rest of what only dynamic import() reaches. 1 KB = 1024 bytes.';

export async function runSizeBenchmark(): Promise<SizeReport> {
  const rows: SizeRow[] = [];
  for (const entry of entries()) rows.push(await measureEntry(entry));
  for (const row of rows) {
    const entry = entries().find((candidate) => candidate.key === row.key);
    const anchor = rows.find((candidate) => candidate.key === entry?.anchor);
    if (row.size && anchor?.size) {
      row.vsAnchor = { anchor: anchor.key, ratio: Number((row.size.gzip / anchor.size.gzip).toFixed(3)) };
    }
  }
  return { method: METHOD, rows };
}

async function measureEntry(entry: Entry): Promise<SizeRow> {
  const base = { key: entry.key, name: entry.name, import: entry.contents, external: entry.external };
  if (entry.missing) return { ...base, status: entry.missing };
  const { inputs, modules: _modules, ...size } = await measureEntryBundle(entry);
  return {
    ...base,
    status: 'measured',
    size,
    ...(entry.targetGzip ? { targetGzip: entry.targetGzip, met: size.gzip <= entry.targetGzip } : {}),
    ...(inputs.length > 0 ? { areas: byArea(inputs), largest: inputs.slice(0, 12) } : {}),
  };
}

/** Bundles the entry from source, or from fresh builds of the packages it names as published. */
export async function measureEntryBundle({ published, ...entry }: Entry): Promise<BundleSize> {
  if (!published) return measureBundle(entry);
  const build = await buildPublished(published);
  try {
    return await measureBundle({ ...entry, published: build.entries });
  } finally {
    build.remove();
  }
}

/** `packages/core/src/client/http.ts` → `@gemkit/core client/`; `zod/v4/core/api.js` → `zod`. */
function byArea(inputs: { path: string; bytes: number }[]): { area: string; bytes: number }[] {
  const areas = new Map<string, number>();
  for (const { path, bytes } of inputs) {
    const workspace = /^packages\/([^/]+)\/src\/(?:([^/]+)\/)?/.exec(path);
    const area = workspace
      ? `@gemkit/${workspace[1]} ${workspace[2] ? `${workspace[2]}/` : '(top level)'}`
      : (path.startsWith('@') ? path.split('/').slice(0, 2) : path.split('/').slice(0, 1)).join('/');
    areas.set(area, (areas.get(area) ?? 0) + bytes);
  }
  return [...areas].map(([area, bytes]) => ({ area, bytes })).sort((a, b) => b.bytes - a.bytes);
}
