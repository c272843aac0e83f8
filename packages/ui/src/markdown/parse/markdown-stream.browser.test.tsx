import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { longCodeBlock, longParagraph, mixedMarkdown } from '../test/long-answers';
import { markdownItHtml, snapshotHtml } from '../test/snapshot-html';
import { createMarkdownStream } from './markdown-stream';
import type { MarkdownSnapshot } from './types';

function streamed(text: string, sizes: readonly number[]): MarkdownSnapshot {
  const stream = createMarkdownStream();
  for (let end = 0, k = 0; end < text.length; k++) {
    end = Math.min(text.length, end + (sizes[k % sizes.length] as number));
    stream.update(text.slice(0, end), false);
  }
  return stream.update(text, true);
}

const oneShot = (text: string) => createMarkdownStream().update(text, true);

// Small pieces of markdown syntax, so random documents hit the interesting boundaries. No ':' — a
// link reference definition arriving after its use is the documented exception.
const syntax = [
  'a',
  'b',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '*',
  '**',
  '_',
  '`',
  '```',
  '~~~',
  '[',
  ']',
  '(',
  ')',
  '#',
  '- ',
  '1. ',
  '2) ',
  '> ',
  '|',
  '---',
  '===',
  '~~',
  '<',
  '>',
  '    ',
  '\t',
  'http://x.y ',
  '\\',
  '&amp;',
  '\r\n',
  'word ',
  'word ',
];
const words = ['lorem ', 'ipsum ', 'dolor ', 'sit ', 'amet ', 'consectetur ', 'adipiscing ', 'elit '];
const smallDocument = fc.array(fc.constantFrom(...syntax), { maxLength: 300 }).map((parts) => parts.join(''));
const largeDocument = fc
  .array(
    fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...words) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...syntax, '\n```js\n', 'x = 1;\n', '**b** ', '`c` ', '[l](http://e.x) '),
      },
    ),
    { maxLength: 2_500 },
  )
  .map((parts) => parts.join(''));

describe('streaming parse equals one-shot parse', () => {
  test('random small documents, random delta sizes', () => {
    fc.assert(
      fc.property(
        smallDocument,
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 40 }),
        (text, sizes) => {
          expect(snapshotHtml(streamed(text, sizes))).toBe(snapshotHtml(oneShot(text)));
        },
      ),
      { numRuns: 1_500 },
    );
  });

  test('random long documents (paragraph chunks, code groups), random delta sizes', () => {
    fc.assert(
      fc.property(
        largeDocument,
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 40 }),
        (text, sizes) => {
          expect(snapshotHtml(streamed(text, sizes))).toBe(snapshotHtml(oneShot(text)));
        },
      ),
      { numRuns: 150 },
    );
  });

  test('a line that opens like a backtick fence but has a backtick later is inline code, however it arrives', () => {
    // Found by the random test above (seed -583691115): the paragraph before it was closed too early.
    const text = 'a\n```2) a```';
    for (const sizes of [[8, 1], [1], [9], [3, 2]]) {
      expect(snapshotHtml(streamed(text, sizes))).toBe(snapshotHtml(oneShot(text)));
    }
    // markdown-it's reading: inline code in one paragraph, as CommonMark has it (no backtick in a fence's info).
    expect(markdownItHtml(text)).toBe('<p>a\n<code>2) a</code></p>\n');
    expect(snapshotHtml(oneShot(text))).toBe(markdownItHtml(text));
  });

  test.each([
    ['mixed markdown', mixedMarkdown(20_000)],
    ['one long paragraph', longParagraph(20_000)],
    ['one long code block', longCodeBlock(20_000)],
  ])('%s, one character at a time', (_name, text) => {
    expect(snapshotHtml(streamed(text, [1]))).toBe(snapshotHtml(oneShot(text)));
  });

  test('one-shot parse renders what markdown-it renders', () => {
    fc.assert(
      fc.property(smallDocument, (text) => {
        expect(snapshotHtml(oneShot(text))).toBe(markdownItHtml(text));
      }),
      { numRuns: 500 },
    );
    for (const text of [mixedMarkdown(5_000), longParagraph(5_000), longCodeBlock(5_000)]) {
      expect(snapshotHtml(oneShot(text))).toBe(markdownItHtml(text));
    }
  });
});

describe('the stable prefix', () => {
  test('finished blocks are the same objects in later snapshots', () => {
    const stream = createMarkdownStream();
    const first = stream.update('# Title\n\nFirst paragraph.\n\nSecond paragraph', false);
    const second = stream.update('# Title\n\nFirst paragraph.\n\nSecond paragraph grows.\n\n- a list', false);
    expect(second.blocks[0]).toBe(first.blocks[0]);
    expect(second.blocks[1]).toBe(first.blocks[1]);
    expect(second.blocks[2]).not.toBe(first.blocks[2]);
  });

  test('a long paragraph is frozen in chunks, kept when the paragraph ends', () => {
    const stream = createMarkdownStream();
    const text = longParagraph(10_000);
    let snapshot = stream.update('', false);
    for (let end = 50; end < text.length; end += 50) snapshot = stream.update(text.slice(0, end), false);
    const open = snapshot.blocks[0];
    const done = stream.update(text, true).blocks[0];
    if (open?.kind !== 'paragraph' || done?.kind !== 'paragraph') throw new Error('expected paragraphs');
    expect(open.chunks.length).toBeGreaterThan(10);
    expect(done.chunks.slice(0, -1)).toEqual(open.chunks.slice(0, -1));
    expect(done.chunks[0]).toBe(open.chunks[0]);
  });

  test('emphasis across a forced split is repaired when the paragraph ends', () => {
    const inner = 'word '.repeat(600);
    const text = `start **${inner}end** tail`;
    const snapshot = streamed(text, [40]);
    expect(snapshotHtml(snapshot)).toBe(markdownItHtml(text));
  });

  test('a paragraph that turns into a setext heading or a table is parsed again', () => {
    const long = `${'word '.repeat(300)}last`;
    expect(snapshotHtml(streamed(`${long}\n===\n`, [7]))).toBe(markdownItHtml(`${long}\n===\n`));
    const table = `${'word '.repeat(300)}\n| a | b |\n| - | - |\n| 1 | 2 |\n`;
    expect(snapshotHtml(streamed(table, [7]))).toBe(markdownItHtml(table));
  });

  test('a different text (a regenerated answer) starts over', () => {
    const stream = createMarkdownStream();
    stream.update('# One\n\nfirst answer', false);
    expect(snapshotHtml(stream.update('# Two\n\nsecond', true))).toBe(markdownItHtml('# Two\n\nsecond'));
  });

  test('an indented fence strips its indentation from tab-indented lines as markdown-it does', () => {
    // Found by the property test above: one column of a tab is indentation, three stay as spaces.
    for (const text of [' ```\n\ta', '  ```\n\t\tb\n  c\n', '   ```js\n \tx\n   ```\n']) {
      expect(snapshotHtml(streamed(text, [1]))).toBe(markdownItHtml(text));
      expect(snapshotHtml(oneShot(text))).toBe(markdownItHtml(text));
    }
  });

  test('CRLF split between two deltas is one line break', () => {
    const stream = createMarkdownStream();
    stream.update('a\r', false);
    expect(snapshotHtml(stream.update('a\r\nb', true))).toBe(markdownItHtml('a\nb'));
  });

  test('a link reference defined earlier resolves in later blocks', () => {
    const text = '[ref]: https://example.com\n\nSee [ref].\n\nMore.';
    expect(snapshotHtml(streamed(text, [3]))).toContain('<a href="https://example.com">ref</a>');
  });
});
