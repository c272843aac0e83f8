/**
 * Markdown parsing cost: streaming a long answer through `createMarkdownStream` (work per update
 * stays bounded by the open tail) against re-parsing the whole text on every update (what a renderer
 * without a stable prefix does), plus one-shot cost of cmark's pathological inputs.
 *
 *   pnpm --filter @gemkit/ui bench
 *
 * Prints a table and writes bench/results/ui-markdown.json at the workspace root. Parsing only (no
 * React, no DOM): the render side is covered by the render-count tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMarkdownStream } from '../src/markdown/parse/markdown-stream';
import { longCodeBlock, longParagraph, mixedMarkdown } from '../src/markdown/test/long-answers';

const DELTA = 20;
const SIZE = 50_000;

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function streamIncremental(text: string) {
  const stream = createMarkdownStream();
  for (let end = DELTA; end < text.length; end += DELTA) stream.update(text.slice(0, end), false);
  stream.update(text, true);
}

function streamNaive(text: string) {
  for (let end = DELTA; end < text.length; end += DELTA)
    createMarkdownStream().update(text.slice(0, end), true);
  createMarkdownStream().update(text, true);
}

const answers = {
  'mixed markdown': mixedMarkdown(SIZE),
  'one paragraph': longParagraph(SIZE),
  'one code block': longCodeBlock(SIZE),
};

const streaming = Object.entries(answers).map(([name, text]) => {
  const updates = Math.ceil(text.length / DELTA);
  const incremental = time(() => streamIncremental(text));
  const naive = time(() => streamNaive(text));
  return {
    name,
    chars: text.length,
    updates,
    incrementalMs: incremental,
    naiveMs: naive,
    speedup: naive / incremental,
  };
});

const pathological = {
  "'**a**' × 16000": '**a**'.repeat(16_000),
  'nested emphasis': `${'*a **a '.repeat(4_000)}b${' a** a*'.repeat(4_000)}`,
  'unclosed brackets': '['.repeat(32_000),
  'unclosed link destinations': '[a]('.repeat(16_000),
  'nested lists (1000 deep)': Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}* a\n`).join(''),
  'nested quotes (10000 deep)': `${'> '.repeat(10_000)}a`,
  'backtick runs': Array.from({ length: 1_000 }, (_, i) => `e${'`'.repeat(i)}`).join(''),
};
const oneShot = Object.entries(pathological).map(([name, text]) => ({
  name,
  chars: text.length,
  oneShotMs: time(() => createMarkdownStream().update(text, true)),
  streamedMs: time(() => {
    const stream = createMarkdownStream();
    const step = Math.ceil(text.length / 200);
    for (let end = step; end < text.length; end += step) stream.update(text.slice(0, end), false);
    stream.update(text, true);
  }),
}));

const round = (n: number) => Math.round(n * 10) / 10;
console.log(`\nStreaming ${SIZE / 1000} KB in ${DELTA}-character deltas (parse only)`);
console.table(
  streaming.map((r) => ({
    answer: r.name,
    updates: r.updates,
    'incremental ms': round(r.incrementalMs),
    'reparse-all ms': round(r.naiveMs),
    speedup: `${round(r.speedup)}×`,
  })),
);
console.log('Pathological inputs (one-shot, and streamed in 200 updates)');
console.table(
  oneShot.map((r) => ({
    input: r.name,
    chars: r.chars,
    'one-shot ms': round(r.oneShotMs),
    'streamed ms': round(r.streamedMs),
  })),
);

const out = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bench/results/ui-markdown.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ delta: DELTA, streaming, pathological: oneShot }, null, 2)}\n`);
console.log(`JSON: ${out}`);
